import * as assert from 'node:assert/strict';
import type { CertificatePack, CustomCertificate } from '../../../src/cloudflare';
import { childrenOf } from '../../../src/explorer/children';
import { snapshotOf } from '../../../src/explorer/snapshot';
import type { AccountState } from '../../../src/explorer/explorerState';
import type { ExplorerModel } from '../../../src/explorer/explorerModel';
import { objectHealth, type CertificateObject } from '../../../src/domain/objectHealth';
import { statusGroupLabels, statusGroupOf, statusGroupOrder, type StatusGroupKind } from '../../../src/explorer/statusGroups';
import { defaultViewOptions, type ViewOptions } from '../../../src/explorer/viewOptions';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import type { LiteralZone } from '../../support/cloudflare/literalAccount';
import { expandAll, explorerOverLiteral, objectOf, type FlatItem } from '../../support/explorer/explorerHarness';

const thresholds = { warningDays: 30, criticalDays: 7 };
const objectTypes = ['pack', 'customCertificate', 'customHostname', 'clientCertificate'];
const byStatus: ViewOptions = { ...defaultViewOptions, groupBy: 'status' };
const day = 86_400_000;

/** The status group an item sits under, read off the tree. */
function groupAbove(tree: readonly FlatItem[], index: number): StatusGroupKind | undefined {
  for (let i = index; i >= 0; i -= 1) {
    const node = tree[i]?.node;
    if (node?.type === 'statusGroup') return node.status;
  }
  return undefined;
}

const inDays = (days: number): string => new Date(Date.now() + days * day).toISOString();

/** Objects in five of the six status groups (none of an unknown status), over two zones. */
const zones: readonly LiteralZone[] = [
  {
    zone: zone(1, { name: 'acme.com' }),
    packs: [
      pack(1, { hosts: ['acme.com', '*.acme.com'] }),
      pack(2, { type: 'advanced', status: 'validation_timed_out', hosts: ['acme.com', 'trial.acme.com'], certificates: [] }),
      pack(3, { type: 'advanced', status: 'pending_validation', hosts: ['acme.com', 'status.acme.com'], certificates: [], validation_records: [{ txt_name: '_acme-challenge.status.acme.com', txt_value: 'token', status: 'pending' }] }),
    ],
    customCertificates: [
      customCertificate(1, { hosts: ['checkout.acme.com'], expires_on: inDays(20) }),
      customCertificate(2, { hosts: ['partners-legacy.acme.com'], status: 'expired', expires_on: inDays(-10) }),
      customCertificate(3, { hosts: ['old-promo.acme.com'], status: 'deleted', expires_on: inDays(5) }),
    ],
    clientCertificates: [clientCertificate(1, { common_name: 'pos-terminal-001' }), clientCertificate(2, { common_name: 'kiosk-lobby-3', status: 'revoked' })],
  },
  {
    zone: zone(2, { name: 'tenantly.app' }),
    customHostnames: [
      hostname(1, { hostname: 'shop.customer-one.com' }),
      hostname(2, { hostname: 'app.northwind-traders.com', status: 'pending', ssl: { id: '20000000-0000-4000-8000-000000000002', status: 'pending_validation', method: 'txt', type: 'dv' } }),
    ],
  },
];

describe('Explorer grouped by status, over a literal account', () => {
  let model: ExplorerModel;
  let close: () => Promise<void>;
  let byZone: FlatItem[];
  let tree: FlatItem[];
  const now = Date.now();

  before(async () => {
    const explorer = await explorerOverLiteral(zones, 'Acme');
    model = explorer.model;
    close = explorer.close;
    byZone = await expandAll(model, now);
    tree = await expandAll(model, now, 8, byStatus);
  });

  after(async () => {
    await close();
  });

  it('puts the status groups under the account, worst first, with their counts', () => {
    const groups = tree.filter((item) => item.node.type === 'statusGroup');
    assert.ok(groups.every((item) => item.depth === 1));
    const kinds = groups.map((item) => (item.node.type === 'statusGroup' ? item.node.status : undefined));
    assert.deepEqual(
      kinds,
      statusGroupOrder.filter((kind) => kinds.includes(kind)),
    );
    assert.deepEqual(
      groups.map((item) => item.label),
      ['Needs action', 'Expiring soon', 'In progress', 'Active', 'Inactive'],
    );
    for (const group of groups) {
      const children = tree.filter((item, index) => item.depth === 2 && tree.indexOf(group) < index && groupAbove(tree, index) === (group.node.type === 'statusGroup' ? group.node.status : undefined));
      assert.equal(group.description, String(children.length), group.label);
    }
    assert.equal(groups.find((item) => item.label === 'Needs action')?.collapsible, 'expanded');
    assert.equal(groups.find((item) => item.label === 'Active')?.collapsible, 'collapsed');
  });

  it('lists every object exactly once, in the group its health says', () => {
    const objects = tree.map((item, index) => ({ item, index })).filter(({ item }) => objectTypes.includes(item.node.type));
    const zoneObjects = byZone.filter((item) => objectTypes.includes(item.node.type));
    assert.equal(objects.length, zoneObjects.length);
    for (const { item, index } of objects) {
      const object = objectOf(item);
      assert.ok(object);
      assert.equal(groupAbove(tree, index), statusGroupOf(objectHealth(object, { now, thresholds })), item.label);
    }
  });

  it('names the zone in each object\'s description and keeps its context value and commands', () => {
    const zoneItems = new Map(byZone.filter((item) => objectTypes.includes(item.node.type)).map((item) => [item.id, item]));
    for (const item of tree.filter((entry) => objectTypes.includes(entry.node.type))) {
      const zoneName = 'zone' in item.node ? model.zone('acme', item.node.zone)?.zone.name : undefined;
      assert.ok(zoneName);
      const twin = zoneItems.get(item.id.replace(/^byStatus\//, ''));
      assert.ok(twin, `${item.id} has a twin in the zone grouping`);
      assert.equal(item.description, [zoneName, twin.description].filter(Boolean).join(' · '));
      assert.equal(item.contextValue, twin.contextValue);
      assert.equal(item.label, twin.label);
      assert.equal(item.collapsible, twin.collapsible === 'none' ? 'none' : 'collapsed', 'a list of objects, each opened on demand');
    }
  });

  it('gives every row ids of its own, distinct from the zone grouping', () => {
    const ids = tree.map((item) => item.id);
    assert.equal(new Set(ids).size, ids.length, 'no id twice');
    const zoneIds = new Set(byZone.map((item) => item.id));
    const shared = ids.filter((id) => zoneIds.has(id));
    assert.deepEqual(shared, ['account/acme']);
  });

  it('keeps the rows below an object: records, hosts, validation errors', () => {
    const pending = tree.findIndex((item) => item.node.type === 'pack' && item.description?.includes('Pending Validation'));
    const records = tree.filter((item, index) => index > pending && item.depth === (tree[pending]?.depth ?? 0) + 1 && item.node.type === 'record');
    assert.ok(records.length > 0);
  });

  it('filters inside the groups: only the problem groups with "show only problems"', async () => {
    const problems = await expandAll(model, now, 8, { ...byStatus, problemsOnly: true });
    assert.deepEqual(
      problems.filter((item) => item.node.type === 'statusGroup').map((item) => item.label),
      ['Needs action', 'Expiring soon'],
    );
    assert.deepEqual(
      problems.filter((item) => item.depth === 2 && item.node.type === 'customCertificate').map((item) => item.label).sort(),
      ['checkout.acme.com', 'partners-legacy.acme.com'],
      'the certificate about to expire, and the one expired; not the deleted one that expires soon',
    );
    const text = await expandAll(model, now, 8, { ...byStatus, text: 'northwind' });
    assert.deepEqual(
      text.filter((item) => item.depth >= 1 && item.depth <= 2).map((item) => item.label),
      ['In progress', 'app.northwind-traders.com'],
    );
    const none = await expandAll(model, now, 8, { ...byStatus, text: 'no-such-host' });
    assert.equal(none[0]?.label, "No certificates match 'no-such-host'");
  });

  it('says which zones are not loaded or failed, since their objects are in no group', () => {
    const account = model.account('acme');
    const zones = [...(account?.zoneStates.values() ?? [])];
    const [first, second] = zones;
    assert.ok(account && first && second);
    // Drawn from a literal state: the first zone not loaded, the second failed.
    const failedDetails = { status: 'failed', error: { code: 'network', message: 'The API could not be reached' }, at: now } as const;
    const state: AccountState = { ...account, zoneStates: new Map([...account.zoneStates].map(([id, zone]) => [id, zone === first ? { ...zone, details: { status: 'idle' } as const } : zone === second ? { ...zone, details: failedDetails } : zone])) };
    const nodes = childrenOf(snapshotOf([state], { now, thresholds, view: byStatus }), { type: 'account', account: 'acme' }).nodes;
    const messages = nodes.filter((node) => node.type === 'message');
    assert.deepEqual(
      messages.map((node) => (node.type === 'message' ? [node.kind, node.text] : [])),
      [
        ['info', '1 zone not loaded yet'],
        ['error', `${second.zone.name}: The API could not be reached`],
      ],
    );
    const failed = messages[1];
    assert.ok(failed?.type === 'message' && failed.retry?.type === 'zone');
  });
});

describe('Status groups', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  const context = { now, thresholds };
  const pack = (status: string, expiresInDays?: number): CertificateObject => ({
    kind: 'certificatePack',
    object: { id: 'p', type: 'advanced', status, hosts: ['example.com'], certificates: expiresInDays === undefined ? [] : [{ id: 'c', status, expires_on: new Date(now + expiresInDays * day).toISOString() }] } satisfies CertificatePack,
  });
  const custom = (status: string, expiresInDays: number): CertificateObject => ({
    kind: 'customCertificate',
    object: { id: 'c', status, hosts: ['example.com'], expires_on: new Date(now + expiresInDays * day).toISOString() } satisfies CustomCertificate,
  });
  const group = (item: CertificateObject): StatusGroupKind => statusGroupOf(objectHealth(item, context));

  it('reads each group off the object\'s health', () => {
    assert.equal(group(pack('validation_timed_out')), 'needsAction');
    assert.equal(group(pack('pending_validation')), 'inProgress');
    assert.equal(group(pack('active', 60)), 'active');
    assert.equal(group(pack('deleted')), 'inactive');
    assert.equal(group(pack('brand_new_status_from_2030')), 'unknownStatus');
    assert.equal(group(custom('active', 20)), 'expiringSoon');
    assert.equal(group(custom('active', 3)), 'expiringSoon', 'critical, but still valid: expiring, not failed');
    assert.equal(group(custom('active', -2)), 'needsAction', 'expired');
  });

  it('has a label for every group', () => {
    for (const kind of statusGroupOrder) assert.ok(statusGroupLabels[kind].length > 0);
  });
});
