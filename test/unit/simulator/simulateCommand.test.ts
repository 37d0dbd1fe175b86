import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../../support/cliIo';

/** Resolves once the command has printed its banner (it then waits for Ctrl+C). */
async function untilPrinted(out: string[], text: string): Promise<void> {
  for (let tries = 0; tries < 500 && !out.join('').includes(text); tries++) {
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('cfcerts simulate', () => {
  it('prints the API base URL, TLS address, CA file and demo token, serves until aborted, then stops cleanly', async () => {
    const controller = new AbortController();
    const io = captureIo({}, controller.signal);
    const running = runCli(['simulate', '--port', '0', '--tls-port', '0', '--latency', '0', '--faults', 'route=*,latency=1'], io);
    await untilPrinted(io.out, 'Ctrl+C');
    const text = io.out.join('');
    const baseUrl = /API base URL\s+(http:\/\/127\.0\.0\.1:\d+\/client\/v4)/.exec(text)?.[1];
    assert.ok(baseUrl !== undefined, text);
    assert.match(text, /TLS edge\s+127\.0\.0\.1:\d+/);
    assert.match(text, /CA file\s+\S+simulator-ca\.pem/);
    assert.match(text, /Demo token\s+SIMULATOR-DEMO-TOKEN/);
    assert.match(text, /cfcerts inventory --api-base/);
    const response = await fetch(`${baseUrl}/user/tokens/verify`, { headers: { authorization: 'Bearer SIMULATOR-DEMO-TOKEN-not-a-real-cloudflare-token-0001' } });
    assert.equal(response.status, 200);
    controller.abort();
    assert.equal(await running, 0);
    assert.match(io.out.join(''), /Simulator stopped after 1 requests/);
  });

  it('starts the DNS server on the asked port when --dns-port is given, and prints it', async () => {
    const controller = new AbortController();
    const io = captureIo({}, controller.signal);
    const running = runCli(['simulate', '--port', '0', '--tls-port', 'off', '--dns-port', '0', '--dns-latency', '1'], io);
    await untilPrinted(io.out, 'Ctrl+C');
    assert.match(io.out.join(''), /DNS\b.*127\.0\.0\.1:\d+/);
    controller.abort();
    assert.equal(await running, 0);
  });

  it('documents the fault syntax in its usage', async () => {
    const io = captureIo();
    assert.equal(await runCli(['simulate', '--help'], io), 0);
    assert.match(io.out.join(''), /route=custom_hostnames,status=503,rate=0\.2;route=\*,latency=50/);
  });

  it('exits 2 with a clear message on a bad option, fault spec or scenario file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cfcerts-simulate-test-'));
    try {
      const bad = join(folder, 'bad.json');
      await writeFile(bad, JSON.stringify({ name: 'bad', accounts: [], tokens: [], zones: [{ id: 'z' }] }));
      const broken = join(folder, 'broken.json');
      await writeFile(broken, '{ nope');
      const cases: [string[], RegExp][] = [
        [['--port', 'eighty'], /--port needs a whole number/],
        [['--faults', 'route=nowhere,status=500'], /unknown fault route nowhere/],
        [['--scenario', bad], /zones\[0\]\.name/],
        [['--scenario', broken], /broken\.json/],
        [['--scenario', join(folder, 'missing.json')], /cannot read scenario/],
        [['--wat'], /unknown option --wat/],
        [['--dns-latency', 'slow'], /--dns-latency needs a whole number/],
        [['--dns-port', '70000'], /--dns-port needs a whole number from 0 to 65535/],
      ];
      for (const [args, message] of cases) {
        const io = captureIo();
        assert.equal(await runCli(['simulate', ...args], io), 2, args.join(' '));
        assert.match(io.err.join(''), message);
      }
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
