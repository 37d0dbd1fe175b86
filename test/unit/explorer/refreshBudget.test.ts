import * as assert from 'node:assert/strict';
import { Agent, type Dispatcher } from 'undici';
import { CloudflareClient, RateBudget, type CertificatePack, type Zone } from '../../../src/cloudflare';
import type { AccountProfile } from '../../../src/domain/accounts';
import { ExplorerModel, zoneKey } from '../../../src/explorer/explorerModel';
import type { ZoneState } from '../../../src/explorer/explorerState';
import { idle } from '../../../src/explorer/loadable';
import { findObject } from '../../../src/explorer/objectLookup';
import { planZoneRefresh, zoneLoadRequests } from '../../../src/explorer/refreshPlan';
import { silentLogger } from '../../../src/shared/logger';
import { pack, zone } from '../../support/builders';
import { literalAccount, serveRoute, type LiteralZone } from '../../support/cloudflare/literalAccount';
import type { HttpTestServer } from '../../support/servers/httpTestServer';
import { expandAll, literalToken } from '../../support/explorer/explorerHarness';
import { FakeClock } from '../../support/clock';

function zoneState(id: string, at: number): ZoneState {
  const zone: Zone = { id, name: `${id}.example` };
  return { zone, details: { status: 'ready', value: { errors: [] }, at }, hostnames: idle };
}

const ids = (zones: readonly ZoneState[]): string[] => zones.map((zone) => zone.zone.id);

describe('Refresh plan', () => {
  const zones = [zoneState('a', 300), zoneState('b', 100), zoneState('c', 200), zoneState('d', 100)];
  const onScreen = (zone: ZoneState): boolean => zone.zone.id === 'c';

  it('loads what is on screen first, then the stalest', () => {
    const plan = planZoneRefresh(zones, onScreen, Number.POSITIVE_INFINITY);
    assert.deepEqual(ids(plan.load), ['c', 'b', 'd', 'a']);
    assert.deepEqual(plan.deferred, []);
  });

  it('defers what the budget cannot afford, but never what is on screen', () => {
    const plan = planZoneRefresh(zones, onScreen, 2 * zoneLoadRequests + 1);
    assert.deepEqual(ids(plan.load), ['c', 'b']);
    assert.deepEqual(ids(plan.deferred), ['d', 'a']);
    const empty = planZoneRefresh(zones, onScreen, 0);
    assert.deepEqual(ids(empty.load), ['c']);
    assert.deepEqual(ids(empty.deferred), ['b', 'd', 'a']);
  });
});

describe('RateBudget.available', () => {
  it('counts the grants left in the window, less the requests already waiting', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ limit: 10, headroom: 0, windowMs: 1000, clock });
    for (let i = 0; i < 7; i++) await budget.acquire();
    assert.equal(budget.available, 3);
    const queued = Promise.all(Array.from({ length: 5 }, () => budget.acquire()));
    assert.equal(budget.available, 0, 'three granted, two waiting');
    await clock.advance(1000);
    await queued;
    assert.equal(budget.available, 8, 'the first seven left the window');
  });
});

/** Five zones of one pack each; a pack's array is changed in place to stand for a change on the server. */
const budgetZones: readonly (LiteralZone & { readonly packs: CertificatePack[] })[] = [1, 2, 3, 4, 5].map((n) => ({
  zone: zone(20 + n, { name: `site${n}.example` }),
  packs: [pack(20 + n, { hosts: [`site${n}.example`, `*.site${n}.example`] })],
}));

describe('Refresh over a literal account with a rate budget', () => {
  const profile: AccountProfile = { key: 'test', label: 'Test', origin: 'stored', authKind: 'token' };
  let server: HttpTestServer & { readonly baseUrl: string };
  let client: CloudflareClient;
  let dispatcher: Dispatcher;
  const paths: string[] = [];

  before(async () => {
    server = await serveRoute(literalAccount(budgetZones));
    // Notes each request's path as it leaves; one at a time, so the order is the order asked.
    dispatcher = new Agent().compose((dispatch) => (options, handler) => {
      paths.push(options.path);
      return dispatch(options, handler);
    });
    client = new CloudflareClient({ baseUrl: server.baseUrl, credentials: { kind: 'token', token: literalToken }, rateBudget: false, retries: { max: 0 }, concurrency: 1, dispatcher });
  });

  after(async () => {
    await client.close();
    await dispatcher.close();
    await server.close();
  });

  function modelWith(clock: FakeClock): ExplorerModel {
    return new ExplorerModel({
      listProfiles: () => [profile],
      clientFor: () => Promise.resolve(client),
      clock,
      logger: silentLogger,
      onDidChange: () => undefined,
    });
  }

  /** What the view tells the model: the zones on screen, as data. */
  function showOnScreen(model: ExplorerModel, zones: readonly string[]): void {
    model.setOnScreen(new Set(zones.map((zone) => zoneKey('test', zone))));
  }

  async function loaded(model: ExplorerModel): Promise<ZoneState[]> {
    await model.loadZones('test');
    await model.whenIdle();
    return [...(model.account('test')?.zoneStates.values() ?? [])];
  }

  it('asks for the zones on screen before the others', async () => {
    const clock = new FakeClock();
    const model = modelWith(clock);
    const zones = await loaded(model);
    const last = zones.at(-1)?.zone.id;
    assert.ok(last !== undefined && zones.length === 5);
    showOnScreen(model, [last]);
    paths.length = 0;
    await model.refresh();
    const firstZoneRequest = paths.find((path) => /\/zones\/[^/?]+\//.test(path));
    assert.match(firstZoneRequest ?? '', new RegExp(`/zones/${last}/`), paths.slice(0, 5).join('\n'));
  });

  it('defers what the budget cannot afford, marked stale, and loads it once the window frees', async () => {
    const clock = new FakeClock();
    const budget = new RateBudget({ limit: 100, headroom: 0, windowMs: 300_000, clock });
    for (let i = 0; i < 100 - (2 * zoneLoadRequests + 1); i++) await budget.acquire();
    const model = modelWith(clock);
    const zones = await loaded(model);
    const visible = zones[3]?.zone.id ?? '';
    showOnScreen(model, [visible]);

    const refreshedBy = async (): Promise<{ fresh: string[]; deferred: string[] }> => {
      await clock.advance(1000);
      const at = clock.now();
      await model.refresh(undefined, new Map([['test', budget.available]]));
      const zones = [...(model.account('test')?.zoneStates.values() ?? [])];
      return {
        fresh: zones.filter((zone) => zone.details.status === 'ready' && zone.details.at === at).map((zone) => zone.zone.id),
        deferred: zones.filter((zone) => zone.details.status === 'failed' && zone.details.error.code === 'deferred').map((zone) => zone.zone.id),
      };
    };

    const first = await refreshedBy();
    assert.equal(first.fresh.length, 2, 'what is on screen and one more: all 13 requests afford');
    assert.ok(first.fresh.includes(visible));
    assert.equal(first.deferred.length, 3);
    const deferredZone = model.zone('test', first.deferred[0] ?? '');
    assert.equal(deferredZone?.details.status === 'failed' ? deferredZone.details.previous?.certificatePacks !== undefined : false, true, 'a deferred zone keeps its data');
    const tree = await expandAll(model, clock.now(), 1);
    const staleZones = tree.filter((item) => item.node.type === 'zone' && /stale/.test(item.description ?? ''));
    assert.equal(staleZones.length, 3, 'deferred zones show as stale');
    const stalePack = deferredZone?.details.status === 'failed' ? deferredZone.details.previous?.certificatePacks?.[0] : undefined;
    assert.ok(stalePack !== undefined && deferredZone !== undefined);
    const served = budgetZones.find((entry) => entry.zone.id === deferredZone.zone.id)?.packs;
    assert.ok(served !== undefined && served[0]?.id === stalePack.id);
    served[0] = { ...stalePack, status: 'pending_issuance' };
    await model.refreshObject({ account: 'test', zone: deferredZone.zone.id, kind: 'certificatePack', id: stalePack.id });
    const replaced = findObject(model, { account: 'test', zone: deferredZone.zone.id, kind: 'certificatePack', id: stalePack.id });
    assert.equal(replaced?.kind === 'certificatePack' ? replaced.object.status : undefined, 'pending_issuance', 'a poll result shows in a deferred zone too');

    const second = await refreshedBy();
    const firstExtra = first.fresh.find((id) => id !== visible);
    const secondExtra = second.fresh.find((id) => id !== visible);
    assert.ok(secondExtra !== undefined && first.deferred.includes(secondExtra), 'a zone deferred last time goes before one just loaded');
    assert.notEqual(secondExtra, firstExtra);

    await clock.advance(300_000);
    const third = await refreshedBy();
    assert.equal(third.fresh.length, 5, 'the next window affords every zone');
    assert.deepEqual(third.deferred, []);
  });
});
