import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createDiagnoseCommand } from '../../../src/cli/diagnoseCommand';
import { runCli } from '../../../src/cli/main';
import type { Diagnosis } from '../../../src/diagnose';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { captureIo } from '../../helpers/cliIo';
import { cloudflareAddress, dcvUuid, diagnoseScenario, diagnoseToken, fallbackOrigin, hostnameObject, originAddress, packObject } from '../../helpers/diagnoseScenario';

// Retry backoff is shortened; the clock stays real. An accelerated clock also shrank the API's
// no-progress deadline to a few wall milliseconds, which a loaded machine overran: the zone
// load stopped and nothing was diagnosed.
const command = createDiagnoseCommand({ retries: { baseDelayMs: 1, maxDelayMs: 5 } });

interface Output {
  readonly diagnoses: Diagnosis[];
  readonly errors: { collection: string; code: string; message: string }[];
}

const scenario = diagnoseScenario({
  hostnames: [
    hostnameObject({ hostname: 'good.customer.test', status: 'active', txt: { name: '_acme-challenge.good.customer.test', value: 'good-token' } }),
    hostnameObject({ hostname: 'stuck.customer.test', txt: { name: '_acme-challenge.stuck.customer.test', value: 'stuck-token' } }),
    hostnameObject({ hostname: 'xn--bcher-kva.customer.test', status: 'active', txt: { name: '_acme-challenge.xn--bcher-kva.customer.test', value: 'idn-token' } }),
    hostnameObject({ hostname: 'fine.customer.test', status: 'active', sslStatus: 'active' }),
    hostnameObject({ hostname: 'vendor.customer.test', status: 'active', sslStatus: 'active' }),
  ],
  partialPacks: [packObject({ hosts: ['partial.test', '*.partial.test'], txt: [{ name: '_acme-challenge.partial.test', value: 'pack-token' }] })],
  records: [
    { name: 'good.customer.test', type: 'CNAME', value: fallbackOrigin },
    { name: fallbackOrigin, type: 'A', value: cloudflareAddress },
    { name: '_acme-challenge.good.customer.test', type: 'TXT', value: 'good-token' },
    { name: 'xn--bcher-kva.customer.test', type: 'CNAME', value: fallbackOrigin },
    { name: '_acme-challenge.xn--bcher-kva.customer.test', type: 'TXT', value: 'idn-token' },
    { name: 'fine.customer.test', type: 'CNAME', value: fallbackOrigin },
    { name: 'vendor.customer.test', type: 'CNAME', value: 'edge.vendor.test' },
    { name: 'edge.vendor.test', type: 'A', value: originAddress },
    { name: 'stuck.customer.test', type: 'CNAME', value: 'origin.customer.test' },
    { name: 'origin.customer.test', type: 'A', value: originAddress },
    // A hostile value: terminal escapes must never reach the terminal raw.
    { name: '_acme-challenge.stuck.customer.test', type: 'TXT', value: 'old\u001b[31mRED\u202eevil' },
    { name: 'partial.test', type: 'A', value: originAddress },
    { name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'pki.goog' } },
    { name: '_acme-challenge.partial.test', type: 'CNAME', value: `partial.test.${dcvUuid}.dcv.cloudflare.com` },
    // Cloudflare's side of the delegation: the token sits at the target.
    { name: `partial.test.${dcvUuid}.dcv.cloudflare.com`, type: 'TXT', value: 'pack-token' },
  ],
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

describe('cfcerts diagnose', function () {
  let sim: RunningSimulator;
  let env: Record<string, string>;
  let dnsArgs: string[];

  before(async () => {
    sim = await startSimulator({ scenario, lifecycle: false });
    env = { CLOUDFLARE_API_TOKEN: diagnoseToken, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl };
    dnsArgs = ['--dns-server', `127.0.0.1:${sim.dns?.port ?? 0}`];
  });
  after(async () => {
    await sim?.close();
  });

  async function run(args: readonly string[], environment = env): Promise<{ code: number; out: string; err: string }> {
    const io = captureIo(environment);
    const code = await command.run(args, io);
    const out = io.out.join('');
    const err = io.err.join('');
    assert.ok(!out.includes(diagnoseToken) && !err.includes(diagnoseToken), 'the token was printed');
    return { code, out, err };
  }

  async function json(args: readonly string[]): Promise<{ code: number; output: Output; err: string }> {
    const { code, out, err } = await run([...args, '--json', ...dnsArgs]);
    return { code, output: JSON.parse(out) as Output, err };
  }

  const codes = (diagnosis: Diagnosis | undefined): string[] => (diagnosis?.findings ?? []).map((finding) => finding.code).sort();

  it('is listed by cfcerts --help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
    assert.match(io.out.join(''), /diagnose/);
  });

  it('exits 0 when every check of a HOST passes, in the documented JSON shape', async () => {
    const { code, output } = await json(['good.customer.test']);
    assert.equal(code, 0);
    assert.deepEqual(output.errors, []);
    assert.equal(output.diagnoses.length, 1);
    const [diagnosis] = output.diagnoses;
    assert.deepEqual(Object.keys(diagnosis ?? {}), ['kind', 'id', 'zone', 'hosts', 'status', 'ssl_status', 'findings']);
    assert.equal(diagnosis?.kind, 'customHostname');
    assert.equal(diagnosis?.zone, 'tenantly.test');
    assert.deepEqual(diagnosis?.hosts, ['good.customer.test']);
    assert.equal(diagnosis?.ssl_status, 'pending_validation');
    assert.deepEqual(codes(diagnosis), ['caa-ok', 'dns-ok', 'proxied-ok', 'txt-ok']);
    assert.deepEqual(Object.keys(diagnosis?.findings[0] ?? {}), ['check', 'code', 'severity', 'actor', 'name', 'message', 'fix', 'checkedAt']);
  });

  it('exits 1 and names the fixes when a HOST has problems', async () => {
    const { code, output } = await json(['stuck.customer.test']);
    assert.equal(code, 1);
    assert.deepEqual(codes(output.diagnoses[0]), ['caa-ok', 'cname-not-pointing', 'dns-ok', 'ownership-unknown', 'proxied-ok', 'txt-mismatch']);
  });

  it('finds a HOST case-insensitively, with a trailing dot, in Unicode for an IDN, and a wildcard pack host by its literal name', async () => {
    const { code, output } = await json(['GOOD.Customer.Test.', 'bücher.customer.test', '*.partial.test']);
    assert.deepEqual(output.diagnoses.map((diagnosis) => diagnosis.hosts[0]).sort(), ['good.customer.test', 'partial.test', 'xn--bcher-kva.customer.test']);
    assert.equal(code, 1, 'the pack has a CAA problem');
  });

  it('diagnoses every object of a --zone that is not active, worst first', async () => {
    const { output } = await json(['--zone', 'tenantly.test']);
    const hosts = output.diagnoses.map((diagnosis) => diagnosis.hosts[0]);
    assert.deepEqual([...hosts].sort(), ['good.customer.test', 'stuck.customer.test', 'xn--bcher-kva.customer.test']);
    assert.equal(hosts[0], 'stuck.customer.test');
  });

  it('takes HOST and --zone together as the union, and every zone when given neither', async () => {
    const union = await json(['fine.customer.test', '--zone', 'partial.test']);
    assert.deepEqual(union.output.diagnoses.map((diagnosis) => diagnosis.hosts[0]).sort(), ['fine.customer.test', 'partial.test']);
    const all = await json([]);
    assert.equal(all.output.diagnoses.length, 4);
    const pack = all.output.diagnoses.find((diagnosis) => diagnosis.kind === 'certificatePack');
    assert.deepEqual(codes(pack), ['caa-blocks-ca', 'caa-blocks-ca', 'dcv-delegation-ok', 'dns-ok', 'txt-ok']);
    assert.equal(pack?.ssl_status, null);
    assert.equal(all.code, 1);
  });

  it('accepts another CNAME target for a zone with --cname-target', async () => {
    const without = await json(['vendor.customer.test']);
    assert.equal(without.code, 0, 'an active hostname gets no cname check');
    const stuck = await json(['stuck.customer.test', '--cname-target', 'tenantly.test=origin.customer.test']);
    assert.ok(codes(stuck.output.diagnoses[0]).includes('cname-ok'));
  });

  it('reports a HOST that nothing covers as a top-level error, exit 1', async () => {
    const { code, output, err } = await json(['nobody.customer.test']);
    assert.equal(code, 1);
    assert.deepEqual(output.errors.map((error) => [error.collection, error.code]), [['hosts', 'not_found']]);
    assert.match(err, /nobody\.customer\.test/);
  });

  it('calls a DNS server that never answers unknown, exit 1, never 0', async () => {
    const port = await closedPort();
    const { code, out } = await run(['good.customer.test', '--json', '--dns-server', `127.0.0.1:${port}`, '--timeout', '200']);
    assert.equal(code, 1);
    const output = JSON.parse(out) as Output;
    assert.ok(output.diagnoses[0]?.findings.every((finding) => finding.severity === 'unknown'), out);
  });

  it('prints a readable report with the next step, and escapes what DNS sent', async () => {
    const good = await run(['good.customer.test', ...dnsArgs]);
    assert.match(good.out, /^OK\s+good\.customer\.test/m);
    assert.match(good.out, /ask Cloudflare to check again \(Refresh the custom hostname\)/);
    const stuck = await run(['stuck.customer.test', ...dnsArgs]);
    assert.match(stuck.out, /^ERROR\s+stuck\.customer\.test/m);
    assert.match(stuck.out, /fix\s+Add TXT _acme-challenge\.stuck\.customer\.test = "stuck-token"/);
    assert.ok(!stuck.out.includes('\u001b') && !stuck.out.includes('\u202e'), 'a control character reached the terminal');
    assert.match(stuck.out, /\\u001b\[31mRED\\u202eevil/);
    const asJson = await run(['stuck.customer.test', '--json', ...dnsArgs]);
    assert.ok(!asJson.out.includes('\u001b') && !asJson.out.includes('\u202e'));
    assert.match(JSON.stringify(JSON.parse(asJson.out)), /old\\u001b\[31mRED/);
  });

  it('exits 2 for bad usage', async () => {
    for (const args of [['--dns-server', 'not-an-ip'], ['--timeout', '0'], ['--resolve', 'nonsense'], ['--cname-target', 'zone-without-name'], ['--bogus'], ['--api-base', 'ftp://x']]) {
      const { code, err } = await run([...args, ...dnsArgs]);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, /Usage: cfcerts diagnose/);
    }
  });

  it('exits 2 for rejected credentials and for an API that cannot be reached', async () => {
    const rejected = await run(['good.customer.test', ...dnsArgs], { ...env, CLOUDFLARE_API_TOKEN: 'SIMULATOR-UNKNOWN-TOKEN-not-a-real-token-0000000099' });
    assert.equal(rejected.code, 2);
    const none = await run(['good.customer.test', ...dnsArgs], { CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    assert.equal(none.code, 2);
    const port = await closedPort();
    const unreachable = await run(['good.customer.test', ...dnsArgs], { ...env, CLOUDFLARE_API_BASE_URL: `http://127.0.0.1:${port}/client/v4` });
    assert.equal(unreachable.code, 2);
  });
});
