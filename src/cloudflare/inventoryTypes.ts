import { type Clock } from '../shared/clock';
import { type CloudflareErrorCode, type CloudflareMessage } from './errors';
import { type CertificatePack, type ClientCertificate, type CustomCertificate, type CustomHostname, type FallbackOrigin, type Zone } from './types';

/** The parts of a zone one load reads (`sslMode` only for the explorer). */
export type ZoneCollection = 'sslMode' | 'certificatePacks' | 'customCertificates' | 'customHostnames' | 'clientCertificates' | 'fallbackOrigin';

export type InventoryCollection = 'zones' | ZoneCollection;

/**
 * A call's own failure code, or `bad_item`: the call worked but some items failed the
 * run-time checks and were left out (`rejected` says how many).
 */
export type InventoryErrorCode = CloudflareErrorCode | 'bad_item';

/**
 * Why one collection (or the zone listing) is missing, incomplete or old. Plain data: safe
 * to serialise. A collection error never wipes data: the collection keeps what it has
 * (the items that passed, or with `stale`, what the previous load gave) beside its error.
 */
export interface InventoryError {
  readonly collection: InventoryCollection;
  readonly code: InventoryErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly permission?: string;
  readonly cloudflareErrors: readonly CloudflareMessage[];
  /** `bad_item`: how many items were left out. */
  readonly rejected?: number;
  /** The collection shows the previous load's data, since this load of it failed. */
  readonly stale?: boolean;
}

/**
 * The collections of one zone. A collection is `undefined` when its call failed and there
 * was nothing to keep (the reason is in the errors beside it); `fallbackOrigin` is `null`
 * when none is configured. A collection can also be present *and* have an error: `bad_item`
 * (malformed items were left out) or a `stale` failure (the previous load's items).
 */
export interface ZoneCollections {
  sslMode?: string;
  certificatePacks?: readonly CertificatePack[];
  customCertificates?: readonly CustomCertificate[];
  customHostnames?: readonly CustomHostname[];
  clientCertificates?: readonly ClientCertificate[];
  fallbackOrigin?: FallbackOrigin | null;
}

/** A zone and its certificate objects, as `cfcerts inventory` gathers them. */
export interface ZoneInventory extends ZoneCollections {
  readonly zone: Zone;
  readonly errors: InventoryError[];
}

export interface Inventory {
  readonly accountId?: string;
  /** In the order Cloudflare listed them (or the order of the names asked for). */
  readonly zones: ZoneInventory[];
  /** Errors not tied to one zone: the zone listing failed, or a zone name was not found. */
  readonly errors: InventoryError[];
  /** True when no call failed anywhere. */
  readonly complete: boolean;
  /** HTTP requests this inventory sent, retries included. */
  readonly requests: number;
}

export interface InventoryProgress {
  readonly done: number;
  /** Zones known so far; final once the zone listing has said how many there are. */
  readonly total: number;
  /** The zone that just finished, when one did. */
  readonly zone?: Zone;
}

export interface InventoryOptions {
  readonly accountId?: string;
  /** Only these zones (exact names); otherwise every zone of the account or token. */
  readonly zoneNames?: readonly string[];
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: InventoryProgress) => void;
  /**
   * End the run, keeping what was gathered, once nothing new has arrived for this long
   * (waiting for the rate budget counts as progress). Default: no deadline.
   */
  readonly noProgressMs?: number;
  /** Times the deadline: the client's clock. */
  readonly clock?: Clock;
  /** Called while the run waits for the rate budget, with the requests waiting. */
  readonly onPacing?: (waiting: number) => void;
}
