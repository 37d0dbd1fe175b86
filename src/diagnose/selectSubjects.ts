import type { CertificatePack, CustomHostname, Inventory, ZoneInventory } from '../cloudflare';
import { canonicalName } from './names';
import { hostnameSubject, packSubject, type Subject, type ZoneFacts } from './subject';

export interface Selection {
  /** HOST arguments: a custom hostname or a pack host (a wildcard matches by its literal name). */
  readonly hosts: readonly string[];
  /** `--zone`: every object of the zone that is not active. */
  readonly zoneNames: readonly string[];
  /** `--cname-target ZONE=NAME`, by canonical zone name. */
  readonly cnameTargets: ReadonlyMap<string, readonly string[]>;
}

export interface Selected {
  readonly subjects: Subject[];
  /** HOST arguments no object covers. */
  readonly hostsNotFound: string[];
}

/** Whether a zone-wide diagnosis looks at an object: the one rule for `--zone` and "Diagnose Zone". */
export const notActiveHostname = (hostname: CustomHostname): boolean => hostname.status !== 'active' || hostname.ssl?.status !== 'active';
export const notActivePack = (pack: CertificatePack): boolean => pack.status !== 'active';

/** The zone facts a diagnosis reads, from the zone, its fallback origin and the CNAME targets configured for it. */
export function zoneFacts(
  zone: { readonly id: string; readonly name: string; readonly type?: string | null },
  fallbackOrigin: { readonly origin?: string | null } | null | undefined,
  cnameTargets: ReadonlyMap<string, readonly string[]>,
): ZoneFacts {
  const origin = fallbackOrigin?.origin;
  return {
    id: zone.id,
    name: zone.name,
    type: zone.type ?? null,
    fallbackOrigin: typeof origin === 'string' && origin !== '' ? canonicalName(origin) : null,
    cnameTargets: cnameTargets.get(canonicalName(zone.name)) ?? [],
  };
}

function zoneFactsOf(zone: ZoneInventory, selection: Selection): ZoneFacts {
  return zoneFacts(zone.zone, zone.fallbackOrigin, selection.cnameTargets);
}

/**
 * The objects to diagnose: those HOST names, plus every object not active in each
 * `--zone`; with neither, every object not active in every zone. Each object once.
 */
export function selectSubjects(inventory: Inventory, selection: Selection): Selected {
  const wantedHosts = new Map(selection.hosts.map((host) => [canonicalName(host), host]));
  const wantedZones = new Set(selection.zoneNames.map(canonicalName));
  const everything = selection.hosts.length === 0 && selection.zoneNames.length === 0;
  const found = new Set<string>();
  const subjects: Subject[] = [];
  for (const zone of inventory.zones) {
    const facts = zoneFactsOf(zone, selection);
    const wholeZone = everything || wantedZones.has(canonicalName(zone.zone.name));
    for (const hostname of zone.customHostnames ?? []) {
      const name = canonicalName(hostname.hostname);
      const named = wantedHosts.has(name);
      if (named) found.add(name);
      if (named || (wholeZone && notActiveHostname(hostname))) subjects.push(hostnameSubject(hostname, facts));
    }
    for (const pack of zone.certificatePacks ?? []) {
      const names = (pack.hosts ?? []).map(canonicalName).filter((name) => wantedHosts.has(name));
      names.forEach((name) => found.add(name));
      if (names.length > 0 || (wholeZone && notActivePack(pack))) subjects.push(packSubject(pack, facts));
    }
  }
  return { subjects, hostsNotFound: [...wantedHosts].filter(([name]) => !found.has(name)).map(([, host]) => host) };
}
