import { type Clock } from '../core/clock';
import { type CloudflareErrorCode, type CloudflareMessage } from './errors';
import { type CertificatePack, type ClientCertificate, type CustomCertificate, type CustomHostname, type FallbackOrigin, type Zone } from './types';

export type InventoryCollection = 'zones' | 'certificatePacks' | 'customCertificates' | 'customHostnames' | 'clientCertificates' | 'fallbackOrigin';

/** Why one collection (or the zone listing) is missing or incomplete. Plain data: safe to serialise. */
export interface InventoryError {
  readonly collection: InventoryCollection;
  readonly code: CloudflareErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly permission?: string;
  readonly cloudflareErrors: readonly CloudflareMessage[];
}

/**
 * A zone and its certificate objects. A collection is `undefined` when its call failed
 * (the reason is in `errors`); `fallbackOrigin` is `null` when none is configured. A
 * collection can also be present *and* have a `bad_response` error: malformed items were
 * left out of it.
 */
export interface ZoneInventory {
  readonly zone: Zone;
  certificatePacks?: CertificatePack[];
  customCertificates?: CustomCertificate[];
  customHostnames?: CustomHostname[];
  clientCertificates?: ClientCertificate[];
  fallbackOrigin?: FallbackOrigin | null;
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
