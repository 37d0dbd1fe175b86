import * as assert from 'node:assert/strict';
import type { CustomHostname } from '../../../src/cloudflare';
import type { AccountState, ZoneState } from '../../../src/explorer/explorerState';
import { nodeId, type ExplorerNode } from '../../../src/explorer/nodes';
import { snapshotOf, type SnapshotInputs } from '../../../src/explorer/snapshot';
import { TreeElements } from '../../../src/explorer/treeElements';
import { hostname, pack, zone } from '../../support/builders';

const inputs: SnapshotInputs = { now: Date.parse('2026-06-01T00:00:00Z'), thresholds: { warningDays: 30, criticalDays: 7 } };
const at = inputs.now;

/** One account with two zones: the first holds a pack and the given hostnames. */
function account(hostnames: readonly CustomHostname[], other = zone(2)): AccountState {
  const first = zone(1);
  const zoneState = (z: typeof first, items: readonly CustomHostname[]): ZoneState => ({
    zone: z,
    details: { status: 'ready', value: { certificatePacks: [pack(1)], errors: [] }, at },
    hostnames: { status: 'ready', value: { items, total: items.length, pagesLoaded: 1, totalPages: 1 }, at },
  });
  return {
    profile: { key: 'a', label: 'A', origin: 'stored', authKind: 'token' },
    zones: { status: 'ready', value: [first, other], at },
    zoneStates: new Map([
      [first.id, zoneState(first, hostnames)],
      [other.id, zoneState(other, [])],
    ]),
  };
}

/** Opens the tree as a user would: the account, the first zone, its groups and their rows. */
function open(elements: TreeElements, state: AccountState): Map<string, ExplorerNode> {
  const snapshot = snapshotOf([state], inputs);
  const shown = new Map<string, ExplorerNode>();
  const walk = (parent: ExplorerNode | undefined, depth: number): void => {
    for (const child of elements.children(parent, snapshot).nodes) {
      elements.item(child, snapshot);
      shown.set(nodeId(child), child);
      const opens = child.type === 'account' || (child.type === 'zone' && child.zone === zone(1).id) || child.type === 'group';
      if (opens && depth < 3) walk(child, depth + 1);
    }
  };
  walk(undefined, 0);
  return shown;
}

const hostnames = [hostname(1), hostname(2, { status: 'pending', ssl: { status: 'pending_validation', method: 'http', type: 'dv' } }), hostname(3)];

describe('Tree elements: one element per row, and redraws of only what changed', () => {
  it('keeps one element object per row id across snapshots, with the freshest node behind it', () => {
    const elements = new TreeElements();
    const before = open(elements, account(hostnames));
    const moved = hostname(2, { status: 'active' });
    const after = open(elements, account([hostnames[0] ?? hostname(1), moved, hostnames[2] ?? hostname(3)]));
    for (const [id, element] of after) assert.equal(element, before.get(id), `${id} keeps its element`);
    const row = after.get(`customHostname/a/${zone(1).id}/${moved.id}`);
    assert.ok(row);
    const current = elements.current(row);
    assert.equal(current.type === 'customHostname' ? current.hostname.status : undefined, 'active');
  });

  it('after one hostname changes, redraws that row alone, as the element VS Code holds', () => {
    const elements = new TreeElements();
    const shown = open(elements, account(hostnames));
    // Cloudflare moved hostname 2 along: still in progress, so no count above it changes.
    const moved = hostname(2, { status: 'pending', ssl: { status: 'pending_issuance', method: 'http', type: 'dv' } });
    const state = account([hostnames[0] ?? hostname(1), moved, hostnames[2] ?? hostname(3)]);
    const redraw = elements.redraw({ account: 'a', zone: zone(1).id, objects: [{ account: 'a', zone: zone(1).id, kind: 'customHostname', id: moved.id }] }, snapshotOf([state], inputs));
    assert.equal(redraw.kind, 'rows');
    assert.deepEqual(
      redraw.kind === 'rows' ? redraw.rows.map(nodeId) : [],
      [`customHostname/a/${zone(1).id}/${moved.id}`],
    );
    assert.equal(redraw.kind === 'rows' ? redraw.rows[0] : undefined, shown.get(`customHostname/a/${zone(1).id}/${moved.id}`), 'the element VS Code was given');
  });

  it('redraws the outermost row that counts it when a count changes, and nothing for an unchanged copy', () => {
    const elements = new TreeElements();
    open(elements, account(hostnames));
    const failed = hostname(3, { status: 'blocked' });
    const state = account([hostnames[0] ?? hostname(1), hostnames[1] ?? hostname(2), failed]);
    const change = { account: 'a', zone: zone(1).id, objects: [{ account: 'a', zone: zone(1).id, kind: 'customHostname' as const, id: failed.id }] };
    const redraw = elements.redraw(change, snapshotOf([state], inputs));
    // The zone says how many need action; VS Code sends its open rows again with it (the group and the hostname), so it alone is named.
    assert.deepEqual(redraw.kind === 'rows' ? redraw.rows.map(nodeId) : [], [`zone/a/${zone(1).id}`]);
    // Sent once (VS Code asks for the zone and its open rows again): the same state asks for nothing more.
    open(elements, state);
    const again = elements.redraw(change, snapshotOf([state], inputs));
    assert.deepEqual(again, { kind: 'rows', rows: [] });
  });

  it('redraws a parent whose children changed, and leaves a zone nobody opened alone', () => {
    const elements = new TreeElements();
    open(elements, account(hostnames));
    const grown = account([...hostnames, hostname(4)]);
    const redraw = elements.redraw({ account: 'a', zone: zone(1).id }, snapshotOf([grown], inputs));
    const ids = redraw.kind === 'rows' ? redraw.rows.map(nodeId) : [];
    assert.ok(ids.includes(`group/a/${zone(1).id}/customHostnames`), ids.join('\n'));
    const otherZone = elements.redraw({ account: 'a', zone: zone(2).id }, snapshotOf([grown], inputs));
    assert.deepEqual(otherZone.kind === 'rows' ? otherZone.rows.map(nodeId) : ['all'], []);
  });

  it('redraws everything when the accounts themselves change', () => {
    const elements = new TreeElements();
    open(elements, account(hostnames));
    const renamed = { ...account(hostnames), profile: { key: 'b', label: 'B', origin: 'stored', authKind: 'token' } as const };
    assert.deepEqual(elements.redraw({}, snapshotOf([renamed], inputs)), { kind: 'all' });
  });
});
