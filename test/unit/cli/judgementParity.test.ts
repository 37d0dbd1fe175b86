import * as assert from 'node:assert/strict';
import { inventoryCommand } from '../../../src/cli/inventoryCommand';
import type { InventoryJson } from '../../../src/cli/inventoryJson';
import { worstSeverity, type Severity } from '../../../src/domain/status';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { captureIo } from '../../support/cliIo';
import { expandAll, explorerOver, tokenAccount, type FlatItem } from '../../support/explorer/explorerHarness';
import { expiringScenario } from '../../support/simulator/expiringScenario';

/** Verdicts by "kind:id" (objects) and "zone:name" (a zone's worst). */
type Verdicts = Map<string, Severity>;

const collections = [
  ['certificate_packs', 'certificatePack'],
  ['custom_certificates', 'customCertificate'],
  ['custom_hostnames', 'customHostname'],
  ['client_certificates', 'clientCertificate'],
] as const;

async function cliVerdicts(simulator: RunningSimulator): Promise<{ verdicts: Verdicts; code: number }> {
  const io = captureIo({ CLOUDFLARE_API_TOKEN: simulator.demoToken, CLOUDFLARE_API_BASE_URL: simulator.apiBaseUrl });
  const code = await inventoryCommand.run(['--json'], io);
  const json = JSON.parse(io.out.join('')) as InventoryJson;
  const verdicts: Verdicts = new Map();
  for (const zone of json.zones) {
    const severities: Severity[] = [zone.assessment.severity];
    for (const [key, kind] of collections) {
      for (const object of zone[key] ?? []) {
        const { id } = object as unknown as { id: string };
        verdicts.set(`${kind}:${id}`, object.assessment.severity);
        severities.push(object.assessment.severity);
      }
    }
    if (zone.fallback_origin) {
      verdicts.set(`fallbackOrigin:${zone.name}`, zone.fallback_origin.assessment.severity);
      severities.push(zone.fallback_origin.assessment.severity);
    }
    verdicts.set(`zone:${zone.name}`, worstSeverity(severities));
  }
  return { verdicts, code };
}

function treeVerdicts(tree: readonly FlatItem[]): Verdicts {
  const verdicts: Verdicts = new Map();
  for (const item of tree) {
    const { node, severity } = item;
    if (severity === undefined) continue;
    const key =
      node.type === 'pack' ? `certificatePack:${node.pack.id}`
        : node.type === 'customCertificate' ? `customCertificate:${node.certificate.id}`
          : node.type === 'customHostname' ? `customHostname:${node.hostname.id}`
            : node.type === 'clientCertificate' ? `clientCertificate:${node.certificate.id}`
              : node.type === 'fallbackOrigin' ? `fallbackOrigin:${item.description === undefined ? '' : zoneNameOf(tree, node.zone)}`
                : node.type === 'zone' ? `zone:${item.label}`
                  : undefined;
    if (key !== undefined) verdicts.set(key, severity);
  }
  return verdicts;
}

function zoneNameOf(tree: readonly FlatItem[], zoneId: string): string {
  const zone = tree.find((item) => item.node.type === 'zone' && item.node.zone === zoneId);
  return zone?.label ?? zoneId;
}

/** Runs both over one simulator and requires the same verdict for every object and zone. */
async function compare(simulator: RunningSimulator): Promise<{ cli: Verdicts; tree: Verdicts; code: number }> {
  const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
  const tree = treeVerdicts(await expandAll(explorer.model));
  await explorer.close();
  const { verdicts: cli, code } = await cliVerdicts(simulator);
  assert.deepEqual([...cli.keys()].sort(), [...tree.keys()].sort(), 'the CLI and the tree list the same objects');
  const disagreements = [...cli].filter(([key, severity]) => tree.get(key) !== severity).map(([key, severity]) => `${key}: CLI ${severity}, tree ${tree.get(key) ?? 'absent'}`);
  assert.deepEqual(disagreements, [], 'every object gets the same verdict');
  return { cli, tree, code };
}

describe('cfcerts inventory and the explorer judge alike', () => {
  it('over the demo scenario', async () => {
    const simulator = await startSimulator({ lifecycle: false });
    try {
      const { cli, code } = await compare(simulator);
      assert.ok(cli.size > 80, `only ${cli.size} verdicts`);
      assert.equal(code, 1, 'the demo has problems');
    } finally {
      await simulator.close();
    }
  });

  it('over expiring and expired custom certificates, packs, hostnames and client certificates', async () => {
    const simulator = await startSimulator({ lifecycle: false, scenario: expiringScenario() });
    try {
      const { cli, code } = await compare(simulator);
      assert.equal(code, 1);
      // The verdicts the comparison rests on: each side of the thresholds is represented.
      const severities = new Set(cli.values());
      for (const severity of ['ok', 'warning', 'error', 'inactive'] as const) assert.ok(severities.has(severity), `some object is ${severity}`);
      assert.equal(cli.get('zone:tomorrow.example'), 'error', 'an active certificate expiring tomorrow is an error');
    } finally {
      await simulator.close();
    }
  });
});
