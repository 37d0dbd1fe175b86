import type { Inventory, InventoryCollection, InventoryError, ZoneInventory } from '../cloudflare';
import type { HealthContext, ObjectHealth } from '../domain/objectHealth';
import { type Severity, type Stage } from '../domain/status';
import { judgedObjects } from './judgedObjects';

/** How close an object's certificate is to expiry, as the explorer judges it. */
export interface ExpiryJson {
  /** The expiry that matters (a pack's earliest certificate), ISO 8601. */
  readonly expires_on: string;
  /** Whole days left, rounded down; negative once expired. */
  readonly days_left: number;
  /** The expiry's own severity (thresholds for certificates you renew, renewal schedule for managed ones). */
  readonly severity: Severity;
}

/**
 * What `cfcerts inventory --json` adds to each Cloudflare object: the explorer's verdict.
 * `label` and `stage` come from its status; `severity` is its health, status and expiry
 * together (what the tree's icon shows); `expiry` is null when no expiry matters in its
 * current status.
 */
export interface AssessmentJson {
  readonly label: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly expiry: ExpiryJson | null;
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
  /** `bad_item`: how many items failed the run-time checks and were left out. */
  readonly rejected?: number;
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

/** The lists of a zone: JSON key, and where ZoneInventory keeps them. */
export const zoneCollections = [
  { key: 'certificate_packs', collection: 'certificatePacks' },
  { key: 'custom_certificates', collection: 'customCertificates' },
  { key: 'custom_hostnames', collection: 'customHostnames' },
  { key: 'client_certificates', collection: 'clientCertificates' },
] as const satisfies readonly { key: keyof ZoneJson; collection: InventoryCollection }[];

const collectionKeys: Readonly<Record<InventoryCollection, string>> = {
  zones: 'zones',
  sslMode: 'ssl_mode',
  certificatePacks: 'certificate_packs',
  customCertificates: 'custom_certificates',
  customHostnames: 'custom_hostnames',
  clientCertificates: 'client_certificates',
  fallbackOrigin: 'fallback_origin',
};

const collectionOrder = Object.keys(collectionKeys);

function assessmentJson(health: ObjectHealth): AssessmentJson {
  // For a custom hostname the catalog weighs `status` and `ssl.status` together.
  const { label, stage } = health.status;
  const { expiry } = health;
  return {
    label,
    stage,
    severity: health.severity,
    expiry: expiry === undefined ? null : { expires_on: new Date(expiry.expiresAt).toISOString(), days_left: expiry.daysLeft, severity: expiry.severity },
  };
}

export function errorJson(error: InventoryError): InventoryErrorJson {
  return {
    collection: collectionKeys[error.collection],
    code: error.code,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.permission === undefined ? {} : { permission: error.permission }),
    cloudflare_errors: error.cloudflareErrors.map(({ code, message }) => ({ code, message })),
    ...(error.rejected === undefined ? {} : { rejected: error.rejected }),
  };
}

/** Calls finish in any order; a stable order keeps output diffable between runs. */
export function sortedErrors(zone: ZoneInventory): InventoryError[] {
  return [...zone.errors].sort((a, b) => collectionOrder.indexOf(a.collection) - collectionOrder.indexOf(b.collection));
}

function zoneJson(zone: ZoneInventory, context: HealthContext): ZoneJson {
  const judged = new Map<object, AssessmentJson>(judgedObjects(zone, context).map(({ item, health }) => [item.object, assessmentJson(health)]));
  const assessed = <T extends object>(object: T): Assessed<T> => {
    const assessment = judged.get(object);
    if (assessment === undefined) throw new Error('An inventory object was not judged');
    return { ...object, assessment };
  };
  const json: { -readonly [K in keyof Omit<ZoneJson, 'errors'>]: ZoneJson[K] } = {
    id: zone.zone.id,
    name: zone.zone.name,
    status: zone.zone.status ?? null,
    assessment: assessed(zone.zone).assessment,
  };
  for (const { key, collection } of zoneCollections) {
    const items: readonly object[] | undefined = zone[collection];
    if (items !== undefined) {
      json[key] = items.map(assessed);
    }
  }
  if (zone.fallbackOrigin !== undefined) {
    json.fallback_origin = zone.fallbackOrigin === null ? null : assessed(zone.fallbackOrigin);
  }
  return { ...json, errors: sortedErrors(zone).map(errorJson) };
}

/** The `--json` document: Cloudflare's objects as sent, each with its assessment. */
export function toInventoryJson(inventory: Inventory, context: HealthContext): InventoryJson {
  return { zones: inventory.zones.map((zone) => zoneJson(zone, context)), errors: inventory.errors.map(errorJson) };
}
