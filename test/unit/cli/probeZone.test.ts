import assert from 'node:assert/strict';
import { createProbeCommand } from '../../../src/cli/probeCommand';
import { planZone } from '../../../src/probing/probePlan';
import { runProbePlan } from '../../../src/probing/runProbePlan';
import { zoneCatalog } from '../../../src/probing/zoneCatalog';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { captureIo } from '../../support/cliIo';
import { demoTokens } from '../../support/simulator/demoTokens';
import { explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { deadResolver } from '../../support/probe/fakeResolver';

interface ZoneLine {
  servername: string;
  verdict: string;
  reasons: string[];
  chain: unknown[];
  api: { zone: string; object: string | null; expected: string | null; comparison: { field: string; matches: boolean | null }[] };
}

const command = createProbeCommand({ resolver: deadResolver, retries: { max: 0 } });

describe('cfcerts probe --zone: every name of a zone against what the API says', () => {
  let sim: RunningSimulator;
  let env: Record<string, string>;
  let edgeArgs: string[];

  before(async () => {
    sim = await startSimulator({ tlsPort: 0, lifecycle: false });
    assert.ok(sim.tls !== undefined);
    env = { CLOUDFLARE_API_TOKEN: demoTokens.demo, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl };
    // --warning-days 0: the scenario's expiry dates are its own business; what the edge serves is ours.
    edgeArgs = ['--connect', `${sim.tls.host}:${sim.tls.port}`, '--ca', sim.tls.caFile, '--warning-days', '0'];
  });
  after(() => sim.close());

  async function cli(args: readonly string[], environment: Record<string, string> = env): Promise<{ code: number; out: string; err: string }> {
    const io = captureIo(environment);
    const code = await command.run(args, io);
    const out = io.out.join('');
    const err = io.err.join('');
    assert.ok(!out.includes(demoTokens.demo) && !err.includes(demoTokens.demo), 'the token was printed');
    return { code, out, err };
  }

  const lines = (out: string): ZoneLine[] => out.trimEnd().split('\n').map((line) => JSON.parse(line) as ZoneLine);

  it('exits 0 when the edge serves what the API says for every name, in JSON Lines with the API side added', async () => {
    const { code, out, err } = await cli(['--zone', 'acme-shop.com', ...edgeArgs, '--json']);
    assert.equal(code, 0, err);
    const [line, ...rest] = lines(out);
    assert.deepEqual(rest, []);
    assert.equal(line?.servername, 'acme-shop.com');
    assert.equal(line?.verdict, 'ok');
    assert.equal(line?.api.zone, 'acme-shop.com');
    assert.match(line?.api.object ?? '', /pack$/);
    assert.ok((line?.api.comparison.length ?? 0) > 0 && line?.api.comparison.every((row) => row.matches === true));
    // The wildcard is said on stderr, not probed.
    assert.match(err, /acme-shop\.com: skipped \*\.acme-shop\.com: a wildcard needs a real name/);
  });

  it('judges every name as "Probe All in Zone" judges it: same names, same verdicts, exit 1 when one is not ok', async () => {
    const { code, out } = await cli(['--zone', 'tenantly.app', ...edgeArgs, '--json', '--concurrency', '8']);
    assert.equal(code, 1);
    const cliVerdicts = new Map(lines(out).map((line) => [line.servername, line.verdict]));

    // The extension's way: the explorer loads the zone (every hostname page), then plans and runs.
    const account = tokenAccount(demoTokens.demo);
    const explorer = explorerOver(sim.apiBaseUrl, [account]);
    try {
      await explorer.model.loadZones(account.profile.key);
      await explorer.model.whenIdle();
      const zone = [...(explorer.model.account(account.profile.key)?.zoneStates.values() ?? [])].find((state) => state.zone.name === 'tenantly.app');
      assert.ok(zone !== undefined);
      await explorer.model.loadZone(account.profile.key, zone.zone.id);
      await explorer.model.loadHostnames(account.profile.key, zone.zone.id, { all: true });
      const catalog = zoneCatalog(explorer.model, account.profile.key, zone.zone.id);
      assert.ok(catalog !== undefined);
      const edge = sim.tls;
      assert.ok(edge !== undefined);
      const run = await runProbePlan(planZone(catalog, { kind: 'zone', account: account.profile.key, zone: zone.zone.id }), {
        rules: [{ pattern: '*', address: edge.host, ipVersion: 4, port: edge.port }],
        roots: { pem: edge.caPem, label: 'simulator-ca.pem' },
        concurrency: 8,
        warningDays: 0,
        resolver: deadResolver,
      });
      const extensionVerdicts = new Map(run.outcomes.map((outcome) => [outcome.result.servername, outcome.result.verdict]));
      assert.ok(extensionVerdicts.size > 20, 'the zone has its custom hostnames and its pack');
      assert.deepEqual(new Map([...cliVerdicts].sort()), new Map([...extensionVerdicts].sort()));
      assert.ok([...cliVerdicts.values()].includes('ok') && [...cliVerdicts.values()].some((verdict) => verdict !== 'ok'));
    } finally {
      await explorer.close();
    }
  });

  it('prints one line per name with the API object it was judged against, then the summary', async () => {
    const { code, out } = await cli(['--zone', 'tenantly.app', ...edgeArgs]);
    assert.equal(code, 1);
    assert.match(out, /^OK +tenantly\.app {2}tenantly\.app:\d+ \(127\.0\.0\.1\) {2}TLSv1\.3, .* · API: ECDSA certificate of the Universal pack$/m);
    assert.match(out, /^HOSTNAME-MISMATCH +app\.northwind-traders\.com {2}.* · API: Managed certificate of the custom hostname$/m);
    assert.match(out, /\nSummary: \d+ names probed in [\d.]+ s, \d+ ok\n/);
    assert.match(out, /\nNot ok, in list order:\n/);
  });

  it('exits 2 for an unknown zone, missing or rejected credentials, and options that do not go with --zone', async () => {
    const unknown = await cli(['--zone', 'nowhere.example', ...edgeArgs]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /--zone: No zone named nowhere\.example is visible to these credentials/);
    const none = await cli(['--zone', 'acme.com', ...edgeArgs], { CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    assert.equal(none.code, 2);
    assert.match(none.err, /credentials: No Cloudflare credentials: set CLOUDFLARE_API_TOKEN/);
    const rejected = await cli(['--zone', 'acme.com', ...edgeArgs], { CLOUDFLARE_API_TOKEN: demoTokens.unknown, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    assert.equal(rejected.code, 2);
    assert.ok(!rejected.err.includes(demoTokens.unknown));
    const cases: [string[], RegExp][] = [
      [['--zone', 'acme.com', 'www.acme.com'], /name no HOST and no --hosts/],
      [['--zone', 'acme.com', '--matrix'], /--matrix cannot be combined/],
      [['--zone', 'acme.com', '--expect-serial', '01', '--key-type', 'rsa'], /--key-type, --expect-serial cannot be combined/],
      [['--zone', 'acme.com', '--api-base', 'ftp://example.com'], /http\(s\) URL/],
      [['--zone', ''], /--zone needs a zone name/],
    ];
    for (const [args, pattern] of cases) {
      const result = await cli(args);
      assert.equal(result.code, 2, args.join(' '));
      assert.match(result.err, pattern, args.join(' '));
      assert.equal(result.out, '');
    }
  });
});
