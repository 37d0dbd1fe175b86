import * as assert from 'node:assert/strict';
import { childrenOf } from '../../../src/explorer/children';
import { keepEqual } from '../../../src/explorer/keepEqual';
import { valueOf } from '../../../src/explorer/loadable';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import { present } from '../../../src/explorer/presentation';
import { defaultViewOptions } from '../../../src/explorer/viewOptions';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';

const thresholds = { warningDays: 30, criticalDays: 7 };

describe('A reload that finds little new leaves the rows alone', () => {
  let sim: RunningSimulator;

  before(async () => {
    // 120 hostnames: pages of 50, so the group ends with "Load more…".
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 4, customHostnames: 120, seed: 5 }), lifecycle: false });
  });

  after(async () => {
    await sim.close();
  });

  it('keeps the hostnames and the "Load more…" row in place while the zone is read again', async () => {
    const account = tokenAccount(sim.demoToken);
    // What the tree would draw after each change, once the zone is loaded.
    let watch: (() => void) | undefined;
    const { model, close } = explorerOver(sim.apiBaseUrl, [account], () => watch?.());
    try {
      await model.loadZones(account.profile.key);
      await model.whenIdle();
      const zoneId = [...(model.account(account.profile.key)?.zoneStates.keys() ?? [])][0];
      assert.ok(zoneId !== undefined);
      const group: ExplorerNode = { type: 'group', account: account.profile.key, zone: zoneId, group: 'customHostnames' };
      const labels = (): string[] => {
        const snapshot = model.snapshot({ now: Date.now(), thresholds, view: defaultViewOptions });
        return childrenOf(snapshot, group).nodes.map((node) => present(node, snapshot).label);
      };
      const before = labels();
      assert.equal(before.at(-1), 'Load more…');
      const drawn: { status: string | undefined; labels: string[] }[] = [];
      watch = () => drawn.push({ status: model.zone(account.profile.key, zoneId)?.hostnames.status, labels: labels() });

      await model.refreshZone(account.profile.key, zoneId);
      assert.ok(drawn.some((draw) => draw.status === 'loading'), 'the tree was told while the hostnames were read again');
      // A "Loading hostnames…" row would come and go and move every row below it.
      for (const draw of drawn) assert.deepEqual(draw.labels, before);
    } finally {
      await close();
    }
  });

  it('runs a "Load more" asked during the re-read after it, rather than losing it', async () => {
    const account = tokenAccount(sim.demoToken);
    let watch: (() => void) | undefined;
    const { model, close } = explorerOver(sim.apiBaseUrl, [account], () => watch?.());
    try {
      const key = account.profile.key;
      await model.loadZones(key);
      await model.whenIdle();
      const zoneId = [...(model.account(key)?.zoneStates.keys() ?? [])][0];
      assert.ok(zoneId !== undefined);
      let loadMore: Promise<void> | undefined;
      watch = () => {
        // The "Load more…" row is still there to click while the list is read again.
        if (loadMore === undefined && model.zone(key, zoneId)?.hostnames.status === 'loading') loadMore = model.loadHostnames(key, zoneId);
      };
      await model.refreshZone(key, zoneId);
      assert.ok(loadMore !== undefined, 'Load more was asked during the re-read');
      await loadMore;
      const zone = model.zone(key, zoneId);
      const list = zone === undefined ? undefined : valueOf(zone.hostnames);
      assert.equal(zone?.hostnames.status, 'ready');
      assert.equal(list?.pagesLoaded, 2);
      assert.equal(list?.items.length, 100);
    } finally {
      await close();
    }
  });

  it('keeps each object that did not change, so only the changed one is drawn again', async () => {
    const account = tokenAccount(sim.demoToken);
    const { model, close } = explorerOver(sim.apiBaseUrl, [account]);
    try {
      await model.loadZones(account.profile.key);
      await model.whenIdle();
      const key = account.profile.key;
      const zoneId = [...(model.account(key)?.zoneStates.keys() ?? [])][0];
      assert.ok(zoneId !== undefined);
      const held = (): { zone: object | undefined; packs: readonly { id: string }[]; hostnames: readonly { id: string }[] } => {
        const zone = model.zone(key, zoneId);
        return { zone: zone?.zone, packs: (zone === undefined ? undefined : valueOf(zone.details)?.certificatePacks) ?? [], hostnames: (zone === undefined ? undefined : valueOf(zone.hostnames)?.items) ?? [] };
      };
      const first = held();
      assert.equal(first.packs.length, 4);
      assert.equal(first.hostnames.length, 50);

      await model.refreshZone(key, zoneId);
      await model.refresh(key);
      const again = held();
      assert.equal(again.packs, first.packs, 'no pack changed: the same list');
      assert.ok(
        again.hostnames.every((hostname, index) => hostname === first.hostnames[index]),
        'every hostname of the first page is the object held',
      );
      assert.equal(again.zone, first.zone, 'the zone listed again is the zone held');

      // One hostname moves on in Cloudflare: that one alone is a new object.
      const moved = first.hostnames[3];
      assert.ok(moved !== undefined);
      const located = sim.state.find(moved.id);
      assert.ok(located !== undefined);
      sim.state.setStatus(located, 'blocked');
      await model.refreshZone(key, zoneId);
      const after = held();
      assert.notEqual(after.hostnames[3], moved);
      assert.equal(after.hostnames.filter((hostname, index) => hostname !== first.hostnames[index]).length, 1);
    } finally {
      await close();
    }
  });
});

describe('keepEqual', () => {
  const a = { id: 'a', status: 'active' };
  const b = { id: 'b', status: 'pending_validation' };

  it('gives back the list held when every object is equal to its copy', () => {
    const held = [a, b];
    assert.equal(keepEqual(held, [{ ...a }, { ...b }]), held);
  });

  it('keeps equal objects, takes changed and new ones, in the order loaded', () => {
    const changed = { ...b, status: 'active' };
    const added = { id: 'c', status: 'active' };
    const kept = keepEqual([a, b], [added, changed, { ...a }]);
    assert.equal(kept[0], added);
    assert.equal(kept[1], changed);
    assert.equal(kept[2], a);
  });

  it('takes a new list when one was removed or the order changed', () => {
    const held = [a, b];
    const removed = keepEqual(held, [{ ...a }]);
    assert.notEqual(removed, held);
    assert.equal(removed[0], a);
    const swapped = keepEqual(held, [{ ...b }, { ...a }]);
    assert.notEqual(swapped, held);
    assert.deepEqual(swapped, [b, a]);
  });
});
