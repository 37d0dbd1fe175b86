import { type Api, type Listed } from './api';
import { listCertificatePacks } from './endpoints/certificatePacks';
import { listClientCertificates } from './endpoints/clientCertificates';
import { listCustomCertificates } from './endpoints/customCertificates';
import { getFallbackOrigin, listCustomHostnames } from './endpoints/customHostnames';
import { getSslMode } from './endpoints/zones';
import { CloudflareApiError } from './errors';
import { type InventoryCollection, type InventoryError, type ZoneCollection, type ZoneCollections } from './inventoryTypes';

export interface ZoneLoadOptions {
  /** Which collections to read; each is one call (lists: every page). */
  readonly collections: readonly ZoneCollection[];
  readonly signal: AbortSignal;
  /** What the last load of this zone gave: a collection whose call fails now keeps it, marked stale. */
  readonly previous?: Readonly<ZoneCollections>;
}

/** One zone's collections, each with what it has, and beside them every reason one is missing, incomplete or old. */
export interface ZoneLoad {
  readonly collections: ZoneCollections;
  readonly errors: InventoryError[];
}

/** What one collection's call ended with: data to show (maybe none) and errors beside it. */
interface Outcome<T> {
  readonly value: T | undefined;
  readonly errors: InventoryError[];
}

/**
 * Loads one zone's collections, all calls at once (the transport caps concurrency). The
 * one zone loader: `cfcerts inventory` and the explorer both read zones through it, so
 * both treat failures and bad data alike:
 * - a failed call never wipes data: the collection keeps its previous value (when there
 *   is one) with the error marked `stale`; without one it stays `undefined`;
 * - items that fail the run-time checks are left out and reported as one `bad_item`
 *   error with how many and why, never swallowed.
 * Only cancellation rejects (with `cancelled`); every other failure, the no-progress
 * deadline's included, is an error entry.
 */
export async function loadZoneCollections(api: Api, zoneId: string, options: ZoneLoadOptions): Promise<ZoneLoad> {
  const { signal, previous } = options;
  const wanted = new Set(options.collections);
  const skip = <T>(): Promise<Outcome<T>> => Promise.resolve({ value: undefined, errors: [] });
  const run = <K extends ZoneCollection>(collection: K, call: () => Promise<{ value: ZoneCollections[K]; errors: InventoryError[] }>): Promise<Outcome<ZoneCollections[K]>> =>
    wanted.has(collection) ? settle(collection, call, previous?.[collection], signal) : skip();
  const [sslMode, certificatePacks, customCertificates, customHostnames, clientCertificates, fallbackOrigin] = await Promise.all([
    run('sslMode', async () => ({ value: (await getSslMode(api, zoneId, signal)).value, errors: [] })),
    run('certificatePacks', () => listed('certificatePacks', () => listCertificatePacks(api, zoneId, signal))),
    run('customCertificates', () => listed('customCertificates', () => listCustomCertificates(api, zoneId, signal))),
    run('customHostnames', () => listed('customHostnames', () => listCustomHostnames(api, zoneId, {}, signal))),
    run('clientCertificates', () => listed('clientCertificates', () => listClientCertificates(api, zoneId, signal))),
    run('fallbackOrigin', async () => ({ value: (await getFallbackOrigin(api, zoneId, signal)) ?? null, errors: [] })),
  ]);
  if (signal.aborted && deadlineError(signal) === undefined) {
    throw new CloudflareApiError('cancelled', 'The zone load was cancelled', { cause: signal.reason });
  }
  const collections: ZoneCollections = {};
  // Absent (not `undefined`-valued) keys for what there is nothing of, so JSON output stays clean.
  if (sslMode.value !== undefined) collections.sslMode = sslMode.value;
  if (certificatePacks.value !== undefined) collections.certificatePacks = certificatePacks.value;
  if (customCertificates.value !== undefined) collections.customCertificates = customCertificates.value;
  if (customHostnames.value !== undefined) collections.customHostnames = customHostnames.value;
  if (clientCertificates.value !== undefined) collections.clientCertificates = clientCertificates.value;
  if (fallbackOrigin.value !== undefined) collections.fallbackOrigin = fallbackOrigin.value;
  const errors = [sslMode, certificatePacks, customCertificates, customHostnames, clientCertificates, fallbackOrigin].flatMap((outcome) => outcome.errors);
  return { collections, errors };
}

/**
 * The one place a zone's list is paged: the items that passed the checks, and a
 * `bad_item` error when some did not. Whatever else the pager reports about a list it
 * read (e.g. why it stopped early) belongs here too, as data kept plus an error.
 */
async function listed<T>(collection: ZoneCollection, list: () => Promise<Listed<T>>): Promise<{ value: readonly T[]; errors: InventoryError[] }> {
  const parsed = await list();
  const errors = parsed.rejected > 0 ? [badItems(collection, parsed.rejected, parsed.reason)] : [];
  // A listing the pager cut short keeps what it read, with why it stopped beside it.
  if (parsed.stopped !== undefined) errors.push(toInventoryError(collection, parsed.stopped));
  return { value: parsed.items, errors };
}

/** The error entry for items left out of a list because they failed the run-time checks. */
export function badItems(collection: InventoryCollection, rejected: number, reason: string | undefined): InventoryError {
  const items = rejected === 1 ? '1 item was' : `${rejected} items were`;
  return {
    collection,
    code: 'bad_item',
    rejected,
    message: `${items} left out: Cloudflare sent ${rejected === 1 ? 'it' : 'them'} in an unexpected shape${reason === undefined ? '' : ` (${reason})`}.`,
    cloudflareErrors: [],
  };
}

/**
 * Why the load was stopped when it was not cancelled: a run's no-progress deadline aborts
 * with its error, which then is the failure of every call still outstanding.
 */
function deadlineError(signal: AbortSignal): CloudflareApiError | undefined {
  const reason: unknown = signal.reason;
  return CloudflareApiError.is(reason) && reason.code !== 'cancelled' ? reason : undefined;
}

/** Runs one collection's call; a failure keeps the previous value, marked stale (cancellation is left to the caller). */
async function settle<T>(collection: ZoneCollection, call: () => Promise<{ value: T; errors: InventoryError[] }>, previous: T | undefined, signal: AbortSignal): Promise<Outcome<T>> {
  try {
    return await call();
  } catch (error) {
    const stopped = signal.aborted ? deadlineError(signal) : error;
    if (stopped === undefined) return { value: undefined, errors: [] };
    const failure = toInventoryError(collection, stopped);
    return previous === undefined ? { value: undefined, errors: [failure] } : { value: previous, errors: [{ ...failure, stale: true }] };
  }
}

export function toInventoryError(collection: InventoryCollection, error: unknown): InventoryError {
  if (CloudflareApiError.is(error)) {
    return {
      collection,
      code: error.code,
      message: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.permission === undefined ? {} : { permission: error.permission }),
      cloudflareErrors: error.cloudflareErrors,
    };
  }
  // A bug rather than weather; still kept local to its collection.
  return { collection, code: 'bad_response', message: error instanceof Error ? error.message : String(error), cloudflareErrors: [] };
}
