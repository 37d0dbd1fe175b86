import * as assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { demoStatuses, seedStatusLabels } from '../../support/simulator/demoStatuses';
import { expandAll, explorerOver, tokenAccount, type FlatItem } from '../../support/explorer/explorerHarness';

const hour = 3_600_000;

/** The status labels in a row's description: "Hostname: Pending · Certificate: Pending Validation · HTTP" → Pending, Pending Validation, HTTP. */
function labelsOf(item: FlatItem): string[] {
  return (item.description ?? '').split(' · ').map((part) => part.replace(/^(Hostname|Certificate): /, '').replace(/^SSL /, ''));
}

function sorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/**
 * A visitor who opens the demo late sees every status still: the examples are held, and
 * only the separate movers change. The simulator runs its lifecycle on its own clock, an
 * hour ahead, and the explorer reads it as the extension would.
 */
describe('The demo an hour after start', () => {
  let simulator: RunningSimulator;
  let tree: FlatItem[];

  before(async () => {
    simulator = await startSimulator();
    simulator.advance(hour);
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    tree = await expandAll(explorer.model, Date.now() + hour);
    await explorer.close();
  });

  after(async () => {
    await simulator.close();
  });

  const objectRows = (): FlatItem[] => tree.filter((item) => ['pack', 'customCertificate', 'customHostname', 'clientCertificate', 'fallbackOrigin'].includes(item.node.type));

  it('has moved its moving objects on', () => {
    const row = (label: string): FlatItem | undefined => tree.find((item) => item.label === label);
    assert.match(row('Advanced · docs.acme.com +1')?.description ?? '', /^Active\b/);
    assert.match(row('Advanced · partners.acme.com +1')?.description ?? '', /^Inactive\b/);
    assert.match(row('app.northwind-traders.com')?.description ?? '', /^Active\b/);
    assert.match(row('kiosk-lobby-7')?.description ?? '', /^Revoked\b/);
    assert.match(row('iot-gateway-apac')?.description ?? '', /^Active\b/);
  });

  it('shows the thirteen statuses of the seed page', () => {
    const shown = new Set(objectRows().flatMap(labelsOf));
    const missing = seedStatusLabels.filter((label) => !shown.has(label));
    assert.deepEqual(missing, [], `shown: ${sorted(shown).join(', ')}`);
  });

  it('shows every status of every object type', () => {
    const statuses = { pack: new Set<string>(), hostname: new Set<string>(), ssl: new Set<string>(), customCertificate: new Set<string>(), clientCertificate: new Set<string>(), fallbackOrigin: new Set<string>() };
    for (const { node } of tree) {
      if (node.type === 'pack') statuses.pack.add(String(node.pack.status));
      if (node.type === 'customHostname') {
        statuses.hostname.add(String(node.hostname.status));
        statuses.ssl.add(String(node.hostname.ssl?.status));
      }
      if (node.type === 'customCertificate') statuses.customCertificate.add(String(node.certificate.status));
      if (node.type === 'clientCertificate') statuses.clientCertificate.add(String(node.certificate.status));
      if (node.type === 'fallbackOrigin') statuses.fallbackOrigin.add(String(node.origin.status));
    }
    assert.deepEqual(sorted(statuses.pack), sorted(demoStatuses.pack), 'certificate packs');
    assert.deepEqual(sorted(statuses.hostname), sorted(demoStatuses.hostname), 'custom hostnames');
    assert.deepEqual(sorted(statuses.ssl), sorted(demoStatuses.pack), 'custom hostname certificates');
    assert.deepEqual(sorted(statuses.customCertificate), sorted(demoStatuses.customCertificate), 'custom certificates');
    assert.deepEqual(sorted(statuses.clientCertificate), sorted(demoStatuses.clientCertificate), 'client certificates');
    assert.deepEqual(sorted(statuses.fallbackOrigin), sorted(demoStatuses.fallbackOrigin), 'fallback origins');
  });

  it('shows every zone status', () => {
    const zones = tree.filter((item) => item.node.type === 'zone').map((item) => labelsOf(item)[0] ?? '');
    assert.deepEqual(sorted(zones), ['Active', 'Initializing', 'Moved', 'Pending']);
  });
});
