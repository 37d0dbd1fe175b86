import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import type { GroupKind } from './nodes';
import { needsAction, type CertificateObject, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';
import { needsProblemListing, problemListingOf } from './problemListing';
import { problemGroups, statusGroupOf } from './statusGroups';
import { isFiltering, type ViewOptions } from './viewOptions';
import { allGroups, hostsOf } from './zoneObjects';

/** Decides, object by object, what a filtered view keeps. Built once per zone. */
export type ObjectPredicate = (item: CertificateObject) => boolean;

/** The health rule as the snapshot applies it (judged once per object). */
type Judge = (item: JudgedObject) => ObjectHealth;

/**
 * What the filter keeps of one zone. The text matches the names an object is known by
 * (a hostname, a pack's or certificate's hosts, a client certificate's common name),
 * case-insensitive; a zone whose own name matches keeps all its objects. "Problems only"
 * keeps the `problemGroups`, the same rule as the status groups and the badge.
 */
export function zoneObjectFilter(options: ViewOptions, zoneName: string, judge: Judge): ObjectPredicate {
  if (!isFiltering(options)) return () => true;
  const needle = options.text.toLowerCase();
  const wholeZone = zoneNameMatches(options, zoneName);
  return (item) => (wholeZone || objectNames(item).some((name) => name.toLowerCase().includes(needle))) && (!options.problemsOnly || problemGroups.includes(statusGroupOf(judge(item))));
}

/** Whether the text filter keeps the whole zone (no text, or the zone's name matches). */
export function zoneNameMatches(options: ViewOptions, zoneName: string): boolean {
  return options.text === '' || zoneName.toLowerCase().includes(options.text.toLowerCase());
}

/** The zone is shown exactly as without a filter: its name matches and problems are not asked for. */
export function showsWholeZone(options: ViewOptions, zoneName: string): boolean {
  return !isFiltering(options) || (!options.problemsOnly && zoneNameMatches(options, zoneName));
}

/** The names an object is found by: its hosts, or a client certificate's common name. */
export function objectNames(item: CertificateObject): readonly string[] {
  if (item.kind !== 'clientCertificate') return hostsOf(item);
  return item.object.common_name ? [item.object.common_name] : [];
}

/**
 * Whether a filtered view keeps a zone: it has an object the filter keeps, or its name
 * matches and either no problems are asked for or it has a problem of its own (a failed
 * load, a fallback origin in trouble). A zone not loaded yet stays, since nobody knows;
 * expanding it loads it. So does a zone whose hostname pages are partial while its
 * problem listing is not in: the pages read so far prove nothing about the rest.
 */
export function zoneShows(zone: ZoneState, options: ViewOptions, judge: Judge, kept: Readonly<Record<GroupKind, readonly CertificateObject[]>>): boolean {
  const name = zone.zone.name;
  if (showsWholeZone(options, name)) return true;
  const details = valueOf(zone.details);
  if (details === undefined || problemsPending(zone, options)) return true;
  if (allGroups.some((group) => kept[group].length > 0)) return true;
  return zoneNameMatches(options, name) && (zone.details.status === 'failed' || details.errors.length > 0 || zone.hostnames.status === 'failed' || fallbackOriginShows(zone, options, judge));
}

/** Whether a filtered zone keeps one of its groups: it has a kept object, or (problems only) its load failed or its problem listing is not in. */
export function groupShows(zone: ZoneState, group: GroupKind, kept: readonly CertificateObject[], options: ViewOptions): boolean {
  if (kept.length > 0 || (group === 'customHostnames' && problemsPending(zone, options))) return true;
  if (!options.problemsOnly || !zoneNameMatches(options, zone.zone.name)) return false;
  if (group === 'customHostnames') return zone.hostnames.status === 'failed';
  const collection = group === 'edgeCertificates' ? 'certificatePacks' : group;
  return valueOf(zone.details)?.errors.some((error) => error.collection === collection) ?? false;
}

/** Problems are asked for, the hostname pages are partial, and the listing of the rest is not in (not asked yet, under way or failed). */
export function problemsPending(zone: ZoneState, options: ViewOptions): boolean {
  return needsProblemListing(zone, options) && problemListingOf(zone).status !== 'ready';
}

/** The fallback origin row stays unless the filter rules it out (it is not a certificate: only its zone's name and its status count). */
export function fallbackOriginShows(zone: ZoneState, options: ViewOptions, judge: Judge): boolean {
  const origin = valueOf(zone.details)?.fallbackOrigin;
  if (!origin || !zoneNameMatches(options, zone.zone.name)) return false;
  return !options.problemsOnly || needsAction(judge({ kind: 'fallbackOrigin', object: origin }).severity);
}

/** The row a filter that hides everything shows instead: "No certificates match 'foo'". */
export function noMatchText(options: ViewOptions): string {
  if (options.text === '') return 'No problems: nothing needs action';
  return options.problemsOnly ? `No problems match '${options.text}'` : `No certificates match '${options.text}'`;
}
