import { setMaxListeners } from 'node:events';
import type { CloudflareClient, CustomHostname, PacedProgress, Zone, ZoneCollection } from '../cloudflare';
import { CloudflareApiError } from '../cloudflare/errors';
import { loadCloudflare } from '../cloudflare/load';
import { maxPerPage, readPages } from '../cloudflare/pagination';
import { outcomeUnknown } from '../cloudflare/settleWrite';
import { AppError } from '../shared/appError';
import type { AccountProfile } from '../domain/accounts';
import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import { restartsByPackPatch } from '../domain/restartable';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { PendingLoad } from './children';
import type { AccountState, HostnameList, ProblemHostnameList, ZoneDetails, ZoneState } from './explorerState';
import { failLoading, idle, startLoading, startRereading, valueOf, type Loadable } from './loadable';
import { keepEqual, keepEqualDetails, keepEqualOne, sameJson } from './keepEqual';
import { hostnamePageReader } from './loadAllPacing';
import { toCollectionError, toLoadError } from './loadError';
import { fetchObject } from './fetchObject';
import { deferredLoadError, planZoneRefresh } from './refreshPlan';
import { hostnamesPartial, problemListingOf } from './problemListing';
import { knownObject } from './zoneObjects';
import { AccountSnapshotBuilder, ExplorerSnapshot, type AccountSnapshot, type SnapshotInputs } from './snapshot';
import type { ObjectsLoaded } from './statusChanges';

/** Accounts with at most this many zones have every zone loaded up front. */
export const prefetchZoneLimit = 50;

/** What expanding a zone loads through the zone loader; its custom hostnames page on their own. */
const detailCollections: readonly ZoneCollection[] = ['sslMode', 'certificatePacks', 'customCertificates', 'clientCertificates', 'fallbackOrigin'];

/** Pages of custom hostnames "Load all" asks for at once (the default concurrency). */
const hostnamePagesAtOnce = 8;

export interface HostnameLoadOptions {
  /** Start again at page 1. */
  readonly reset?: boolean;
  /** Load every remaining page. */
  readonly all?: boolean;
  /** A new hostname filter; null clears it; undefined keeps the current one. */
  readonly filter?: string | null;
  readonly signal?: AbortSignal;
  /** With `all`: told as pages arrive and when the rest waits for the rate window. */
  readonly onProgress?: (progress: PacedProgress) => void;
  /** `keep`: a reset leaves the zone's problem listing as it is, instead of listing again (the poller's reloads). */
  readonly problemListing?: 'keep';
}

export interface ExplorerModelDependencies {
  /** The accounts to show, in order; read again on every sync. */
  readonly listProfiles: () => readonly AccountProfile[];
  /** The client for an account; throws a typed error when its credentials are gone. */
  readonly clientFor: (profile: AccountProfile) => Promise<CloudflareClient>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after every state change, with what changed. */
  readonly onDidChange: (change: ModelChange) => void;
  /** Called when a zone's certificate objects are replaced by fresher ones: transition history and notifications compare them. */
  readonly onObjectsLoaded?: (change: ObjectsLoaded) => void;
}

/**
 * What one change touched, as narrowly as the model knows it: readers redraw that much.
 * No account: everything (accounts added, removed, reset). An account alone: its zone
 * list or anything in it. A zone: that zone's objects or load state. Objects: only those
 * objects changed (a fresher copy of each), nothing else in their zone.
 */
export interface ModelChange {
  readonly account?: string;
  readonly zone?: string;
  readonly objects?: readonly ObjectRef[];
}

/** Zones the user has open, as `account/zone` keys: what a refresh loads first. */
export type OnScreenZones = ReadonlySet<string>;

/** The key `OnScreenZones` holds for a zone. */
export function zoneKey(accountKey: string, zoneId: string): string {
  return `${accountKey}/${zoneId}`;
}

/** The account key and zone id of a `zoneKey` (zone ids hold no slash; account keys may). */
function splitZoneKey(key: string): [string, string] {
  const at = key.lastIndexOf('/');
  return [key.slice(0, at), key.slice(at + 1)];
}

/** Requests each account's rate budget allows now, by account key; a refresh defers what it cannot afford. Absent accounts: no limit. */
export type RequestBudget = ReadonlyMap<string, number>;

/** What a validation restart reports beyond the fresh object. */
export interface WriteOutcome {
  readonly item: CertificateObject;
  /** The write's answer was lost (the request may or may not have arrived); the object was read back instead of asking again. */
  readonly answerLost?: string;
}

/**
 * What the explorer knows of each account and zone, and how it loads more: the only
 * writer of that state. Pure of VS Code: the tree, the panels, the poller and the commands
 * ask it to load, refresh or write, and read the snapshots it publishes after each change.
 * Loads never throw: failures become state (with the previous data kept, marked stale).
 * Zone states are replaced on every change, never changed in place, so a snapshot that
 * holds one holds it as it was.
 */
export class ExplorerModel {
  private readonly states = new Map<string, AccountState>();
  /** Bumped on every change of an account: a snapshot is rebuilt only when it moved. */
  private readonly versions = new Map<string, number>();
  private readonly snapshots = new Map<string, { readonly version: number; readonly inputs: string; readonly profile: string; readonly snapshot: AccountSnapshot; readonly builder: AccountSnapshotBuilder }>();
  private onScreen: OnScreenZones = new Set();
  private published: { readonly inputs: string; readonly accounts: readonly AccountSnapshot[]; readonly snapshot: ExplorerSnapshot } | undefined;
  /** The current refresh's controller, made with the first load: activation creates no AbortController. */
  private refreshController: AbortController | undefined;
  /** Loads under way, by what they load: asking again joins the load instead of repeating it. */
  private readonly inFlight = new Map<string, { signal: AbortSignal; done: Promise<void> }>();
  /** Quiet re-reads of a zone's hostname list under way, each settled once it has left `inFlight`. */
  private readonly rereads = new Map<string, Promise<void>>();
  /** "Show Only Problems" is on: a refresh lists the problems of the zones it was listing them for again. */
  private problemsOnly = false;
  private disposed = false;
  /** Problem listings under way, by zone key, with the state each replaced (put back when it is cancelled). */
  private readonly problemListings = new Map<string, { readonly controller: AbortController; readonly before: Loadable<ProblemHostnameList> }>();
  /** Zones whose problem listing was stopped by closing them: opening them again starts it again. */
  private readonly closedListings = new Set<string>();

  constructor(private readonly deps: ExplorerModelDependencies) {}

  /** The accounts in display order, with state kept for those already known. */
  accounts(): AccountState[] {
    const profiles = this.deps.listProfiles();
    const keys = new Set(profiles.map((profile) => profile.key));
    for (const key of [...this.states.keys()]) {
      if (!keys.has(key)) {
        this.states.delete(key);
        this.snapshots.delete(key);
      }
    }
    return profiles.map((profile) => {
      const existing = this.states.get(profile.key);
      if (existing !== undefined) {
        // Same account, perhaps renamed: keep the state object, since loads under way write to it.
        existing.profile = profile;
        return existing;
      }
      const state: AccountState = { profile, zones: idle, zoneStates: new Map() };
      this.states.set(profile.key, state);
      return state;
    });
  }

  account(key: string): AccountState | undefined {
    return this.states.get(key) ?? this.accounts().find((state) => state.profile.key === key);
  }

  zone(accountKey: string, zoneId: string): ZoneState | undefined {
    return this.account(accountKey)?.zoneStates.get(zoneId);
  }

  /**
   * What the explorer shows now, judged with these inputs: one immutable snapshot per
   * account, rebuilt only after the account changed (or the minute, thresholds or view did),
   * and then only for the zones that changed.
   */
  snapshot(inputs: SnapshotInputs): ExplorerSnapshot {
    const key = JSON.stringify([Math.floor(inputs.now / 60_000), inputs.thresholds.warningDays, inputs.thresholds.criticalDays, inputs.view?.text ?? '', inputs.view?.problemsOnly ?? false, inputs.view?.groupBy ?? 'zone']);
    const accounts = this.accounts().map((state) => {
      const version = this.versions.get(state.profile.key) ?? 0;
      // A renamed account keeps its state object; its label still has to reach the readers.
      const profile = JSON.stringify(state.profile);
      const known = this.snapshots.get(state.profile.key);
      if (known !== undefined && known.version === version && known.inputs === key && known.profile === profile) return known.snapshot;
      const builder = known?.builder ?? new AccountSnapshotBuilder();
      const snapshot = builder.build(state, inputs);
      this.snapshots.set(state.profile.key, { version, inputs: key, profile, snapshot, builder });
      return snapshot;
    });
    // The same snapshot object while nothing changed: readers may key their own work on it.
    const last = this.published;
    if (last !== undefined && last.inputs === key && last.accounts.length === accounts.length && last.accounts.every((account, index) => account === accounts[index])) return last.snapshot;
    const snapshot = new ExplorerSnapshot(accounts, inputs);
    this.published = { inputs: key, accounts, snapshot };
    return snapshot;
  }

  /**
   * The zones the user has open now: the next refresh loads them first. A zone closed
   * stops its problem listing; opened again (with problems still asked for), it lists them.
   */
  setOnScreen(zones: OnScreenZones): void {
    const before = this.onScreen;
    this.onScreen = zones;
    for (const key of before) {
      if (zones.has(key) || !this.problemListings.has(key)) continue;
      this.cancelProblemHostnames((listing) => listing === key);
      this.closedListings.add(key);
    }
    for (const key of zones) {
      if (before.has(key) || !this.closedListings.delete(key) || !this.problemsOnly) continue;
      const [accountKey, zoneId] = splitZoneKey(key);
      const zone = this.zone(accountKey, zoneId);
      if (zone !== undefined && hostnamesPartial(zone) && problemListingOf(zone).status === 'idle') void this.loadProblemHostnames(accountKey, zoneId);
    }
  }

  /** Whether "Show Only Problems" is on; turning it off stops the problem listings under way. */
  setProblemsOnly(on: boolean): void {
    this.problemsOnly = on;
    if (!on) this.cancelProblemHostnames(() => true);
  }

  /** Starts what a tree node's children need (see `childrenOf`). */
  startLoad(load: PendingLoad): Promise<void> {
    switch (load.what) {
      case 'zones':
        return this.loadZones(load.account);
      case 'zone':
        return this.loadZone(load.account, load.zone);
      case 'problemHostnames':
        return Promise.all(load.zones.map((zone) => this.loadProblemHostnames(load.account, zone))).then(() => undefined);
    }
  }

  /** Records a change and tells the readers what it touched. */
  private changed(change: ModelChange): void {
    if (change.account === undefined) {
      for (const key of this.versions.keys()) this.versions.set(key, (this.versions.get(key) ?? 0) + 1);
      this.snapshots.clear();
    } else {
      this.versions.set(change.account, (this.versions.get(change.account) ?? 0) + 1);
    }
    this.deps.onDidChange(change);
  }

  /** Replaces a zone's state (never changed in place: snapshots hold the old one); a zone dropped meanwhile stays dropped. */
  private putZone(account: AccountState, zoneId: string, change: (zone: ZoneState) => Partial<Pick<ZoneState, 'details' | 'hostnames' | 'problemHostnames'>>): void {
    const zone = account.zoneStates.get(zoneId);
    if (zone === undefined) return;
    account.zoneStates.set(zoneId, { ...zone, ...change(zone) });
  }

  private refreshSignal(): AbortSignal {
    this.refreshController ??= fanOutController();
    return this.refreshController.signal;
  }

  /**
   * Checks the token, then lists the zones: the first page is shown as soon as it arrives,
   * whatever the account's size; the remaining pages follow in parallel.
   */
  loadZones(accountKey: string, signal = this.refreshSignal()): Promise<void> {
    return this.once(`zones:${accountKey}`, signal, () => this.fetchZones(accountKey, signal));
  }

  private async fetchZones(accountKey: string, signal: AbortSignal): Promise<void> {
    const state = this.account(accountKey);
    if (state === undefined) return;
    state.zones = startLoading(state.zones);
    this.changed({ account: accountKey });
    try {
      const client = await this.deps.clientFor(state.profile);
      await client.verifyToken(signal);
      const filter = state.profile.accountId === undefined ? {} : { accountId: state.profile.accountId };
      // The first page is shown as soon as it arrives; the pager reads the rest.
      let reason: string | undefined;
      const zones = await readPages<Zone>(
        async ({ page, signal: pageSignal }) => {
          const result = await client.zonesPage({ ...filter, page, perPage: maxPerPage }, pageSignal);
          reason ??= result.reason;
          return result;
        },
        {
          what: 'zones',
          signal,
          onPage: (fresh, page) => {
            if (page === 1 && fresh.length >= maxPerPage) this.setZones(state, fresh, true);
          },
        },
      );
      // A listing cut short keeps every zone known (it cannot tell which are gone) and says why.
      this.setZones(state, zones.items, zones.stopped !== undefined);
      if (zones.stopped !== undefined) state.zones = failLoading(state.zones, toLoadError(zones.stopped), this.deps.clock.now());
      // Zones that fail the run-time checks are reported on the account, never silently dropped.
      if (zones.rejected > 0) state.rejectedZones = { count: zones.rejected, ...(reason === undefined ? {} : { reason }) };
      else delete state.rejectedZones;
      this.prefetchZones(state, signal);
    } catch (error) {
      if (signal.aborted) return;
      this.deps.logger.warn(`Loading the zones of "${state.profile.label}" failed`, error);
      state.zones = failLoading(state.zones, toLoadError(error), this.deps.clock.now());
    }
    this.changed({ account: accountKey });
  }

  /**
   * For small accounts, loads every zone's certificates in the background, so each zone
   * shows the worst status beneath it without being expanded. Large accounts stay lazy.
   */
  private prefetchZones(state: AccountState, signal: AbortSignal): void {
    if (state.zoneStates.size > prefetchZoneLimit) return;
    for (const zone of state.zoneStates.values()) {
      if (zone.details.status === 'idle') void this.loadZone(state.profile.key, zone.zone.id, signal);
    }
  }

  private setZones(state: AccountState, zones: readonly Zone[], morePagesComing: boolean): void {
    const known = state.zoneStates;
    for (const zone of zones) {
      const existing = known.get(zone.id);
      known.set(zone.id, existing === undefined ? { zone, details: idle, hostnames: idle } : { ...existing, zone: keepEqualOne(existing.zone, zone) });
    }
    if (!morePagesComing) {
      const ids = new Set(zones.map((zone) => zone.id));
      for (const id of [...known.keys()]) if (!ids.has(id)) known.delete(id);
    }
    state.zones = { status: 'ready', value: zones, at: this.deps.clock.now() };
    if (morePagesComing) this.changed({ account: state.profile.key });
  }

  /** Loads a zone's certificate objects and the first page of its custom hostnames, all at once. */
  loadZone(accountKey: string, zoneId: string, signal = this.refreshSignal(), problemListing?: 'keep'): Promise<void> {
    return this.once(`zone:${accountKey}:${zoneId}`, signal, () => this.fetchZone(accountKey, zoneId, signal, problemListing));
  }

  private async fetchZone(accountKey: string, zoneId: string, signal: AbortSignal, problemListing: 'keep' | undefined): Promise<void> {
    const account = this.account(accountKey);
    const zone = account?.zoneStates.get(zoneId);
    if (account === undefined || zone === undefined) return;
    const before = valueOf(zone.details);
    this.putZone(account, zoneId, (current) => ({ details: startLoading(current.details) }));
    this.changed({ account: accountKey, zone: zoneId });
    try {
      const client = await this.deps.clientFor(account.profile);
      // The hostnames page on their own (a SaaS zone can hold tens of thousands), beside the rest.
      const [load] = await Promise.all([
        loadCloudflare().loadZoneCollections(client.api, zoneId, { collections: detailCollections, signal, ...(before === undefined ? {} : { previous: before }) }),
        this.loadHostnames(accountKey, zoneId, { reset: true, signal, ...(problemListing === undefined ? {} : { problemListing }) }),
      ]);
      const details = keepEqualDetails(before, { ...load.collections, errors: load.errors.map(toCollectionError) });
      this.putZone(account, zoneId, () => ({ details: { status: 'ready', value: details, at: this.deps.clock.now() } }));
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'details', ...(before === undefined ? {} : { before }), after: details });
    } catch (error) {
      if (signal.aborted) return;
      this.putZone(account, zoneId, (current) => ({ details: failLoading(current.details, toLoadError(error), this.deps.clock.now()) }));
    }
    this.changed({ account: accountKey, zone: zoneId });
  }

  /**
   * Custom hostnames, a page at a time: `reset` starts again at page 1 (keeping the filter
   * unless a new one is given), `all` loads every remaining page.
   */
  loadHostnames(accountKey: string, zoneId: string, options: HostnameLoadOptions = {}): Promise<void> {
    const key = `hostnames:${accountKey}:${zoneId}`;
    // "Load more", "Load all" or a search asked during a quiet re-read (its "Load more" row
    // stays clickable) runs after it, rather than joining it and being lost.
    const rereading = this.rereads.get(key);
    if (rereading !== undefined && options.reset !== true) return rereading.then(() => this.loadHostnames(accountKey, zoneId, options));
    const signal = options.signal ?? this.refreshSignal();
    // The same list read again from page 1 stays as it is until the new one is in: no row comes and goes.
    const status = this.zone(accountKey, zoneId)?.hostnames.status;
    const quiet = options.reset === true && options.filter === undefined && status === 'ready' && !this.inFlight.has(key);
    if (!quiet) return this.once(key, signal, () => this.fetchHostnames(accountKey, zoneId, options, signal, false));
    let over: () => void = () => undefined;
    this.rereads.set(key, new Promise<void>((resolve) => (over = resolve)));
    const done = this.once(key, signal, () => this.fetchHostnames(accountKey, zoneId, options, signal, true));
    // Once the re-read has left the loads in flight, so that what waited on it starts anew.
    const settle = (): void => {
      this.rereads.delete(key);
      over();
    };
    void done.then(settle, settle);
    return done;
  }

  private async fetchHostnames(accountKey: string, zoneId: string, options: HostnameLoadOptions, signal: AbortSignal, quiet: boolean): Promise<void> {
    const account = this.account(accountKey);
    const zone = account?.zoneStates.get(zoneId);
    if (account === undefined || zone === undefined) return;
    const current = valueOf(zone.hostnames);
    const filter = options.filter === null ? undefined : (options.filter ?? current?.filter);
    const restart = options.reset === true || current === undefined || options.filter !== undefined;
    const put = (hostnames: (current: ZoneState['hostnames']) => ZoneState['hostnames']): void => this.putZone(account, zoneId, (zoneNow) => ({ hostnames: hostnames(zoneNow.hostnames) }));
    // Reading the list again from page 1 makes the problem listing old too: it is listed again once the first page is in.
    const relist = restart && options.problemListing !== 'keep' && this.stopProblemHostnames(accountKey, zone);
    const loading = quiet ? startRereading(zone.hostnames) : startLoading(zone.hostnames);
    put(() => loading);
    this.changed({ account: accountKey, zone: zoneId });
    try {
      const client = await this.deps.clientFor(account.profile);
      const from: HostnameList = restart ? { items: [], total: 0, pagesLoaded: 0, totalPages: 1, ...(filter === undefined ? {} : { filter }) } : current;
      const items = [...from.items];
      // "Load all" reads several pages at once (the client still caps requests in flight),
      // and publishes only when the list has doubled, and by a window's worth at least: each
      // publication copies the list (snapshots never see it grow), so this keeps that linear.
      let shown = items.length;
      let reason = from.rejected?.reason;
      const read = await hostnamePageReader(client, this.deps.clock, options.all === true, options.onProgress)<CustomHostname>(
        async ({ page, signal: pageSignal }) => {
          const result = await client.customHostnamesPage(zoneId, { page, perPage: maxPerPage, ...(filter === undefined ? {} : { hostname: filter }) }, pageSignal);
          reason ??= result.reason;
          return result;
        },
        {
          what: 'custom hostnames',
          firstPage: from.pagesLoaded + 1,
          seen: from.items.map((hostname) => hostname.id),
          pages: options.all === true ? Infinity : 1,
          pagesAtOnce: hostnamePagesAtOnce,
          signal,
          onPage: (fresh, page) => {
            items.push(...fresh);
            if (options.all !== true) return;
            if (items.length >= shown + Math.max(shown, hostnamePagesAtOnce * maxPerPage)) {
              shown = items.length;
              put(() => ({ status: 'loading', previous: { ...from, items: [...items], pagesLoaded: page, total: Math.max(from.total, items.length) } }));
              this.changed({ account: accountKey, zone: zoneId });
            }
          },
        },
      );
      // Hostnames that fail the run-time checks are counted on the list, never silently dropped.
      const rejected = (from.rejected?.count ?? 0) + read.rejected;
      const list: HostnameList = {
        ...from,
        ...(rejected > 0 ? { rejected: { count: rejected, ...(reason === undefined ? {} : { reason }) } } : {}),
        // Read again from page 1, a hostname that did not change stays the object the tree drew.
        items: restart ? keepEqual(current?.items, items) : items,
        pagesLoaded: read.lastPage,
        total: read.totalCount ?? items.length,
        // More pages only when this read stopped for its page budget ("Load more"), not at the end or a cut.
        totalPages: read.more ? Math.max(read.lastPage + 1, read.plannedPages ?? 0) : read.lastPage,
      };
      if (read.stopped !== undefined) {
        // Cut short: the hostnames read are kept and shown beside the reason; not a complete list, so no comparison.
        put(() => failLoading({ status: 'ready', value: list, at: this.deps.clock.now() }, toLoadError(read.stopped), this.deps.clock.now()));
        this.changed({ account: accountKey, zone: zoneId });
        return;
      }
      put(() => ({ status: 'ready', value: list, at: this.deps.clock.now() }));
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'hostnames', ...(current === undefined ? {} : { before: current }), after: list });
    } catch (error) {
      if (signal.aborted) {
        // Nothing shows a quiet re-read: one cut short puts the list back as it was, not stuck loading.
        if (quiet) put((now) => (now === loading ? zone.hostnames : now));
        return;
      }
      put((hostnames) => failLoading(hostnames, toLoadError(error), this.deps.clock.now()));
    } finally {
      if (relist) this.relistProblemHostnames(account, accountKey, zoneId);
    }
    this.changed({ account: accountKey, zone: zoneId });
  }

  /**
   * Lists the zone's problem hostnames by status across all its pages (35 filtered
   * listings, the active hostnames never read), for "Show Only Problems" while the loaded
   * pages are partial. Kept beside the pages, not in them; asking again while a listing
   * is under way joins it.
   */
  loadProblemHostnames(accountKey: string, zoneId: string): Promise<void> {
    if (this.disposed) return Promise.resolve();
    const key = `problems:${zoneKey(accountKey, zoneId)}`;
    const running = this.inFlight.get(key);
    if (running !== undefined && !running.signal.aborted) return running.done;
    const zone = this.zone(accountKey, zoneId);
    if (zone === undefined) return Promise.resolve();
    const controller = fanOutController();
    this.problemListings.set(zoneKey(accountKey, zoneId), { controller, before: settled(problemListingOf(zone)) });
    return this.once(key, controller.signal, () => this.fetchProblemHostnames(accountKey, zoneId, controller));
  }

  private async fetchProblemHostnames(accountKey: string, zoneId: string, controller: AbortController): Promise<void> {
    const account = this.account(accountKey);
    const key = zoneKey(accountKey, zoneId);
    // A cancelled or superseded listing writes nothing: whoever stopped it put the state back.
    const mine = (): boolean => this.problemListings.get(key)?.controller === controller;
    const put = (listing: (current: Loadable<ProblemHostnameList>) => Loadable<ProblemHostnameList>): void => {
      if (account !== undefined && mine()) this.putZone(account, zoneId, (zone) => ({ problemHostnames: listing(problemListingOf(zone)) }));
    };
    if (account === undefined) return;
    put(startLoading);
    this.changed({ account: accountKey, zone: zoneId });
    try {
      const client = await this.deps.clientFor(account.profile);
      const found = await client.listProblemHostnames(zoneId, controller.signal);
      const value: ProblemHostnameList = { items: found.items, requests: found.requests, ...(found.rejected > 0 ? { rejected: { count: found.rejected, ...(found.reason === undefined ? {} : { reason: found.reason }) } } : {}) };
      const now = this.deps.clock.now();
      const ready: Loadable<ProblemHostnameList> = { status: 'ready', value, at: now };
      // A listing that could not be read to the end keeps what it found, beside the first reason.
      const stopped = found.stopped[0];
      put(() => (stopped === undefined ? ready : failLoading(ready, toLoadError(stopped), now)));
    } catch (error) {
      if (!mine()) return;
      this.deps.logger.warn(`Listing the problem hostnames of zone ${zoneId} failed`, error);
      put((listing) => failLoading(listing, toLoadError(error), this.deps.clock.now()));
    } finally {
      if (mine()) this.problemListings.delete(key);
    }
    this.changed({ account: accountKey, zone: zoneId });
  }

  /** Stops the problem listings under way whose zone key matches, putting back what each zone showed before it. */
  private cancelProblemHostnames(matches: (key: string) => boolean): void {
    for (const [key, listing] of [...this.problemListings]) {
      if (!matches(key)) continue;
      this.problemListings.delete(key);
      listing.controller.abort();
      const [accountKey, zoneId] = splitZoneKey(key);
      const account = this.states.get(accountKey);
      if (account === undefined) continue;
      this.putZone(account, zoneId, () => ({ problemHostnames: listing.before }));
      this.changed({ account: accountKey, zone: zoneId });
    }
  }

  /** A reload of the hostname pages begins: stops the zone's problem listing; says whether one was in use (to list again after). */
  private stopProblemHostnames(accountKey: string, zone: ZoneState): boolean {
    const key = zoneKey(accountKey, zone.zone.id);
    const running = this.problemListings.get(key);
    this.problemListings.delete(key);
    running?.controller.abort();
    return problemListingOf(zone).status !== 'idle';
  }

  /**
   * After a reload of the pages the old listing is forgotten. It is listed again at once
   * if problems are still asked for, the pages are still partial and the zone is open;
   * a zone not open lists them when the tree shows it again.
   */
  private relistProblemHostnames(account: AccountState, accountKey: string, zoneId: string): void {
    const zone = account.zoneStates.get(zoneId);
    if (zone === undefined || account !== this.states.get(accountKey)) return;
    const key = zoneKey(accountKey, zoneId);
    if (this.problemsOnly && hostnamesPartial(zone) && this.onScreen.has(key)) {
      void this.loadProblemHostnames(accountKey, zoneId);
      return;
    }
    this.putZone(account, zoneId, () => ({ problemHostnames: idle }));
    if (this.problemsOnly) this.closedListings.add(key);
    this.changed({ account: accountKey, zone: zoneId });
  }

  /**
   * Reloads what has been loaded (accounts whose zones were listed, zones that were
   * expanded), cancelling a refresh still in flight. Unexpanded parts stay unloaded.
   * Zones on screen (`setOnScreen`) go first; zones the rate budget cannot afford now keep
   * their data, marked stale, and are first in line next time.
   */
  async refresh(accountKey?: string, budget: RequestBudget = new Map()): Promise<void> {
    this.refreshController?.abort();
    this.refreshController = undefined;
    const signal = this.refreshSignal();
    const accounts = this.accounts().filter((state) => accountKey === undefined || state.profile.key === accountKey);
    await Promise.all(
      accounts.map(async (account) => {
        if (account.zones.status === 'idle') return;
        await this.loadZones(account.profile.key, signal);
        const key = account.profile.key;
        const loaded = [...account.zoneStates.values()].filter((zone) => zone.details.status !== 'idle');
        const onScreen = (zone: ZoneState): boolean => this.onScreen.has(zoneKey(key, zone.zone.id));
        const plan = planZoneRefresh(loaded, onScreen, budget.get(key) ?? Infinity);
        this.markDeferred(account, plan.deferred);
        // Started in order, so the budget's queue serves what is on screen first.
        await Promise.all(plan.load.map((zone) => this.loadZone(key, zone.zone.id, signal)));
      }),
    );
  }

  private markDeferred(account: AccountState, zones: readonly ZoneState[]): void {
    if (zones.length === 0) return;
    const now = this.deps.clock.now();
    for (const zone of zones) {
      if (valueOf(zone.details) !== undefined) this.putZone(account, zone.zone.id, (current) => ({ details: failLoading(current.details, deferredLoadError, now) }));
    }
    this.deps.logger.debug(`Refresh of "${account.profile.label}": ${zones.length} zone(s) deferred to stay within the API rate budget`);
    this.changed({ account: account.profile.key });
  }

  /**
   * Runs a load unless the same one is under way on a live signal, in which case the
   * caller joins it. A load whose signal was aborted is superseded by the next one.
   */
  private once(key: string, signal: AbortSignal, load: () => Promise<void>): Promise<void> {
    const running = this.inFlight.get(key);
    if (running !== undefined && !running.signal.aborted) return running.done;
    const done = load().finally(() => {
      if (this.inFlight.get(key)?.done === done) this.inFlight.delete(key);
    });
    this.inFlight.set(key, { signal, done });
    return done;
  }

  /**
   * Reads one object again by id and puts the fresh copy in place, without reloading its
   * zone: the rest of the tree keeps what it shows. Throws the client's typed error
   * (`not_found` when the object is gone); the caller decides what that means.
   */
  async refreshObject(ref: ObjectRef, signal?: AbortSignal): Promise<CertificateObject> {
    const client = await this.clientOf(ref);
    const fresh = await fetchObject(client, ref, signal);
    if (signal?.aborted !== true) this.replaceObject(ref.account, ref.zone, fresh);
    return fresh;
  }

  /**
   * Restarts a pack's validation: an advanced pack in validation_timed_out is restarted by
   * PATCHing the pack (the only status Cloudflare allows that in); any other pack waiting
   * on validation is rechecked with its own method. Then reads the pack back into place.
   */
  async restartValidation(ref: ObjectRef): Promise<WriteOutcome> {
    const loaded = await this.object(ref);
    if (loaded.kind !== 'certificatePack') throw new AppError('not_restartable', 'Only a certificate pack has its validation restarted.');
    const pack = loaded.object;
    const client = await this.clientOf(ref);
    let answerLost: string | undefined;
    if (restartsByPackPatch(pack)) {
      await client.restartPackValidation(ref.zone, pack.id);
    } else {
      await client.recheckValidation(ref.zone, pack.id, pack.validation_method ?? 'txt').catch((error: unknown) => {
        // The answer was lost, not refused: the request is never sent twice; the pack read back below shows where it stands.
        if (!CloudflareApiError.is(error) || !outcomeUnknown.has(error.code)) throw error;
        this.deps.logger.warn(`Re-check of pack ${pack.id} answered ${error.code}; reading the pack back instead of asking again`);
        answerLost = error.code;
      });
    }
    this.deps.logger.info(`Restarted validation of pack ${pack.id}`);
    const item = await this.refreshObject(ref);
    return { item, ...(answerLost === undefined ? {} : { answerLost }) };
  }

  /**
   * Refreshes a custom hostname (PATCH with its own ssl.method and ssl.type, as the
   * dashboard's Refresh does) and puts what Cloudflare answered in place.
   */
  async refreshCustomHostname(ref: ObjectRef): Promise<WriteOutcome> {
    const loaded = await this.object(ref);
    if (loaded.kind !== 'customHostname') throw new AppError('not_refreshable', 'Only a custom hostname is refreshed this way.');
    const hostname = loaded.object;
    const client = await this.clientOf(ref);
    const updated = await client.refreshCustomHostname(ref.zone, hostname);
    this.deps.logger.info(`Refreshed custom hostname ${hostname.id}`);
    const item: CertificateObject = { kind: 'customHostname', object: updated };
    this.replaceObject(ref.account, ref.zone, item);
    return { item };
  }

  /** The loaded copy of an object, or (a panel's object whose zone is not loaded) the one the API has now. */
  async object(ref: ObjectRef): Promise<CertificateObject> {
    const zone = this.zone(ref.account, ref.zone);
    const found = zone === undefined ? undefined : knownObject(zone, ref);
    return found ?? fetchObject(await this.clientOf(ref), ref);
  }

  private async clientOf(ref: ObjectRef): Promise<CloudflareClient> {
    const account = this.account(ref.account);
    if (account === undefined) throw new AppError('not_loaded', 'The account of this object is no longer in the Cloudflare Certificates view.');
    return this.deps.clientFor(account.profile);
  }

  /**
   * Puts a fresher copy of one object in place. A copy equal to the one held changes
   * nothing (most polls find nothing new), so readers are not told.
   */
  private replaceObject(accountKey: string, zoneId: string, item: CertificateObject): void {
    const account = this.account(accountKey);
    const zone = account?.zoneStates.get(zoneId);
    if (account === undefined || zone === undefined) return;
    const held = knownObject(zone, { kind: item.kind, id: item.object.id });
    if (held !== undefined && sameJson(held.object, item.object)) return;
    if (item.kind !== 'customHostname') {
      const details = valueOf(zone.details);
      if (details === undefined || zone.details.status === 'idle' || zone.details.status === 'loading') return;
      const after = withObject(details, item);
      // Stale details (a failed or deferred reload) take the fresher copy too: it is newer than what they show.
      const next = zone.details.status === 'ready' ? { ...zone.details, value: after } : { ...zone.details, previous: after };
      this.putZone(account, zoneId, () => ({ details: next }));
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'details', before: details, after });
    } else {
      // The problem listing's copy is replaced too: neither copy may show an older state after a poll or a write.
      const listing = zone.problemHostnames;
      const listed = listing?.status === 'ready' && listing.value.items.some((hostname) => hostname.id === item.object.id);
      const list = valueOf(zone.hostnames);
      const paged = list !== undefined && zone.hostnames.status === 'ready';
      if (!listed && !paged) return;
      if (listed) {
        const value = { ...listing.value, items: listing.value.items.map((hostname) => (hostname.id === item.object.id ? item.object : hostname)) };
        this.putZone(account, zoneId, () => ({ problemHostnames: { ...listing, value } }));
      }
      if (paged) {
        const value = { ...list, items: list.items.map((hostname) => (hostname.id === item.object.id ? item.object : hostname)) };
        this.putZone(account, zoneId, () => ({ hostnames: { ...zone.hostnames, value } as ZoneState['hostnames'] }));
        this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'hostnames', before: list, after: value });
      }
    }
    this.changed({ account: accountKey, zone: zoneId, objects: [{ account: accountKey, zone: zoneId, kind: item.kind, id: item.object.id }] });
  }

  /** Tells the observer; its failure must not fail the load that fed it. */
  private objectsLoaded(change: ObjectsLoaded): void {
    try {
      this.deps.onObjectsLoaded?.(change);
    } catch (error) {
      this.deps.logger.warn('Comparing the loaded certificate objects failed', error);
    }
  }

  /** Resolves once no load is under way (loads started meanwhile are waited for too). */
  async whenIdle(): Promise<void> {
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight.values()].map((entry) => entry.done));
    }
  }

  /**
   * Reloads one zone (its certificate objects and the first hostname page), and lists its
   * problem hostnames again if they were listed; `keep` leaves that listing as it is (the
   * poller reloads a zone for its pending objects, not for the listing).
   */
  async refreshZone(accountKey: string, zoneId: string, problemListing?: 'keep'): Promise<void> {
    await this.loadZone(accountKey, zoneId, undefined, problemListing);
  }

  /** Forgets everything loaded, e.g. after the API base URL changed. */
  reset(): void {
    this.refreshController?.abort();
    this.refreshController = undefined;
    this.cancelProblemHostnames(() => true);
    this.states.clear();
    this.changed({});
  }

  dispose(): void {
    this.disposed = true;
    // Kept aborted: a load asked for after disposal starts nothing.
    this.refreshController ??= fanOutController();
    this.refreshController.abort();
    this.cancelProblemHostnames(() => true);
  }
}

/** A listing's state with no load under way: what it showed before (or nothing), never "loading" with nobody loading. */
function settled(listing: Loadable<ProblemHostnameList>): Loadable<ProblemHostnameList> {
  if (listing.status !== 'loading') return listing;
  return listing.previous === undefined ? idle : { status: 'ready', value: listing.previous, at: listing.previousAt ?? 0 };
}

/** The zone's details with one certificate object replaced; collections not loaded stay so. */
function withObject(details: ZoneDetails, update: Exclude<CertificateObject, { readonly kind: 'customHostname' }>): ZoneDetails {
  const swap = <T extends { readonly id: string }>(items: readonly T[], fresh: T): T[] => items.map((item) => (item.id === fresh.id ? fresh : item));
  switch (update.kind) {
    case 'certificatePack':
      return details.certificatePacks === undefined ? details : { ...details, certificatePacks: swap(details.certificatePacks, update.object) };
    case 'customCertificate':
      return details.customCertificates === undefined ? details : { ...details, customCertificates: swap(details.customCertificates, update.object) };
    case 'clientCertificate':
      return details.clientCertificates === undefined ? details : { ...details, clientCertificates: swap(details.clientCertificates, update.object) };
  }
}

/**
 * A controller for one refresh. Every zone's requests listen on its signal at once, queued
 * behind the concurrency limit; each removes its listener when it ends, so many listeners
 * are by design and Node's leak warning (at 11) would be noise.
 */
function fanOutController(): AbortController {
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  return controller;
}
