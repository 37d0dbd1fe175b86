import type { ZoneState } from './explorerState';
import { isStale, valueOf } from './loadable';
import type { GroupKind } from './nodes';
import { hostnamesPartial, problemListingOf } from './problemListing';
import { allGroups } from './zoneObjects';

const collectionOf = {
  edgeCertificates: 'certificatePacks',
  customCertificates: 'customCertificates',
  clientCertificates: 'clientCertificates',
  customHostnames: 'customHostnames',
} as const satisfies Record<GroupKind, string>;

/**
 * Whether a group shows data from an earlier load because the last one failed: the whole
 * zone's reload failed (or was deferred), or just this collection's call did. Counts built
 * on such data say "stale", so an outage never reads as an all-clear.
 */
export function groupIsStale(zone: ZoneState, group: GroupKind): boolean {
  if (group === 'customHostnames') return isStale(zone.hostnames) || (hostnamesPartial(zone) && isStale(problemListingOf(zone)));
  if (isStale(zone.details)) return true;
  return valueOf(zone.details)?.errors.some((error) => error.stale === true && error.collection === collectionOf[group]) ?? false;
}

/** Whether anything the zone shows (and counts) is from an earlier load. */
export function zoneIsStale(zone: ZoneState): boolean {
  return allGroups.some((group) => groupIsStale(zone, group));
}
