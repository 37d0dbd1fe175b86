import * as assert from 'node:assert/strict';
import { inventoryCommand } from '../../../src/cli/inventoryCommand';
import type { InventoryJson } from '../../../src/cli/inventoryJson';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { captureIo } from '../../support/cliIo';
import { expiringScenario } from '../../support/simulator/expiringScenario';

/** The real clock: expiry is judged against the simulator's relative dates. */
async function run(simulator: RunningSimulator, args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ CLOUDFLARE_API_TOKEN: simulator.demoToken, CLOUDFLARE_API_BASE_URL: simulator.apiBaseUrl });
  const code = await inventoryCommand.run(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

interface Assessed {
  readonly hosts?: readonly string[];
  readonly assessment: { readonly severity: string; readonly label: string; readonly expiry: { readonly expires_on: string; readonly days_left: number; readonly severity: string } | null };
}

function customCertificates(json: InventoryJson, zone: string): readonly Assessed[] {
  return json.zones.find((candidate) => candidate.name === zone)?.custom_certificates ?? [];
}

describe('cfcerts inventory judges expiry as the explorer does', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, scenario: expiringScenario() });
  });

  after(async () => {
    await simulator.close();
  });

  it('exits 1 for a zone whose only object is an active certificate expiring tomorrow', async () => {
    const { code, out } = await run(simulator, ['--zone', 'tomorrow.example']);
    assert.equal(code, 1);
    assert.match(out, /^tomorrow\.example\s+Active\s+0\s+1\s+0\s+0\s+error$/m);
    assert.match(out, /^ {2}error\s+Custom cert\s+shop\.tomorrow\.example\s+Active · expires today$/m);
    assert.match(out, /1 zone · 1 error · 0 warnings/);
  });

  it('gives assessment.severity as status and expiry together, and assessment.expiry', async () => {
    const { out } = await run(simulator, ['--json', '--zone', 'tomorrow.example']);
    const [certificate] = customCertificates(JSON.parse(out) as InventoryJson, 'tomorrow.example');
    assert.equal(certificate?.assessment.label, 'Active');
    assert.equal(certificate.assessment.severity, 'error');
    assert.equal(certificate.assessment.expiry?.days_left, 0);
    assert.equal(certificate.assessment.expiry.severity, 'error');
    assert.ok(Math.abs(Date.parse(certificate.assessment.expiry.expires_on) - (Date.now() + 86_400_000)) < 60_000, 'expires_on is the certificate\'s expiry');
  });

  it('takes --warning-days and --critical-days, like the settings', async () => {
    const severityOf = async (args: readonly string[], host: string): Promise<string | undefined> => {
      const { out } = await run(simulator, ['--json', '--zone', 'expiring.example', ...args]);
      return customCertificates(JSON.parse(out) as InventoryJson, 'expiring.example').find((item) => item.hosts?.includes(host))?.assessment.severity;
    };
    assert.equal(await severityOf([], 'warn.expiring.example'), 'warning', '19 days left is a warning at the default 30');
    assert.equal(await severityOf(['--warning-days', '10'], 'warn.expiring.example'), 'ok');
    assert.equal(await severityOf(['--critical-days', '25'], 'warn.expiring.example'), 'error');
    assert.equal(await severityOf(['--warning-days', '10', '--critical-days', '1'], 'critical.expiring.example'), 'warning', '2 days left');
  });

  for (const args of [['--warning-days', 'soon'], ['--warning-days', '0'], ['--critical-days', '-1'], ['--critical-days', '400'], ['--warning-days', '5', '--critical-days', '6']]) {
    it(`exits 2 with the usage for ${JSON.stringify(args)}`, async () => {
      const { code, err } = await run(simulator, args);
      assert.equal(code, 2);
      assert.match(err, /-days/);
    });
  }
});

describe('cfcerts inventory reports bad data', () => {
  it('reports zones that fail the run-time checks as a bad_item error and exits 1', async () => {
    const simulator = await startSimulator({ lifecycle: false });
    try {
      for (const name of ['acme.io', 'acme.dev']) {
        const zone = simulator.state.zones.find((candidate) => candidate.spec.name === name);
        assert.ok(zone, name);
        zone.api['name'] = 42;
      }
      const { code, out } = await run(simulator, ['--json']);
      assert.equal(code, 1);
      const json = JSON.parse(out) as InventoryJson;
      assert.equal(json.zones.length, 9);
      assert.deepEqual(json.errors.map(({ collection, code: errorCode, rejected }) => ({ collection, code: errorCode, rejected })), [{ collection: 'zones', code: 'bad_item', rejected: 2 }]);
      assert.match(json.errors[0]?.message ?? '', /^2 items were left out: .*"name"/);
    } finally {
      await simulator.close();
    }
  });
});
