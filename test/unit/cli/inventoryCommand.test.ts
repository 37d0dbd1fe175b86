import * as assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { createInventoryCommand } from '../../../src/cli/inventoryCommand';
import type { InventoryJson, ZoneJson } from '../../../src/cli/inventoryJson';
import { runCli } from '../../../src/cli/main';
import { parseFaultSpec, type RunningSimulator, startSimulator } from '../../../src/simulator';
import { captureIo } from '../../helpers/cliIo';
import { acmeAccountId, demoGlobalKey, demoTokens } from '../../helpers/demoTokens';

const tokens = demoTokens;
const globalKey = demoGlobalKey;
const acmeAccount = acmeAccountId;

/**
 * Retry backoff is shortened so the 5xx and network-error cases take milliseconds. The clock
 * stays real: an accelerated one would also shrink the no-progress deadline to a few wall
 * milliseconds, which a loaded machine overruns.
 */
const command = createInventoryCommand({ retries: { baseDelayMs: 1, maxDelayMs: 5 } });

async function run(args: readonly string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo(env);
  const code = await command.run(args, io);
  const out = io.out.join('');
  const err = io.err.join('');
  // Whatever happened, no credential ever reaches the output.
  for (const secret of [...Object.values(tokens), globalKey.key, env['CLOUDFLARE_API_TOKEN'] ?? globalKey.key]) {
    assert.ok(!out.includes(secret) && !err.includes(secret), 'a credential was printed');
  }
  return { code, out, err };
}

function zoneNamed(json: InventoryJson, name: string): ZoneJson {
  const zone = json.zones.find((candidate) => candidate.name === name);
  assert.ok(zone !== undefined, `zone ${name} is listed`);
  return zone;
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

describe('cfcerts inventory', () => {
  let sim: RunningSimulator;
  let demoEnv: Record<string, string>;

  before(async () => {
    sim = await startSimulator({ lifecycle: false });
    demoEnv = { CLOUDFLARE_API_TOKEN: sim.demoToken, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl };
  });

  after(async () => {
    await sim.close();
  });

  it('is listed by cfcerts --help and answers its own --help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
    assert.match(io.out.join(''), /inventory/);
    const own = captureIo();
    assert.equal(await runCli(['inventory', '--help'], own), 0);
    assert.match(own.out.join(''), /--zone NAME/);
  });

  it('prints a table that fits 80 columns, with problems under their zone and a summary, and exits 1', async () => {
    const { code, out } = await run([], demoEnv);
    assert.equal(code, 1);
    const lines = out.trimEnd().split('\n');
    assert.ok(lines.every((line) => line.length <= 80), 'every line fits 80 columns');
    assert.match(lines[0] ?? '', /^ZONE\s+STATUS\s+PACKS/);
    assert.match(out, /^acme\.com\s+Active\s+25\s+5\s+0\s+6\s+error$/m);
    assert.match(out, /^ {2}error\s+Custom cert\s+partners-legacy\S*\s+Expired · expired \d+ d ago$/m);
    // Packs are named as in the explorer: by the host that is not the apex every pack covers.
    assert.match(out, /^ {2}error\s+Edge cert\s+legacy\.acme\.com \+1\s+Timed Out \(Validation\)$/m);
    assert.match(out, /^ {2}… \d+ more need attention \(see --json\)$/m);
    assert.match(lines.at(-1) ?? '', /^11 zones · \d+ errors · \d+ warnings · 0 collections failed$/);
  });

  it('prints Cloudflare objects as sent, each with its assessment, under --json', async () => {
    const { code, out } = await run(['--json'], demoEnv);
    assert.equal(code, 1);
    const json = JSON.parse(out) as InventoryJson;
    assert.equal(json.zones.length, 11);
    assert.deepEqual(json.errors, []);
    const acme = zoneNamed(json, 'acme.com');
    assert.deepEqual(Object.keys(acme), ['id', 'name', 'status', 'assessment', 'certificate_packs', 'custom_certificates', 'custom_hostnames', 'client_certificates', 'fallback_origin', 'errors']);
    assert.equal(acme.status, 'active');
    assert.equal(acme.fallback_origin, null, 'no fallback origin configured is null');
    assert.equal(acme.certificate_packs?.length, 25, 'status=all brings every pack, not only active ones');
    const pack = acme.certificate_packs?.find((item) => (item as { status?: string }).status === 'validation_timed_out') as Record<string, unknown> | undefined;
    assert.ok(pack !== undefined);
    assert.ok(Array.isArray(pack['hosts']) && 'type' in pack && 'id' in pack, 'Cloudflare field names are kept');
    assert.deepEqual(pack['assessment'], { label: 'Timed Out (Validation)', stage: 'validationTimedOut', severity: 'error', expiry: null });
  });

  it('weighs both statuses of a custom hostname', async () => {
    const { out } = await run(['--json', '--zone', 'tenantly.app'], demoEnv);
    const json = JSON.parse(out) as InventoryJson;
    const hostnames = zoneNamed(json, 'tenantly.app').custom_hostnames as unknown as ReadonlyArray<{ hostname: string; status: string; ssl: { status: string }; assessment: { label: string; severity: string } }>;
    assert.equal(hostnames.length, 33);
    const stuck = hostnames.find((item) => item.hostname === 'mail.acme-widgets.com');
    assert.equal(stuck?.status, 'active');
    assert.equal(stuck.ssl.status, 'deployment_timed_out');
    assert.equal(stuck.assessment.severity, 'error');
    assert.match(stuck.assessment.label, /^Certificate: /);
    const healthy = hostnames.find((item) => item.hostname === 'shop.bluebottle-coffee.com');
    assert.equal(healthy?.assessment.severity, 'ok');
  });

  it('exits 0 when every call succeeded and nothing needs attention', async () => {
    const { code, out, err } = await run(['--zone', 'tenantly.dev'], demoEnv);
    assert.equal(code, 0, err);
    assert.match(out, /^tenantly\.dev\s+Active\s+1\s+0\s+0\s+0\s+progress$/m);
    assert.match(out, /1 zone · 0 errors · 0 warnings · 0 collections failed/);
  });

  it('takes --api-base over CLOUDFLARE_API_BASE_URL', async () => {
    const { code, err } = await run(['--api-base', sim.apiBaseUrl, '--zone', 'tenantly.dev'], { CLOUDFLARE_API_TOKEN: sim.demoToken, CLOUDFLARE_API_BASE_URL: 'http://127.0.0.1:1/client/v4' });
    assert.equal(code, 0, err);
  });

  it('reports a zone name that is not there and exits 1', async () => {
    const { code, out } = await run(['--json', '--zone', 'tenantly.dev', '--zone', 'nowhere.example'], demoEnv);
    assert.equal(code, 1);
    const json = JSON.parse(out) as InventoryJson;
    assert.deepEqual(json.zones.map((zone) => zone.name), ['tenantly.dev']);
    assert.equal(json.errors[0]?.code, 'not_found');
    assert.equal(json.errors[0]?.collection, 'zones');
  });

  it('scopes to --account, which also verifies an account-owned token', async () => {
    const { out } = await run(['--json', '--account', acmeAccount], { ...demoEnv, CLOUDFLARE_API_TOKEN: tokens.account });
    const json = JSON.parse(out) as InventoryJson;
    assert.deepEqual(json.zones.map((zone) => zone.name).sort(), ['acme-legacy.net', 'acme-shop.com', 'acme.com', 'acme.dev', 'acme.io']);
  });

  it('works with a Global API Key and email', async () => {
    const { out } = await run(['--json', '--zone', 'acme.com'], { CLOUDFLARE_API_KEY: globalKey.key, CLOUDFLARE_EMAIL: globalKey.email, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    const json = JSON.parse(out) as InventoryJson;
    assert.equal(zoneNamed(json, 'acme.com').certificate_packs?.length, 25);
  });

  it('lists collections a token may not read under errors, prints the rest, and exits 1', async () => {
    const { code, out, err } = await run(['--json'], { ...demoEnv, CLOUDFLARE_API_TOKEN: tokens.zoneOnly });
    assert.equal(code, 1);
    const json = JSON.parse(out) as InventoryJson;
    assert.equal(json.zones.length, 11);
    const acme = zoneNamed(json, 'acme.com');
    assert.equal(acme.certificate_packs, undefined);
    assert.deepEqual(acme.errors.map((error) => error.collection), ['certificate_packs', 'custom_certificates', 'custom_hostnames', 'client_certificates', 'fallback_origin']);
    assert.ok(acme.errors.every((error) => error.code === 'missing_permission' && error.permission === 'SSL and Certificates: Read'));
    assert.deepEqual(acme.errors[0]?.cloudflare_errors, [{ code: 10000, message: 'Authentication error' }]);
    assert.match(err, /55 zone collection call\(s\) failed/);
  });

  it('keeps a failing collection local when the API keeps answering 5xx', async () => {
    const faulty = await startSimulator({ lifecycle: false, faults: parseFaultSpec('route=client_certificates,status=500') });
    try {
      const { code, out } = await run(['--json', '--zone', 'acme.com'], { CLOUDFLARE_API_TOKEN: faulty.demoToken, CLOUDFLARE_API_BASE_URL: faulty.apiBaseUrl });
      assert.equal(code, 1);
      const acme = zoneNamed(JSON.parse(out) as InventoryJson, 'acme.com');
      assert.equal(acme.client_certificates, undefined);
      assert.equal(acme.certificate_packs?.length, 25);
      assert.deepEqual(acme.errors.map((error) => [error.collection, error.code, error.status]), [['client_certificates', 'server', 500]]);
    } finally {
      await faulty.close();
    }
  });

  for (const [what, token] of [['an unknown', tokens.unknown], ['a disabled', tokens.disabled], ['an expired', tokens.expired]] as const) {
    it(`exits 2 with Cloudflare's code and message for ${what} token`, async () => {
      const { code, out, err } = await run([], { ...demoEnv, CLOUDFLARE_API_TOKEN: token });
      assert.equal(code, 2);
      assert.equal(out, '');
      assert.match(err, /9109 Invalid access token/);
    });
  }

  it('exits 2 for a malformed token, naming the bad header', async () => {
    const { code, err } = await run([], { ...demoEnv, CLOUDFLARE_API_TOKEN: 'short' });
    assert.equal(code, 2);
    assert.match(err, /6003 Invalid request headers/);
  });

  it('exits 2 and says which variables to set when there are no credentials', async () => {
    const { code, err } = await run([], { CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    assert.equal(code, 2);
    assert.match(err, /CLOUDFLARE_API_TOKEN/);
    assert.match(err, /CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL/);
    const keyOnly = await run([], { CLOUDFLARE_API_KEY: globalKey.key });
    assert.equal(keyOnly.code, 2);
    assert.match(keyOnly.err, /CLOUDFLARE_EMAIL is not/);
  });

  it('exits 2 when the API cannot be reached at all', async () => {
    const port = await closedPort();
    const { code, out, err } = await run([], { CLOUDFLARE_API_TOKEN: sim.demoToken, CLOUDFLARE_API_BASE_URL: `http://127.0.0.1:${port}/client/v4` });
    assert.equal(code, 2);
    assert.equal(out, '');
    assert.notEqual(err, '');
  });

  for (const args of [['--frobnicate'], ['extra'], ['--zone'], ['--zone', ' '], ['--account', ''], ['--api-base', 'ftp://example.com']]) {
    it(`exits 2 with the usage for ${JSON.stringify(args)}`, async () => {
      const { code, err } = await run(args, demoEnv);
      assert.equal(code, 2);
      assert.match(err, /Usage: cfcerts inventory/);
    });
  }
});
