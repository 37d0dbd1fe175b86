import { setMaxListeners } from 'node:events';
import type { CertificatePack, ClientCertificate, CloudflareClient, CustomCertificate, CustomHostname, PacedProgress, Zone, ZoneCollection } from '../cloudflare';
import { loadCloudflare } from '../cloudflare/load';
import { maxPerPage, readPages } from '../cloudflare/pagination';
import type { AccountProfile } from '../domain/accounts';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { AccountState, HostnameList, ZoneDetails, ZoneState } from './explorerState';
import { failLoading, idle, startLoading, valueOf } from './loadable';
import { hostnamePageReader } from './loadAllPacing';
import { toCollectionError, toLoadError } from './loadError';
import { deferredLoadError, planZoneRefresh } from './refreshPlan';
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
}

export interface ExplorerModelDependencies {
  /** The accounts to show, in order; read again on every sync. */
  readonly listProfiles: () => readonly AccountProfile[];
  /** The client for an account; throws a typed error when its credentials are gone. */
  readonly clientFor: (profile: AccountProfile) => Promise<CloudflareClient>;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Called after every state change, with the account that changed (undefined: all). */
  readonly onDidChange: (accountKey?: string) => void;
  /** Whether a zone is expanded in the view: a refresh loads what is on screen first. */
  readonly isOnScreen?: (accountKey: string, zoneId: string) => boolean;
  /** Requests the account's rate budget allows now; a refresh defers what it cannot afford. */
  readonly requestsAvailable?: (profile: AccountProfile) => number;
  /** Called when a zone's certificate objects are replaced by fresher ones: transition history and notifications compare them. */
  readonly onObjectsLoaded?: (change: ObjectsLoaded) => void;
}

/** A fresher copy of one object, as a write or a poll returned it. */
export type ObjectUpdate =
  | { readonly pack: CertificatePack }
  | { readonly hostname: CustomHostname }
  | { readonly customCertificate: CustomCertificate }
  | { readonly clientCertificate: ClientCertificate };

/**
 * What the explorer knows of each account and zone, and how it loads more. Pure of VS
 * Code: the tree provider reads this state and asks for loads as the user expands nodes.
 * Loads never throw: failures become state (with the previous data kept, marked stale).
 */
export class ExplorerModel {
  private readonly states = new Map<string, AccountState>();
  private refreshController = fanOutController();
  /** Loads under way, by what they load: asking again joins the load instead of repeating it. */
  private readonly inFlight = new Map<string, { signal: AbortSignal; done: Promise<void> }>();

  constructor(private readonly deps: ExplorerModelDependencies) {}

  /** The accounts in display order, with state kept for those already known. */
  accounts(): AccountState[] {
    const profiles = this.deps.listProfiles();
    const keys = new Set(profiles.map((profile) => profile.key));
    for (const key of [...this.states.keys()]) {
      if (!keys.has(key)) this.states.delete(key);
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
   * Checks the token, then lists the zones: the first page is shown as soon as it arrives,
   * whatever the account's size; the remaining pages follow in parallel.
   */
  loadZones(accountKey: string, signal = this.refreshController.signal): Promise<void> {
    return this.once(`zones:${accountKey}`, signal, () => this.fetchZones(accountKey, signal));
  }

  private async fetchZones(accountKey: string, signal: AbortSignal): Promise<void> {
    const state = this.account(accountKey);
    if (state === undefined) return;
    state.zones = startLoading(state.zones);
    this.deps.onDidChange(accountKey);
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
    this.deps.onDidChange(accountKey);
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
      known.set(zone.id, existing === undefined ? { zone, details: idle, hostnames: idle } : { ...existing, zone });
    }
    if (!morePagesComing) {
      const ids = new Set(zones.map((zone) => zone.id));
      for (const id of [...known.keys()]) if (!ids.has(id)) known.delete(id);
    }
    state.zones = { status: 'ready', value: zones, at: this.deps.clock.now() };
    if (morePagesComing) this.deps.onDidChange(state.profile.key);
  }

  /** Loads a zone's certificate objects and the first page of its custom hostnames, all at once. */
  loadZone(accountKey: string, zoneId: string, signal = this.refreshController.signal): Promise<void> {
    return this.once(`zone:${accountKey}:${zoneId}`, signal, () => this.fetchZone(accountKey, zoneId, signal));
  }

  private async fetchZone(accountKey: string, zoneId: string, signal: AbortSignal): Promise<void> {
    const account = this.account(accountKey);
    const zone = account?.zoneStates.get(zoneId);
    if (account === undefined || zone === undefined) return;
    const before = valueOf(zone.details);
    zone.details = startLoading(zone.details);
    this.deps.onDidChange(accountKey);
    try {
      const client = await this.deps.clientFor(account.profile);
      // The hostnames page on their own (a SaaS zone can hold tens of thousands), beside the rest.
      const [load] = await Promise.all([
        loadCloudflare().loadZoneCollections(client.api, zoneId, { collections: detailCollections, signal, ...(before === undefined ? {} : { previous: before }) }),
        this.loadHostnames(accountKey, zoneId, { reset: true, signal }),
      ]);
      const details: ZoneDetails = { ...load.collections, errors: load.errors.map(toCollectionError) };
      zone.details = { status: 'ready', value: details, at: this.deps.clock.now() };
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'details', ...(before === undefined ? {} : { before }), after: details });
    } catch (error) {
      if (signal.aborted) return;
      zone.details = failLoading(zone.details, toLoadError(error), this.deps.clock.now());
    }
    this.deps.onDidChange(accountKey);
  }

  /**
   * Custom hostnames, a page at a time: `reset` starts again at page 1 (keeping the filter
   * unless a new one is given), `all` loads every remaining page.
   */
  loadHostnames(accountKey: string, zoneId: string, options: HostnameLoadOptions = {}): Promise<void> {
    const signal = options.signal ?? this.refreshController.signal;
    return this.once(`hostnames:${accountKey}:${zoneId}`, signal, () => this.fetchHostnames(accountKey, zoneId, options, signal));
  }

  private async fetchHostnames(accountKey: string, zoneId: string, options: HostnameLoadOptions, signal: AbortSignal): Promise<void> {
    const account = this.account(accountKey);
    const zone = account?.zoneStates.get(zoneId);
    if (account === undefined || zone === undefined) return;
    const current = valueOf(zone.hostnames);
    const filter = options.filter === null ? undefined : (options.filter ?? current?.filter);
    const restart = options.reset === true || current === undefined || options.filter !== undefined;
    zone.hostnames = startLoading(zone.hostnames);
    this.deps.onDidChange(accountKey);
    try {
      const client = await this.deps.clientFor(account.profile);
      const from: HostnameList = restart ? { items: [], total: 0, pagesLoaded: 0, totalPages: 1, ...(filter === undefined ? {} : { filter }) } : current;
      const items = [...from.items];
      // "Load all" reads several pages at once (the client still caps requests in flight),
      // and redraws only when the list has doubled, and by a window's worth at least: a redraw
      // rebuilds every loaded row, so one per page made 20,000 hostnames cost minutes instead of seconds.
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
            // Shares the growing array: copying it per page would make "Load all" quadratic.
            zone.hostnames = { status: 'loading', previous: { ...from, items, pagesLoaded: page, total: Math.max(from.total, items.length) } };
            if (items.length >= shown + Math.max(shown, hostnamePagesAtOnce * maxPerPage)) {
              shown = items.length;
              this.deps.onDidChange(accountKey);
            }
          },
        },
      );
      // Hostnames that fail the run-time checks are counted on the list, never silently dropped.
      const rejected = (from.rejected?.count ?? 0) + read.rejected;
      const list: HostnameList = {
        ...from,
        ...(rejected > 0 ? { rejected: { count: rejected, ...(reason === undefined ? {} : { reason }) } } : {}),
        items,
        pagesLoaded: read.lastPage,
        total: read.totalCount ?? items.length,
        // More pages only when this read stopped for its page budget ("Load more"), not at the end or a cut.
        totalPages: read.more ? Math.max(read.lastPage + 1, read.plannedPages ?? 0) : read.lastPage,
      };
      if (read.stopped !== undefined) {
        // Cut short: the hostnames read are kept and shown beside the reason; not a complete list, so no comparison.
        zone.hostnames = failLoading({ status: 'ready', value: list, at: this.deps.clock.now() }, toLoadError(read.stopped), this.deps.clock.now());
        this.deps.onDidChange(accountKey);
        return;
      }
      zone.hostnames = { status: 'ready', value: list, at: this.deps.clock.now() };
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'hostnames', ...(current === undefined ? {} : { before: current }), after: list });
    } catch (error) {
      if (signal.aborted) return;
      zone.hostnames = failLoading(zone.hostnames, toLoadError(error), this.deps.clock.now());
    }
    this.deps.onDidChange(accountKey);
  }

  /**
   * Reloads what has been loaded (accounts whose zones were listed, zones that were
   * expanded), cancelling a refresh still in flight. Unexpanded parts stay unloaded.
   * Zones on screen go first; zones the rate budget cannot afford now keep their data,
   * marked stale, and are first in line next time.
   */
  async refresh(accountKey?: string): Promise<void> {
    this.refreshController.abort();
    this.refreshController = fanOutController();
    const signal = this.refreshController.signal;
    const accounts = this.accounts().filter((state) => accountKey === undefined || state.profile.key === accountKey);
    await Promise.all(
      accounts.map(async (account) => {
        if (account.zones.status === 'idle') return;
        await this.loadZones(account.profile.key, signal);
        const key = account.profile.key;
        const loaded = [...account.zoneStates.values()].filter((zone) => zone.details.status !== 'idle');
        const onScreen = (zone: ZoneState): boolean => this.deps.isOnScreen?.(key, zone.zone.id) ?? false;
        const plan = planZoneRefresh(loaded, onScreen, this.deps.requestsAvailable?.(account.profile) ?? Infinity);
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
      if (valueOf(zone.details) !== undefined) zone.details = failLoading(zone.details, deferredLoadError, now);
    }
    this.deps.logger.debug(`Refresh of "${account.profile.label}": ${zones.length} zone(s) deferred to stay within the API rate budget`);
    this.deps.onDidChange(account.profile.key);
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
   * Puts a fresher copy of one object in place (after a write), without reloading its
   * zone: the rest of the tree keeps what it shows.
   */
  replaceObject(accountKey: string, zoneId: string, update: ObjectUpdate): void {
    const zone = this.zone(accountKey, zoneId);
    if (zone === undefined) return;
    if (!('hostname' in update)) {
      const details = valueOf(zone.details);
      if (details === undefined || zone.details.status === 'idle' || zone.details.status === 'loading') return;
      const after = withObject(details, update);
      // Stale details (a failed or deferred reload) take the fresher copy too: it is newer than what they show.
      zone.details = zone.details.status === 'ready' ? { ...zone.details, value: after } : { ...zone.details, previous: after };
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'details', before: details, after });
    } else {
      const list = valueOf(zone.hostnames);
      if (list === undefined || zone.hostnames.status !== 'ready') return;
      zone.hostnames = { ...zone.hostnames, value: { ...list, items: list.items.map((hostname) => (hostname.id === update.hostname.id ? update.hostname : hostname)) } };
      this.objectsLoaded({ account: accountKey, zone: zoneId, part: 'hostnames', before: list, after: zone.hostnames.value });
    }
    this.deps.onDidChange(accountKey);
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

  /** Reloads one zone (its certificate objects and the first hostname page). */
  async refreshZone(accountKey: string, zoneId: string): Promise<void> {
    await this.loadZone(accountKey, zoneId);
  }

  /** Forgets everything loaded, e.g. after the API base URL changed. */
  reset(): void {
    this.refreshController.abort();
    this.refreshController = fanOutController();
    this.states.clear();
    this.deps.onDidChange();
  }

  dispose(): void {
    this.refreshController.abort();
  }
}

/** The zone's details with one certificate object replaced; collections not loaded stay so. */
function withObject(details: ZoneDetails, update: Exclude<ObjectUpdate, { readonly hostname: CustomHostname }>): ZoneDetails {
  const swap = <T extends { readonly id: string }>(items: readonly T[], fresh: T): T[] => items.map((item) => (item.id === fresh.id ? fresh : item));
  if ('pack' in update) {
    return details.certificatePacks === undefined ? details : { ...details, certificatePacks: swap(details.certificatePacks, update.pack) };
  }
  if ('customCertificate' in update) {
    return details.customCertificates === undefined ? details : { ...details, customCertificates: swap(details.customCertificates, update.customCertificate) };
  }
  return details.clientCertificates === undefined ? details : { ...details, clientCertificates: swap(details.clientCertificates, update.clientCertificate) };
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
