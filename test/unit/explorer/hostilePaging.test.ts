import * as assert from 'node:assert/strict';
import { valueOf } from '../../../src/explorer/loadable';
import type { ZoneState } from '../../../src/explorer/explorerState';
import { explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { type HostilePaging, type PagingMode, startHostilePaging } from '../../support/hostile/hostilePaging';

describe('The explorer against a hostile paging stand-in', () => {
  let server: HostilePaging | undefined;
  const account = tokenAccount('hostile-paging-token');

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const zoneCases: ReadonlyArray<{ mode: PagingMode; kept: number; message: RegExp }> = [
    { mode: 'hugeTotal', kept: 60, message: /zones listing ended early at page 2/ },
    { mode: 'repeat', kept: 50, message: /zones listing stopped at page 2/ },
    { mode: 'emptyClaiming', kept: 0, message: /zones listing ended early at page 1/ },
    { mode: 'pageMismatch', kept: 50, message: /zones listing stopped at page 2/ },
  ];
  for (const { mode, kept, message } of zoneCases) {
    it(`lists zones in mode ${mode} in a few requests, keeping the zones read, the reason shown`, async () => {
      server = await startHostilePaging({ mode, listing: 'zones' });
      const { model, close } = explorerOver(server.apiBaseUrl, [account]);
      try {
        await model.loadZones(account.profile.key);
        const state = model.account(account.profile.key);
        assert.ok(server.listingRequests() <= 9, `${server.listingRequests()} zone listing requests`);
        assert.equal(state?.zones.status, 'failed');
        assert.equal(valueOf(state.zones)?.length, kept);
        assert.equal(state.zoneStates.size, kept);
        if (state.zones.status === 'failed') {
          assert.equal(state.zones.error.code, 'incomplete_listing');
          assert.match(state.zones.error.message, message);
        }
        model.dispose();
        await model.whenIdle();
      } finally {
        await close();
      }
    });
  }

  /** The zone's state as the model holds it now (it replaces the state on every change), and how to load all its hostnames. */
  async function zoneOf(mode: PagingMode, items?: number): Promise<{ current: () => ZoneState; loadAll: () => Promise<void>; close: () => Promise<void> }> {
    server = await startHostilePaging({ mode, listing: 'customHostnames', ...(items === undefined ? {} : { items }) });
    const { model, close } = explorerOver(server.apiBaseUrl, [account]);
    await model.loadZones(account.profile.key);
    await model.whenIdle();
    const zone = [...(model.account(account.profile.key)?.zoneStates.values() ?? [])][0];
    assert.ok(zone !== undefined);
    return { current: () => model.zone(account.profile.key, zone.zone.id) ?? zone, loadAll: () => model.loadHostnames(account.profile.key, zone.zone.id, { all: true }), close };
  }

  it('"Load All Hostnames" on empty pages claiming 1e9 pages: one request, the reason shown', async () => {
    const { current, loadAll, close } = await zoneOf('emptyClaiming');
    try {
      assert.equal(current().hostnames.status, 'failed');
      await loadAll();
      assert.ok((server?.listingRequests() ?? 0) <= 2, `${server?.listingRequests()} hostname requests`);
      const after = current().hostnames;
      assert.equal(after.status, 'failed');
      if (after.status === 'failed') assert.match(after.error.message, /custom hostnames listing ended early at page \d though 1,000,000,000 page\(s\) were announced/);
    } finally {
      await close();
    }
  });

  const loadAllCases: ReadonlyArray<{ mode: PagingMode; kept: number; message: RegExp }> = [
    { mode: 'repeat', kept: 50, message: /stopped at page 2: it only repeated custom hostnames/ },
    { mode: 'pageMismatch', kept: 50, message: /stopped at page 2: Cloudflare answered with another page/ },
    { mode: 'hugeTotal', kept: 120, message: /ended early at page 3/ },
  ];
  for (const { mode, kept, message } of loadAllCases) {
    it(`"Load All Hostnames" in mode ${mode}: stops within one window, keeps the hostnames read, shows why`, async () => {
      const { current, loadAll, close } = await zoneOf(mode, 120);
      try {
        // Read through a function: the model replaces the zone's state as it loads.
        const hostnames = (): ZoneState['hostnames'] => current().hostnames;
        assert.equal(hostnames().status, 'ready', 'the first page looks fine');
        assert.equal(valueOf(current().hostnames)?.items.length, 50);
        await loadAll();
        // The first page, then one window of eight at most.
        assert.ok((server?.listingRequests() ?? 0) <= 9, `${server?.listingRequests()} hostname requests`);
        const after = hostnames();
        assert.equal(after.status, 'failed');
        const list = valueOf(after);
        assert.equal(list?.items.length, kept);
        assert.equal(new Set(list?.items.map((hostname) => hostname.id)).size, kept);
        assert.equal(list?.pagesLoaded, list?.totalPages, 'no "Load More" under the error');
        assert.equal(after.error.code, 'incomplete_listing');
        assert.match(after.error.message, message);
      } finally {
        await close();
      }
    });
  }
});
