import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { createProbeCommand } from '../../../src/cli/probeCommand';
import { deadResolver } from '../../support/probe/fakeResolver';
import { captureIo } from '../../support/cliIo';
import { refusedPort, startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { probeFixtures, type ProbeFixtures } from '../../support/probe/testPki';

describe('cfcerts probe', () => {
  let pki: ProbeFixtures;
  let server: TestServer;
  let folder: string;
  let caFile: string;

  before(async () => {
    pki = await probeFixtures();
    server = await startTlsServer({ cert: pki.chain(pki.valid), key: pki.valid.keyPem, sni: { 'other.example.net': { cert: pki.chain(pki.other), key: pki.other.keyPem } } });
    folder = await mkdtemp(join(tmpdir(), 'cfcerts-probe-'));
    caFile = join(folder, 'root.pem');
    await writeFile(caFile, pki.root.certPem);
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const io = captureIo();
    // The machine's DNS is never asked: the SNI name's own DNS comes from a dead resolver.
    const code = await createProbeCommand({ resolver: deadResolver }).run(args, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  it('prints a readable summary, verdict first, and exits 0 when all is well', async () => {
    const { code, out } = await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile);
    assert.equal(code, 0);
    assert.match(out, /^OK {2}app\.example\.com: /);
    assert.match(out, /trust {5}trusted \(bundled roots \+ root\.pem\)/);
    assert.match(out, /0 {2}CN=app\.example\.com/);
  });

  it('prints the documented JSON object with --json', async () => {
    const { code, out } = await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--json', '--expect-serial', pki.valid.serialNumber, '--expect-host', 'www.app.example.com');
    assert.equal(code, 0);
    const json = JSON.parse(out) as Record<string, unknown> & { target: object; tls: object; trust: object; chain: Record<string, unknown>[]; timings: object };
    assert.deepEqual(Object.keys(json).filter((key) => ['servername', 'target', 'verdict', 'tls', 'trust', 'hostnameMatch', 'chain', 'timings', 'error'].includes(key)).length, 9);
    assert.equal(json['verdict'], 'ok');
    assert.equal(json['error'], null);
    assert.deepEqual(json.target, { host: '127.0.0.1', port: server.port, address: '127.0.0.1', family: 4 });
    for (const key of ['protocol', 'cipher', 'alpn', 'ocspStapled']) {
      assert.ok(key in json.tls, key);
    }
    assert.ok('authorized' in json.trust && 'error' in json.trust);
    for (const key of ['subject', 'issuer', 'subjectAltNames', 'serialNumber', 'validFrom', 'validTo', 'daysLeft', 'fingerprint256', 'keyType', 'keyBits', 'signatureAlgorithm']) {
      assert.ok(key in (json.chain[0] ?? {}), key);
    }
    for (const key of ['dnsMs', 'connectMs', 'tlsMs', 'totalMs']) {
      assert.ok(key in json.timings, key);
    }
  });

  it('exits 1 for any other verdict: unexpected certificate, untrusted, unreachable', async () => {
    const unexpected = await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--expect-issuer', 'Some Other CA', '--json');
    assert.equal(unexpected.code, 1);
    assert.equal((JSON.parse(unexpected.out) as { verdict: string }).verdict, 'unexpected-certificate');
    const untrusted = await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`);
    assert.equal(untrusted.code, 1);
    assert.match(untrusted.out, /^UNTRUSTED/);
    const port = await refusedPort();
    const refused = await cli('app.example.com', '--connect', '127.0.0.1', '--port', String(port), '--json');
    assert.equal(refused.code, 1);
    assert.deepEqual((JSON.parse(refused.out) as { error: unknown }).error, { code: 'refused', message: (JSON.parse(refused.out) as { error: { message: string } }).error.message, stage: 'connect' });
  });

  it('uses the default certificate with --no-sni', async () => {
    const { code, out } = await cli('other.example.net', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--no-sni', '--json');
    assert.equal(code, 1);
    const json = JSON.parse(out) as { verdict: string; chain: { subject: string }[] };
    assert.deepEqual([json.verdict, json.chain[0]?.subject], ['hostname-mismatch', 'CN=app.example.com']);
  });

  it('runs the matrix and prints it side by side', async () => {
    const { code, out } = await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--matrix');
    // The server has no RSA certificate: RSA-only clients fail.
    assert.equal(code, 1);
    assert.match(out, /^HANDSHAKE-FAILED {2}app\.example\.com: 4 probes/);
    assert.equal(out.split('\n').filter((line) => line.includes('127.0.0.1 ')).length, 4);
    const json = JSON.parse((await cli('app.example.com', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--matrix', '--json')).out) as { cells: { probe: { verdict: string } }[] };
    assert.equal(json.cells.length, 4);
  });

  it('exits 2 with the reason on stderr for bad input, before any connection', async () => {
    const before = server.connections();
    const cases: [string[], RegExp][] = [
      [[], /Name a HOST to probe, a list with --hosts FILE, or a zone with --zone NAME/],
      [['app example.com'], /spaces/],
      [[''], /empty/],
      [['app.example.com:0'], /port 0/],
      [['app.example.com', '--connect', '127.0.0.1:70000'], /outside/],
      [['app.example.com', '--port', '0'], /--port must be/],
      [['https://user:secret@app.example.com/'], /credentials/],
      [['999.1.1.1'], /not a valid IPv4/],
      [['app.example.com', '--timeout', 'soon'], /--timeout/],
      [['app.example.com', '--ipv4', '--ipv6'], /exclude/],
      [['app.example.com', '--key-type', 'dsa'], /--key-type/],
      [['app.example.com', '--bogus'], /bogus/],
      [['app.example.com', '--ca', join(folder, 'missing.pem')], /Cannot read the CA file/],
    ];
    for (const [args, pattern] of cases) {
      const { code, err, out } = await cli(...args);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, pattern, args.join(' '));
      assert.equal(out, '');
      assert.ok(!err.includes('secret'));
    }
    assert.equal(server.connections(), before);
  });

  it('prints its usage for --help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['probe', '--help'], io), 0);
    assert.match(io.out.join(''), /--connect TARGET\[:PORT\]/);
  });
});
