import type { ZoneState } from './explorerState';
import { loadedAt, type LoadError } from './loadable';

/**
 * The requests one zone reload costs: SSL mode, certificate packs, custom certificates,
 * client certificates, fallback origin and the first page of custom hostnames. Big
 * collections page, so this is a floor; the budget paces whatever is spent above it.
 */
export const zoneLoadRequests = 6;

export interface ZoneRefreshPlan {
  /** Zones to reload now, in order: those on screen first, then the stalest. */
  readonly load: readonly ZoneState[];
  /** Zones the rate budget cannot afford now: they keep their data, marked stale. */
  readonly deferred: readonly ZoneState[];
}

/** Why a deferred zone shows as stale; it is not a failure, and the next refresh loads it. */
export const deferredLoadError: LoadError = {
  code: 'deferred',
  message: 'Not refreshed yet: the API rate budget is spent for now. It refreshes on the next window.',
};

/**
 * Orders a refresh's zone reloads and cuts it to what the account's rate budget affords.
 * What is on screen always loads (the user is looking at it, and the budget paces it
 * anyway); the rest load stalest first, so zones deferred now are first in line next time.
 */
export function planZoneRefresh(zones: readonly ZoneState[], isOnScreen: (zone: ZoneState) => boolean, requestsAvailable: number): ZoneRefreshPlan {
  const onScreen = zones.filter(isOnScreen);
  // Sorting is stable: zones loaded at the same time keep the account's order.
  const rest = zones.filter((zone) => !isOnScreen(zone)).sort((a, b) => (loadedAt(a.details) ?? 0) - (loadedAt(b.details) ?? 0));
  const affordable = Math.max(0, Math.floor(requestsAvailable / zoneLoadRequests) - onScreen.length);
  return { load: [...onScreen, ...rest.slice(0, affordable)], deferred: rest.slice(affordable) };
}
