import * as assert from 'node:assert/strict';
import { CloudflareClient, type CheckedPage, type CustomHostname, type ProblemHostnames } from '../../../src/cloudflare';
import { CloudflareApiError } from '../../../src/cloudflare/errors';
import type { AccountProfile } from '../../../src/domain/accounts';
import { objectHealth } from '../../../src/domain/objectHealth';
import { childrenOf, type Children } from '../../../src/explorer/children';
import { ExplorerModel, zoneKey } from '../../../src/explorer/explorerModel';
import type { HostnameList, ZoneState } from '../../../src/explorer/explorerState';
import { idle, valueOf } from '../../../src/explorer/loadable';
import type { ExplorerNode } from '../../../src/explorer/nodes';
import { findObject } from '../../../src/explorer/objectLookup';
import { present } from '../../../src/explorer/presentation';
import { knownHostnames } from '../../../src/explorer/problemListing';
import type { SnapshotInputs } from '../../../src/explorer/snapshot';
import { problemGroups, statusGroupOf } from '../../../src/explorer/statusGroups';
import { summarize } from '../../../src/explorer/summary';
import { defaultViewOptions, type ViewOptions } from '../../../src/explorer/viewOptions';
import { silentLogger } from '../../../src/shared/logger';
import { hostname, zone as zoneOf } from '../../support/builders';
import { FakeClock, turns } from '../../support/clock';
import { literalAccount, serveRoute } from '../../support/cloudflare/literalAccount';
import { literalToken } from '../../support/explorer/explorerHarness';

const profile: AccountProfile = { key: 'acme', label: 'Acme', origin: 'stored', authKind: 'token' };
const zone = zoneOf(1);
const thresholds = { warningDays: 30, criticalDays: 7 };
const problemsOnly: ViewOptions = { ...defaultViewOptions, problemsOnly: true };
const byStatus: ViewOptions = { ...defaultViewOptions, problemsOnly: true, groupBy: 'status' };

const zoneNode: ExplorerNode = { type: 'zone', account: profile.key, zone: zone.id };
const hostnamesNode: ExplorerNode = { type: 'group', account: profile.key, zone: zone.id, group: 'customHostnames' };
const accountNode: ExplorerNode = { type: 'account', account: profile.key };

/** Statuses the filter keeps (the health rule says so below) and one it does not. */
const timedOut = (n: number): CustomHostname => hostname(n, { status: 'moved', ssl: { id: `ssl-${n}`, status: 'validation_timed_out', method: 'txt', type: 'dv' } });
const blocked = (n: number): CustomHostname => hostname(n, { status: 'blocked', ssl: { id: `ssl-${n}`, status: 'initializing', method: 'txt', type: 'dv' } });
const pending = (n: number): CustomHostname => hostname(n, { status: 'pending', ssl: { id: `ssl-${n}`, status: 'pending_validation', method: 'txt', type: 'dv' } });

/** The first of 2,000 pages of a 100,000-hostname zone. */
function firstPage(items: readonly CustomHostname[]): HostnameList {
  return { items, total: 100_000, pagesLoaded: 1, totalPages: 2_000 };
}

/** A first page as the API sends it: these hostnames, then active ones up to 50 (a short page would end the list). */
function fullPage(items: readonly CustomHostname[]): CustomHostname[] {
  return [...items, ...Array.from({ length: 50 - items.length }, (_, index) => hostname(1_000 + index))];
}

function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve: (value: T) => void = () => undefined;
  let reject: (error: unknown) => void = () => undefined;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function found(items: readonly CustomHostname[], stopped: CloudflareApiError[] = []): ProblemHostnames {
  return { items: [...items], rejected: 0, requests: 35, nonEmpty: 1, stopped };
}

/** The zone's other collections (none), served as the API would: what a zone refresh reads besides the hostnames. */
let api: CloudflareClient;
let closeServer: () => Promise<void>;

/**
 * A model over one literal zone and a client that answers the problem listing when the
 * test says, and the first hostname page from `page`: every call is recorded.
 */
class Rig {
  readonly clock = new FakeClock();
  readonly listings: { zone: string; signal: AbortSignal | undefined; answer: ReturnType<typeof deferred<ProblemHostnames>> }[] = [];
  readonly changes: { account?: string; zone?: string }[] = [];
  page: readonly CustomHostname[] = [];
  /** What reading one hostname by id answers (a poll, or the read after a write). */
  read: CustomHostname | undefined;
  readonly model: ExplorerModel;

  constructor(hostnames: ZoneState['hostnames']) {
    const client = Object.assign(Object.create(api) as CloudflareClient, {
      listProblemHostnames: (zoneId: string, signal?: AbortSignal): Promise<ProblemHostnames> => {
        const answer = deferred<ProblemHostnames>();
        signal?.addEventListener('abort', () => answer.reject(new CloudflareApiError('cancelled', 'The request was cancelled.')));
        this.listings.push({ zone: zoneId, signal, answer });
        return answer.promise;
      },
      customHostnamesPage: (): Promise<CheckedPage<CustomHostname>> =>
        Promise.resolve({ items: fullPage(this.page), rejected: 0, resultInfo: { page: 1, per_page: 50, count: 50, total_count: 100_000, total_pages: 2_000 } }),
      getCustomHostname: (): Promise<CustomHostname> => (this.read === undefined ? Promise.reject(new CloudflareApiError('not_found', 'Not found')) : Promise.resolve(this.read)),
    });
    this.model = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock: this.clock, logger: silentLogger, onDidChange: (change) => void this.changes.push(change) });
    const [account] = this.model.accounts();
    assert.ok(account !== undefined);
    account.zones = { status: 'ready', value: [zone], at: this.clock.now() };
    account.zoneStates.set(zone.id, { zone, details: { status: 'ready', value: { certificatePacks: [], errors: [] }, at: this.clock.now() }, hostnames });
  }

  state(): ZoneState {
    const state = this.model.zone(profile.key, zone.id);
    assert.ok(state !== undefined);
    return state;
  }

  inputs(view: ViewOptions): SnapshotInputs {
    return { now: this.clock.now(), thresholds, view };
  }

  children(node: ExplorerNode | undefined, view: ViewOptions = problemsOnly): Children {
    return childrenOf(this.model.snapshot(this.inputs(view)), node);
  }

  /** Expands as the tree does: the children of a node, starting what they ask for (until it waits on the API). */
  async expand(node: ExplorerNode, view: ViewOptions = problemsOnly): Promise<Children> {
    const children = this.children(node, view);
    if (children.load !== undefined) void this.model.startLoad(children.load);
    await turns();
    return children;
  }

  labels(node: ExplorerNode, view: ViewOptions = problemsOnly): string[] {
    const snapshot = this.model.snapshot(this.inputs(view));
    return childrenOf(snapshot, node).nodes.map((child) => present(child, snapshot).label);
  }

  groupDescription(view: ViewOptions = problemsOnly): string | undefined {
    return present(hostnamesNode, this.model.snapshot(this.inputs(view))).description;
  }

  /** Lets the answered listing reach the model. */
  async settle(): Promise<void> {
    await this.model.whenIdle();
  }
}

describe('Show Only Problems over a partially loaded zone: the problem listing', () => {
  before(async () => {
    const server = await serveRoute(literalAccount([{ zone }]));
    api = new CloudflareClient({ baseUrl: server.baseUrl, credentials: { kind: 'token', token: literalToken }, rateBudget: false, retries: { max: 0 } });
    closeServer = async () => {
      await api.close();
      await server.close();
    };
  });
  after(() => closeServer());

  it('keeps objects of the listing to the same health rule: timed out and blocked are problems, pending is not', () => {
    const group = (item: CustomHostname): string => statusGroupOf(objectHealth({ kind: 'customHostname', object: item }, { now: Date.now(), thresholds }));
    assert.ok(problemGroups.includes(statusGroupOf(objectHealth({ kind: 'customHostname', object: timedOut(1) }, { now: Date.now(), thresholds }))));
    assert.equal(group(blocked(1)), 'needsAction');
    assert.equal(group(pending(1)), 'inProgress');
  });

  it('is asked for once when the zone is expanded with problems only, and shows a row while it is found', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1), timedOut(2)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    // Unfiltered, nothing is asked for.
    assert.equal(rig.children(zoneNode, defaultViewOptions).load, undefined);
    const first = await rig.expand(zoneNode);
    assert.deepEqual(first.load, { what: 'problemHostnames', account: profile.key, zones: [zone.id] });
    assert.equal(rig.listings.length, 1);
    assert.equal(rig.state().problemHostnames?.status, 'loading');
    // Drawn again meanwhile, by the zone or its group: joined, never asked twice.
    assert.equal((await rig.expand(zoneNode)).load, undefined);
    assert.equal((await rig.expand(hostnamesNode)).load, undefined);
    void rig.model.loadProblemHostnames(profile.key, zone.id);
    await turns();
    assert.equal(rig.listings.length, 1);
    assert.deepEqual(rig.labels(hostnamesNode), ['Finding problem hostnames…', timedOut(2).hostname, 'Load more…']);
    assert.equal(rig.groupDescription(), '1 problem hostname so far · 1 needs action');

    rig.listings[0]?.answer.resolve(found([timedOut(2), blocked(3), pending(4)]));
    await rig.settle();
    assert.equal(rig.state().problemHostnames?.status, 'ready');
    assert.deepEqual(rig.labels(hostnamesNode), [timedOut(2).hostname, blocked(3).hostname, 'Load more…']);
    assert.equal(rig.groupDescription(), '2 problem hostnames · 2 need action');
    assert.equal((await rig.expand(zoneNode)).load, undefined, 'once per zone');
    assert.equal(rig.listings.length, 1);
  });

  it('joins the loaded pages and the listing: each hostname once, the copy loaded last wins', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1), timedOut(2), pending(5)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    await rig.clock.advance(60_000);
    // Listed a minute after the page: hostname 5 has timed out since, hostname 2 is still stuck.
    const since = { ...pending(5), ssl: { id: 'ssl-5', status: 'validation_timed_out', method: 'txt', type: 'dv' } };
    rig.listings[0]?.answer.resolve(found([timedOut(2), since, blocked(3)]));
    await rig.settle();
    const known = knownHostnames(rig.state());
    assert.deepEqual(
      known.map((item) => item.id),
      [hostname(1).id, timedOut(2).id, blocked(3).id, hostname(5).id],
      'in name order, each once',
    );
    assert.equal(known.find((item) => item.id === hostname(5).id)?.ssl?.status, 'validation_timed_out', 'the listing is newer than the page');
    assert.deepEqual(rig.labels(hostnamesNode), [timedOut(2).hostname, blocked(3).hostname, hostname(5).hostname, 'Load more…']);
    // Lookups by id find hostnames only the listing holds, for the panels and commands.
    assert.equal(findObject(rig.model, { account: profile.key, zone: zone.id, kind: 'customHostname', id: blocked(3).id })?.object.id, blocked(3).id);

    // A page read again after the listing is the newer copy.
    rig.page = [hostname(1), timedOut(2), pending(5)];
    await rig.clock.advance(60_000);
    await rig.model.loadHostnames(profile.key, zone.id, { reset: true, problemListing: 'keep' });
    assert.equal(knownHostnames(rig.state()).find((item) => item.id === hostname(5).id)?.ssl?.status, 'pending_validation');
  });

  it('counts every problem once: the zone, the badge and the status groups see the listing too', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1), timedOut(2)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    rig.listings[0]?.answer.resolve(found([timedOut(2), blocked(3), timedOut(6), pending(4)]));
    await rig.settle();
    const snapshot = rig.model.snapshot(rig.inputs(defaultViewOptions));
    assert.equal(snapshot.zoneView(profile.key, zone.id)?.rollup?.needAction, 3, 'hostname 2 is on the page and in the listing: counted once');
    assert.match(present(zoneNode, snapshot).description ?? '', /3 need action/);
    assert.equal(summarize(snapshot).needAction, 3);
    // Unfiltered, the group lists the pages (Load more extends them) but counts every problem known.
    assert.deepEqual(
      childrenOf(snapshot, hostnamesNode).nodes.map((node) => present(node, snapshot).label),
      [hostname(1).hostname, timedOut(2).hostname, 'Load more…'],
    );
    assert.equal(present(hostnamesNode, snapshot).description, '2 of 100000 · 3 need action');
    // Grouped by status, the groups hold every one.
    const statusSnapshot = rig.model.snapshot(rig.inputs(byStatus));
    assert.equal(statusSnapshot.accountView(profile.key)?.buckets().get('needsAction')?.length, 3);
  });

  it('says when the listing failed, keeps what the pages show, and lists again on retry', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1), timedOut(2)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    rig.listings[0]?.answer.reject(new CloudflareApiError('server', 'Cloudflare answered 500 Internal Server Error.'));
    await rig.settle();
    assert.equal(rig.state().problemHostnames?.status, 'failed');
    const snapshot = rig.model.snapshot(rig.inputs(problemsOnly));
    const rows = childrenOf(snapshot, hostnamesNode).nodes;
    const error = rows[0];
    assert.ok(error?.type === 'message' && error.kind === 'error');
    assert.equal(error.text, 'Cloudflare answered 500 Internal Server Error.');
    assert.deepEqual(error.retry, hostnamesNode);
    assert.equal(present(error, snapshot).command?.id, 'retry');
    assert.deepEqual(rows.slice(1).map((node) => present(node, snapshot).label), [timedOut(2).hostname, 'Load more…']);
    assert.equal(rig.groupDescription(), '1 problem hostname found · 1 needs action');
    // Not asked again by itself: only a retry (the retry command refreshes the hostnames group) lists again.
    assert.equal((await rig.expand(zoneNode)).load, undefined);
    assert.equal(rig.listings.length, 1);
    rig.model.setOnScreen(new Set([zoneKey(profile.key, zone.id)]));
    rig.page = [hostname(1), timedOut(2)];
    await rig.model.loadHostnames(profile.key, zone.id, { reset: true });
    await turns();
    assert.equal(rig.listings.length, 2);
    rig.listings[1]?.answer.resolve(found([timedOut(2), blocked(3)]));
    await rig.settle();
    assert.deepEqual(rig.labels(hostnamesNode), [timedOut(2).hostname, blocked(3).hostname, 'Load more…']);
  });

  it('keeps what a listing cut short found, beside why it stopped', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    rig.listings[0]?.answer.resolve(found([blocked(3)], [new CloudflareApiError('server', 'Cloudflare answered 502 Bad Gateway.')]));
    await rig.settle();
    const labels = rig.labels(hostnamesNode);
    assert.deepEqual(labels, ['Cloudflare answered 502 Bad Gateway. · showing what was found', blocked(3).hostname, 'Load more…']);
    assert.match(rig.groupDescription() ?? '', /^1 problem hostname found · 1 needs action · stale$/);
  });

  it('is listed again after a refresh of the zone while problems are asked for, and forgotten once they are not', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    rig.model.setOnScreen(new Set([zoneKey(profile.key, zone.id)]));
    await rig.expand(zoneNode);
    rig.listings[0]?.answer.resolve(found([blocked(3)]));
    await rig.settle();

    rig.page = [hostname(1)];
    await rig.model.refreshZone(profile.key, zone.id);
    await turns();
    assert.equal(rig.listings.length, 2, 'the refresh listed the problems again');
    assert.equal(rig.state().problemHostnames?.status, 'loading');
    assert.deepEqual(rig.labels(hostnamesNode), ['Finding problem hostnames…', blocked(3).hostname, 'Load more…'], 'the old listing stays shown meanwhile');
    rig.listings[1]?.answer.resolve(found([]));
    await rig.settle();
    assert.deepEqual(rig.labels(zoneNode), [], 'blocked(3) was unblocked since: no problem left, no group');

    // Problems no longer asked for: a reload forgets the listing instead of listing again.
    rig.model.setProblemsOnly(false);
    await rig.model.loadHostnames(profile.key, zone.id, { reset: true });
    await rig.settle();
    assert.equal(rig.listings.length, 2);
    assert.equal(rig.state().problemHostnames?.status, 'idle');
  });

  it('stops a listing under way when problems are no longer asked for, or the zone is closed; opened again, it lists again', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1)]), at: fakeNow() });
    const key = zoneKey(profile.key, zone.id);
    rig.model.setProblemsOnly(true);
    rig.model.setOnScreen(new Set([key]));
    await rig.expand(zoneNode);
    assert.equal(rig.listings[0]?.signal?.aborted, false);
    rig.model.setProblemsOnly(false);
    assert.equal(rig.listings[0]?.signal?.aborted, true);
    await rig.settle();
    assert.equal(rig.state().problemHostnames?.status, 'idle', 'back to what it was before');

    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    assert.equal(rig.listings.length, 2);
    rig.model.setOnScreen(new Set());
    assert.equal(rig.listings[1]?.signal?.aborted, true);
    await rig.settle();
    assert.equal(rig.state().problemHostnames?.status, 'idle');
    rig.model.setOnScreen(new Set([key]));
    await turns();
    assert.equal(rig.listings.length, 3, 'opened again');
    rig.listings[2]?.answer.resolve(found([blocked(3)]));
    await rig.settle();
    assert.equal(rig.state().problemHostnames?.status, 'ready');
  });

  it('is never asked for a zone whose hostnames are all loaded, or narrowed by a search', async () => {
    const all: HostnameList = { items: [hostname(1), timedOut(2)], total: 2, pagesLoaded: 1, totalPages: 1 };
    const rig = new Rig({ status: 'ready', value: all, at: fakeNow() });
    rig.model.setProblemsOnly(true);
    assert.equal((await rig.expand(zoneNode)).load, undefined);
    assert.equal((await rig.expand(hostnamesNode)).load, undefined);
    assert.deepEqual(rig.labels(hostnamesNode), [timedOut(2).hostname], 'the loaded list is the whole truth');
    assert.equal(rig.groupDescription(), '1 of 2 · 1 needs action');
    const searched = new Rig({ status: 'ready', value: { ...firstPage([timedOut(2)]), filter: timedOut(2).hostname }, at: fakeNow() });
    searched.model.setProblemsOnly(true);
    assert.equal((await searched.expand(zoneNode)).load, undefined);
    assert.equal(rig.listings.length + searched.listings.length, 0);
  });

  it('keeps a zone whose problems are not listed yet, asks for them grouped by status too, and hides it once none are found', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    assert.deepEqual(rig.children(accountNode).nodes, [zoneNode], 'the loaded page has no problem, but the rest is unknown');
    const grouped = await rig.expand(accountNode, byStatus);
    assert.deepEqual(grouped.load, { what: 'problemHostnames', account: profile.key, zones: [zone.id] });
    assert.deepEqual(rig.labels(accountNode, byStatus), [`Finding problem hostnames in ${zone.name}…`]);
    rig.listings[0]?.answer.resolve(found([pending(4)]));
    await rig.settle();
    const rows = rig.children(accountNode).nodes;
    assert.equal(rows.length, 1);
    assert.ok(rows[0]?.type === 'message' && rows[0].clearsFilter === true);
    assert.match(rows[0].detail ?? '', /and to the status of every custom hostname/);
  });

  it('takes a fresher copy from a poll or a write into the listing too', async () => {
    const rig = new Rig({ status: 'ready', value: firstPage([hostname(1)]), at: fakeNow() });
    rig.model.setProblemsOnly(true);
    await rig.expand(zoneNode);
    rig.listings[0]?.answer.resolve(found([blocked(3)]));
    await rig.settle();
    const fixed = hostname(3);
    rig.read = fixed;
    await rig.model.refreshObject({ account: profile.key, zone: zone.id, kind: 'customHostname', id: fixed.id });
    assert.equal(valueOf(rig.state().problemHostnames ?? idle)?.items[0]?.status, 'active');
    assert.deepEqual(rig.labels(hostnamesNode).filter((label) => label === fixed.hostname), [], 'no longer a problem');
  });
});

function fakeNow(): number {
  return new FakeClock().now();
}
