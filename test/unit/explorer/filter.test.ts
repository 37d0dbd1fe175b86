import * as assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { childrenOf } from '../../../src/explorer/children';
import { snapshotOf } from '../../../src/explorer/snapshot';
import type { ExplorerModel } from '../../../src/explorer/explorerModel';
import { objectHealth } from '../../../src/domain/objectHealth';
import { problemGroups, statusGroupOf } from '../../../src/explorer/statusGroups';

const isProblem = (health: Parameters<typeof statusGroupOf>[0]): boolean => problemGroups.includes(statusGroupOf(health));
import { defaultViewOptions, describeFilter, parseViewOptions, type ViewOptions } from '../../../src/explorer/viewOptions';
import { expandAll, explorerOver, objectOf, tokenAccount, type FlatItem } from '../../support/explorer/explorerHarness';

const thresholds = { warningDays: 30, criticalDays: 7 };
const objectTypes = ['pack', 'customCertificate', 'customHostname', 'clientCertificate'];

function filtered(text: string, problemsOnly = false): ViewOptions {
  return { ...defaultViewOptions, text, problemsOnly };
}

describe('Explorer filter over the simulator', () => {
  let simulator: RunningSimulator;
  let model: ExplorerModel;
  let close: () => Promise<void>;
  let everything: FlatItem[];
  const now = Date.now();

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    // A status this extension has never heard of: "show only problems" must keep it.
    const revoked = simulator.state.find('5d98e1b0-b829-48dd-a7ff-c463956674e2');
    assert.ok(revoked, 'the demo has the revoked client certificate');
    simulator.state.setStatus(revoked, 'quarantined_by_new_feature');
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    model = explorer.model;
    close = explorer.close;
    everything = await expandAll(model, now);
  });

  after(async () => {
    await close();
    await simulator.close();
  });

  it('keeps the objects whose names contain the text, case-insensitive, and only their zones and groups', async () => {
    const tree = await expandAll(model, now, 8, filtered('NorthWind'));
    const objects = tree.filter((item) => objectTypes.includes(item.node.type));
    assert.deepEqual(
      objects.map((item) => item.label),
      ['app.northwind-traders.com'],
    );
    assert.deepEqual(
      tree.filter((item) => item.node.type === 'zone').map((item) => item.label),
      ['tenantly.app'],
    );
    assert.deepEqual(
      tree.filter((item) => item.node.type === 'group').map((item) => item.label),
      ['Custom hostnames'],
    );
    assert.equal(tree.some((item) => item.node.type === 'fallbackOrigin'), false, 'the fallback origin is not a match');
  });

  it('counts what is shown: "1 of 33" hostnames, "1 of 11" zones', async () => {
    const tree = await expandAll(model, now, 8, filtered('northwind'));
    assert.match(tree.find((item) => item.label === 'Custom hostnames')?.description ?? '', /^1 of 33\b/);
    assert.match(tree[0]?.description ?? '', /^1 of 11 zones/);
  });

  it('matches the hosts of packs and custom certificates and the common name of client certificates', async () => {
    const packs = (await expandAll(model, now, 8, filtered('status.acme.com'))).filter((item) => objectTypes.includes(item.node.type));
    assert.deepEqual(
      packs.map((item) => item.node.type),
      ['pack'],
    );
    const custom = (await expandAll(model, now, 8, filtered('partners-legacy'))).filter((item) => objectTypes.includes(item.node.type));
    assert.deepEqual(
      custom.map((item) => item.label),
      ['partners-legacy.acme.com'],
    );
    const clients = (await expandAll(model, now, 8, filtered('pos-terminal'))).filter((item) => objectTypes.includes(item.node.type));
    assert.deepEqual(clients.map((item) => item.label).sort(), ['pos-terminal-001', 'pos-terminal-002']);
  });

  it('shows a zone whose name matches whole, exactly as unfiltered', async () => {
    const subtree = (items: FlatItem[]): string[] => {
      const start = items.findIndex((item) => item.label === 'tenantly.dev');
      const end = items.findIndex((item, index) => index > start && item.depth <= (items[start]?.depth ?? 0));
      return items.slice(start, end === -1 ? undefined : end).map((item) => `${item.id} ${item.description ?? ''}`);
    };
    const tree = await expandAll(model, now, 8, filtered('TENANTLY.DEV'));
    assert.deepEqual(
      tree.filter((item) => item.node.type === 'zone').map((item) => item.label),
      ['tenantly.dev'],
    );
    assert.deepEqual(subtree(tree), subtree(everything));
  });

  it('"show only problems" keeps exactly the objects that need action or whose status is unknown', async () => {
    const tree = await expandAll(model, now, 8, filtered('', true));
    const shown = tree.filter((item) => objectTypes.includes(item.node.type)).map((item) => item.id);
    const problems = everything
      .filter((item) => {
        const object = objectOf(item);
        return object !== undefined && isProblem(objectHealth(object, { now, thresholds }));
      })
      .map((item) => item.id);
    assert.ok(problems.length > 10, `only ${problems.length} problems in the demo`);
    assert.deepEqual(shown.sort(), problems.sort());
    assert.ok(
      tree.some((item) => item.label === 'iot-gateway-eu'),
      'the client certificate with an unknown status is kept',
    );
    assert.ok(!tree.some((item) => item.node.type === 'zone' && item.label === 'tenantly.dev'), 'a zone where all is well is hidden');
    assert.match(tree.find((item) => item.label === 'Custom hostnames')?.description ?? '', /^\d+ of 33 · \d+ need/);
  });

  it('combines the text and "show only problems"', async () => {
    const tree = await expandAll(model, now, 8, filtered('acme.com', true));
    const objects = tree.filter((item) => objectTypes.includes(item.node.type));
    assert.ok(objects.length > 0);
    for (const item of objects) {
      const object = objectOf(item);
      assert.ok(object !== undefined && isProblem(objectHealth(object, { now, thresholds })), `${item.label} is a problem`);
    }
    assert.ok(!objects.some((item) => item.label.startsWith('Universal')), 'the active Universal pack of acme.com is not a problem');
  });

  it('shows one row, which clears the filter, when nothing matches', async () => {
    const tree = await expandAll(model, now, 8, filtered('no-such-host.example'));
    assert.equal(tree.length, 1);
    assert.equal(tree[0]?.label, "No certificates match 'no-such-host.example'");
    assert.equal(tree[0]?.command?.id, 'clearFilter');
    const problems = await expandAll(model, now, 8, filtered('no-such-host.example', true));
    assert.equal(problems[0]?.label, "No problems match 'no-such-host.example'");
  });

  it('keeps zones whose certificates are not loaded yet: nobody knows whether they match', () => {
    const account = model.account('demo');
    const zone = [...(account?.zoneStates.values() ?? [])].find((state) => state.zone.name === 'acme.io');
    assert.ok(account && zone);
    // Drawn from a literal state: acme.io's certificates not loaded.
    const state = { ...account, zoneStates: new Map([...account.zoneStates].map(([id, candidate]) => [id, candidate === zone ? { ...zone, details: { status: 'idle' } as const } : candidate])) };
    const zones = childrenOf(snapshotOf([state], { now, thresholds, view: filtered('northwind') }), { type: 'account', account: 'demo' }).nodes;
    assert.deepEqual(
      zones.map((node) => (node.type === 'zone' ? model.zone('demo', node.zone)?.zone.name : node.type)),
      ['acme.io', 'tenantly.app'],
    );
  });
});

describe('View options read back from storage', () => {
  it('falls back to the defaults, field by field, for anything that is not what it should be', () => {
    assert.deepEqual(parseViewOptions(undefined), defaultViewOptions);
    assert.deepEqual(parseViewOptions(null), defaultViewOptions);
    assert.deepEqual(parseViewOptions(['status']), defaultViewOptions);
    assert.deepEqual(parseViewOptions('status'), defaultViewOptions);
    assert.deepEqual(parseViewOptions({ text: 42, problemsOnly: 'yes', groupBy: 'type' }), defaultViewOptions);
    assert.deepEqual(parseViewOptions({ text: ' shop ', problemsOnly: true, groupBy: 'status' }), { text: 'shop', problemsOnly: true, groupBy: 'status' });
    assert.deepEqual(parseViewOptions(JSON.parse('{"__proto__": {"problemsOnly": true}, "groupBy": "zone"}')), defaultViewOptions);
    assert.equal(parseViewOptions({ text: 'x'.repeat(10_000) }).text.length, 256);
  });

  it('describes the filter for the view message', () => {
    assert.equal(describeFilter(defaultViewOptions), undefined);
    assert.equal(describeFilter(filtered('foo')), 'Filter: foo');
    assert.equal(describeFilter(filtered('foo', true)), 'Filter: foo · Problems only');
    assert.equal(describeFilter(filtered('', true)), 'Problems only');
  });
});
