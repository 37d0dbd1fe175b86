import type { AccountState, ZoneState } from './explorerState';
import { valueOf } from './loadable';

/** The zones whose objects are missing from the buckets, and why. */
export function zonesWithoutObjects(account: AccountState): { readonly notLoaded: ZoneState[]; readonly loading: ZoneState[]; readonly failed: ZoneState[] } {
  const notLoaded: ZoneState[] = [];
  const loading: ZoneState[] = [];
  const failed: ZoneState[] = [];
  for (const zone of account.zoneStates.values()) {
    if (valueOf(zone.details) !== undefined) continue;
    if (zone.details.status === 'idle') notLoaded.push(zone);
    else if (zone.details.status === 'failed') failed.push(zone);
    else loading.push(zone);
  }
  return { notLoaded, loading, failed };
}
