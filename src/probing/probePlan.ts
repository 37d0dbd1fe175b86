import { normalizeHost } from '../probe/normalizeTarget';
import { AppError } from '../shared/appError';
import { OBJECT_KIND_LABELS } from '../domain/status';
import { hostsLabel, packTypeLabel } from '../domain/labels';
import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import { hostsOf } from '../explorer/zoneObjects';
import { expectedCertificates, type ExpectedCertificate } from './expectedCertificates';
import { rankCandidates } from './servingPriority';
import type { CatalogEntry, ZoneCatalog } from './zoneCatalog';

/** One name to probe, and what the API says should be served for it. */
export interface PlannedProbe {
  readonly servername: string;
  readonly connect?: string;
  /** Where `connect` comes from, in words: "the fallback origin", "a CNAME target". */
  readonly connectLabel?: string;
  /** The object the result is recorded under and judged against. */
  readonly ref?: ObjectRef;
  /** That object in words ("Advanced pack"), for the matrix. */
  readonly objectLabel?: string;
  readonly expected: readonly ExpectedCertificate[];
}

/** What a probe run was asked to probe: "Probe Again" plans it anew from fresh API data. */
export type ProbeSource =
  | { readonly kind: 'hostname'; readonly servername: string; readonly connect?: string }
  | { readonly kind: 'object'; readonly ref: ObjectRef; readonly host?: string; readonly connect?: string; readonly connectLabel?: string }
  | { readonly kind: 'zone'; readonly account: string; readonly zone: string };

export interface ProbePlan {
  readonly title: string;
  readonly source: ProbeSource;
  /** The object "Show Details" opens. */
  readonly ref?: ObjectRef;
  readonly probes: readonly PlannedProbe[];
  /** Wildcard names: a probe needs a real name under them. */
  readonly skipped: readonly string[];
}

/** "Advanced pack", "Custom hostname": a pack by its type, anything else by its kind. */
export function objectLabel(item: CertificateObject): string {
  return item.kind === 'certificatePack' ? `${packTypeLabel(item.object.type)} pack` : OBJECT_KIND_LABELS[item.kind];
}

const isWildcard = (host: string): boolean => host.startsWith('*');

function planned(servername: string, entry: CatalogEntry | undefined, connect?: { readonly connect?: string; readonly connectLabel?: string }): PlannedProbe {
  return {
    servername,
    ...(connect?.connect === undefined ? {} : { connect: connect.connect, ...(connect.connectLabel === undefined ? {} : { connectLabel: connect.connectLabel }) }),
    ...(entry === undefined ? {} : { ref: entry.ref, objectLabel: objectLabel(entry.item) }),
    expected: entry === undefined ? [] : expectedCertificates(entry.item),
  };
}

/** One object's names (or one of them), each judged against that object's certificates. */
export function planObject(catalog: ZoneCatalog, source: Extract<ProbeSource, { kind: 'object' }>): ProbePlan {
  const entry = catalog.entries.find((candidate) => candidate.ref.kind === source.ref.kind && candidate.ref.id === source.ref.id);
  if (entry === undefined) throw new AppError('not_loaded', 'That object is not loaded (any more): refresh the Cloudflare Certificates view and try again.');
  if (entry.item.kind === 'clientCertificate') {
    throw new AppError('not_served', 'Client certificates are presented by visitors to the edge, not served by it: there is nothing to probe.');
  }
  const hosts = source.host === undefined ? hostsOf(entry.item) : [source.host];
  const names = hosts.filter((host) => !isWildcard(host));
  const skipped = hosts.filter(isWildcard);
  if (names.length === 0) {
    throw new AppError('nothing_to_probe', `${skipped.join(', ') || 'This object'} names no single host: use "Probe Hostname…" with a name under it.`);
  }
  const title =
    source.host !== undefined || entry.item.kind === 'customHostname'
      ? `Probe ${names[0] ?? ''}`
      : `Probe ${objectLabel(entry.item).replace(/^\w/, (first) => first.toLowerCase())} ${hostsLabel(hosts, catalog.zoneName) ?? entry.ref.id}`;
  return { title, source, ref: entry.ref, probes: names.map((name) => planned(name, entry, source)), skipped };
}

/** Every name of a zone's loaded objects once, each judged against the object the edge should serve for it. */
export function planZone(catalog: ZoneCatalog, source: Extract<ProbeSource, { kind: 'zone' }>): ProbePlan {
  const names = new Map<string, string>();
  const skipped = new Set<string>();
  for (const entry of catalog.entries) {
    for (const host of hostsOf(entry.item)) {
      if (isWildcard(host)) skipped.add(host);
      else if (!names.has(host.toLowerCase())) names.set(host.toLowerCase(), host);
    }
  }
  const probes = [...names.values()].map((name) => planned(name, rankCandidates(catalog.entries, name)[0]));
  return { title: `Probe all in ${catalog.zoneName}`, source, probes, skipped: [...skipped] };
}

/**
 * A name typed by hand: when a loaded object covers it, the result is judged against the
 * one the edge should serve and recorded under it, as if probed from the tree.
 */
export function planHostname(catalogs: readonly ZoneCatalog[], source: Extract<ProbeSource, { kind: 'hostname' }>): ProbePlan {
  const ascii = normalizeHost(source.servername, 'host').host;
  const best = rankCandidates(
    catalogs.flatMap((catalog) => catalog.entries),
    ascii,
  )[0];
  const connect = source.connect === undefined ? undefined : { connect: source.connect };
  return { title: `Probe ${source.servername}`, source, ...(best === undefined ? {} : { ref: best.ref }), probes: [planned(source.servername, best, connect)], skipped: [] };
}
