import type { Inventory, InventoryCollection, InventoryError, ZoneInventory } from '../cloudflare';
import { assess, type ObjectKind, type Severity, type Stage } from '../core/status';

/** What `cfcerts inventory --json` adds to each Cloudflare object: the catalog's verdict. */
export interface AssessmentJson {
  readonly label: string;
  readonly stage: Stage;
  readonly severity: Severity;
}

/** A Cloudflare object, its own fields untouched, plus `assessment`. */
export type Assessed<T> = T & { readonly assessment: AssessmentJson };

export interface InventoryErrorJson {
  /** The JSON key of the collection that failed (`zones` for the zone listing). */
  readonly collection: string;
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly permission?: string;
  readonly cloudflare_errors: readonly { readonly code: number; readonly message: string }[];
}

/**
 * One zone. A collection whose call failed is absent (its reason is in `errors`);
 * `fallback_origin` is `null` when none is configured.
 */
export interface ZoneJson {
  readonly id: string;
  readonly name: string;
  readonly status: string | null;
  readonly assessment: AssessmentJson;
  readonly certificate_packs?: readonly Assessed<object>[];
  readonly custom_certificates?: readonly Assessed<object>[];
  readonly custom_hostnames?: readonly Assessed<object>[];
  readonly client_certificates?: readonly Assessed<object>[];
  readonly fallback_origin?: Assessed<object> | null;
  readonly errors: readonly InventoryErrorJson[];
}

export interface InventoryJson {
  readonly zones: readonly ZoneJson[];
  /** Failures not tied to one zone: the zone listing, or a `--zone` name not found. */
  readonly errors: readonly InventoryErrorJson[];
}

/** The collections of a zone: JSON key, catalog kind, and where ZoneInventory keeps them. */
export const zoneCollections = [
  { key: 'certificate_packs', kind: 'certificatePack', collection: 'certificatePacks' },
  { key: 'custom_certificates', kind: 'customCertificate', collection: 'customCertificates' },
  { key: 'custom_hostnames', kind: 'customHostname', collection: 'customHostnames' },
  { key: 'client_certificates', kind: 'clientCertificate', collection: 'clientCertificates' },
] as const satisfies readonly { key: keyof ZoneJson; kind: ObjectKind; collection: InventoryCollection }[];

const collectionKeys: Readonly<Record<InventoryCollection, string>> = {
  zones: 'zones',
  certificatePacks: 'certificate_packs',
  customCertificates: 'custom_certificates',
  customHostnames: 'custom_hostnames',
  clientCertificates: 'client_certificates',
  fallbackOrigin: 'fallback_origin',
};

const collectionOrder = Object.keys(collectionKeys);

function assessed<T extends object>(kind: ObjectKind, object: T): Assessed<T> {
  // For a custom hostname the catalog weighs `status` and `ssl.status` together.
  const { label, stage, severity } = assess(kind, object);
  return { ...object, assessment: { label, stage, severity } };
}

export function errorJson(error: InventoryError): InventoryErrorJson {
  return {
    collection: collectionKeys[error.collection],
    code: error.code,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.permission === undefined ? {} : { permission: error.permission }),
    cloudflare_errors: error.cloudflareErrors.map(({ code, message }) => ({ code, message })),
  };
}

function zoneJson(zone: ZoneInventory): ZoneJson {
  const json: { -readonly [K in keyof Omit<ZoneJson, 'errors'>]: ZoneJson[K] } = {
    id: zone.zone.id,
    name: zone.zone.name,
    status: zone.zone.status ?? null,
    assessment: assessed('zone', zone.zone).assessment,
  };
  for (const { key, kind, collection } of zoneCollections) {
    const items: readonly object[] | undefined = zone[collection];
    if (items !== undefined) {
      json[key] = items.map((item) => assessed(kind, item));
    }
  }
  if (zone.fallbackOrigin !== undefined) {
    json.fallback_origin = zone.fallbackOrigin === null ? null : assessed('fallbackOrigin', zone.fallbackOrigin);
  }
  // Calls finish in any order; a stable order keeps output diffable between runs.
  const errors = [...zone.errors].sort((a, b) => collectionOrder.indexOf(a.collection) - collectionOrder.indexOf(b.collection));
  return { ...json, errors: errors.map(errorJson) };
}

/** The `--json` document: Cloudflare's objects as sent, each with its assessment. */
export function toInventoryJson(inventory: Inventory): InventoryJson {
  return { zones: inventory.zones.map(zoneJson), errors: inventory.errors.map(errorJson) };
}

/** Every assessed object of a zone (the zone itself first), for counting and listing. */
export function* assessedObjects(zone: ZoneJson): Generator<{ readonly kind: ObjectKind; readonly object: Assessed<object> }> {
  yield { kind: 'zone', object: zone };
  for (const { key, kind } of zoneCollections) {
    for (const object of zone[key] ?? []) {
      yield { kind, object };
    }
  }
  if (zone.fallback_origin !== undefined && zone.fallback_origin !== null) {
    yield { kind: 'fallbackOrigin', object: zone.fallback_origin };
  }
}

/** Whether an object needs someone's attention (what makes the exit code 1). */
export function needsAttention(severity: Severity): boolean {
  return severity === 'warning' || severity === 'error';
}
