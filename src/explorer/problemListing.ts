import type { CustomHostname } from '../cloudflare';
import type { ProblemHostnameList, ZoneState } from './explorerState';
import { idle, loadedAt, valueOf, type Loadable } from './loadable';
import type { ViewOptions } from './viewOptions';

/** The zone's problem listing, idle when it was never asked for. */
export function problemListingOf(zone: ZoneState): Loadable<ProblemHostnameList> {
  return zone.problemHostnames ?? idle;
}

/**
 * Whether the loaded hostname pages leave some of the zone's hostnames unread: more pages
 * exist and no hostname search narrows the list. Only then does the problem listing know
 * anything the pages do not; a complete list is the whole truth on its own.
 */
export function hostnamesPartial(zone: ZoneState): boolean {
  const list = valueOf(zone.hostnames);
  return list !== undefined && list.filter === undefined && list.pagesLoaded < list.totalPages;
}

/** Whether "Show Only Problems" needs the zone's problem listing: problems only, the zone loaded, its hostnames partial. */
export function needsProblemListing(zone: ZoneState, view: ViewOptions): boolean {
  return view.problemsOnly && valueOf(zone.details) !== undefined && hostnamesPartial(zone);
}

/** Whether the view should ask for the listing now: it needs one and none was asked for since the last refresh. */
export function wantsProblemListing(zone: ZoneState, view: ViewOptions): boolean {
  return needsProblemListing(zone, view) && problemListingOf(zone).status === 'idle';
}

/**
 * Every custom hostname the model knows of in the zone: the loaded pages, plus (while they
 * are partial) the hostnames of the problem listing that no loaded page holds, in name
 * order. A hostname in both is one hostname, drawn from the copy loaded last: the listing
 * when it finished after the pages' last load, the pages when they were (re)loaded after
 * it. (A single hostname read again, by a poll or a write, is put into both copies.)
 */
export function knownHostnames(zone: ZoneState): readonly CustomHostname[] {
  const loaded = valueOf(zone.hostnames)?.items ?? [];
  const listing = zone.problemHostnames === undefined || !hostnamesPartial(zone) ? undefined : valueOf(zone.problemHostnames);
  if (listing === undefined || listing.items.length === 0) return loaded;
  const listed = new Map(listing.items.map((item) => [item.id, item]));
  const listingNewer = (loadedAt(zone.problemHostnames ?? idle) ?? 0) > (loadedAt(zone.hostnames) ?? 0);
  const merged = loaded.map((item) => {
    const other = listed.get(item.id);
    listed.delete(item.id);
    return listingNewer && other !== undefined ? other : item;
  });
  if (listed.size === 0) return merged;
  return [...merged, ...listed.values()].sort((a, b) => (a.hostname < b.hostname ? -1 : a.hostname > b.hostname ? 1 : 0));
}

/** The known copy of one custom hostname, by the same rule as `knownHostnames`, without building the whole list. */
export function knownHostname(zone: ZoneState, id: string): CustomHostname | undefined {
  const loaded = valueOf(zone.hostnames)?.items.find((item) => item.id === id);
  const listing = zone.problemHostnames === undefined || !hostnamesPartial(zone) ? undefined : valueOf(zone.problemHostnames)?.items.find((item) => item.id === id);
  if (listing === undefined) return loaded;
  if (loaded === undefined) return listing;
  return (loadedAt(zone.problemHostnames ?? idle) ?? 0) > (loadedAt(zone.hostnames) ?? 0) ? listing : loaded;
}
