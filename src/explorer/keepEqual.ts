import type { ZoneDetails } from './explorerState';

/**
 * What a reload brought, with each object equal to the copy held replaced by that copy.
 * Most reloads (a poll of a zone's pending objects, the auto-refresh) find little new, and
 * readers tell a changed object by reference: the tree sends again only the rows whose
 * object changed, and VS Code forgets the rows below each one it is sent until it has
 * asked for them again (a click meanwhile reaches no command). So an object that did not
 * change keeps its identity, and a list in which none did is the list held.
 *
 * API objects are plain JSON read from one server, so equal JSON text is equal content.
 */
export function keepEqual<T extends { readonly id: string }>(held: readonly T[] | undefined, loaded: readonly T[]): readonly T[] {
  if (held === undefined || held.length === 0) return loaded;
  const byId = new Map(held.map((object) => [object.id, object]));
  const kept = loaded.map((object) => {
    const copy = byId.get(object.id);
    return copy !== undefined && sameJson(copy, object) ? copy : object;
  });
  return kept.length === held.length && kept.every((object, index) => object === held[index]) ? held : kept;
}

/** The copy held if it equals the one loaded (a zone, a fallback origin), else the one loaded. */
export function keepEqualOne<T>(held: T | undefined, loaded: T): T {
  return held !== undefined && sameJson(held, loaded) ? held : loaded;
}

/** A zone's reloaded collections, each object equal to the one held kept as it was. */
export function keepEqualDetails(held: ZoneDetails | undefined, loaded: ZoneDetails): ZoneDetails {
  if (held === undefined) return loaded;
  const { certificatePacks, customCertificates, clientCertificates, fallbackOrigin } = loaded;
  return {
    ...loaded,
    ...(certificatePacks === undefined ? {} : { certificatePacks: keepEqual(held.certificatePacks, certificatePacks) }),
    ...(customCertificates === undefined ? {} : { customCertificates: keepEqual(held.customCertificates, customCertificates) }),
    ...(clientCertificates === undefined ? {} : { clientCertificates: keepEqual(held.clientCertificates, clientCertificates) }),
    ...(fallbackOrigin === undefined ? {} : { fallbackOrigin: keepEqualOne(held.fallbackOrigin, fallbackOrigin) }),
  };
}

/** Whether two API objects hold the same data. */
export function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
