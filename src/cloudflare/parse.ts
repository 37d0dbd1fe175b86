import { type Logger } from '../shared/logger';
import { CloudflareApiError } from './errors';
import { firstBadField, type Shape, shape } from './guards';

/** A list after checking: the items that passed, how many were left out, and why the first was. */
export interface Parsed<T> {
  readonly items: T[];
  readonly rejected: number;
  /** The first rejected item's bad field, e.g. "status: expected a string"; set when `rejected > 0`. */
  readonly reason?: string;
}

// Compiled checks are cached per shape object, so a shape is turned into a function once.
const compiled = new WeakMap<object, (value: unknown) => boolean>();

function checkerFor<T>(fields: Shape<T>): (value: unknown) => boolean {
  let check = compiled.get(fields);
  if (check === undefined) {
    check = shape(fields);
    compiled.set(fields, check);
  }
  return check;
}

/**
 * Checks a list result. A malformed item is left out and logged (never the whole list);
 * a result that is not an array at all is a `bad_response`.
 */
export function parseList<T>(result: unknown, fields: Shape<T>, what: string, logger: Logger): Parsed<T> {
  // A successful envelope with `result: null` means "nothing here".
  if (result === null) {
    return { items: [], rejected: 0 };
  }
  if (!Array.isArray(result)) {
    throw new CloudflareApiError('bad_response', `Cloudflare sent ${what} that is not a list`);
  }
  const check = checkerFor(fields);
  // Fast path: everything passes, the array is used as is.
  if (result.every(check)) {
    return { items: result as T[], rejected: 0 };
  }
  const items: T[] = [];
  let reason: string | undefined;
  for (const item of result) {
    if (check(item)) {
      items.push(item as T);
    } else {
      const bad = firstBadField(fields, item);
      reason ??= bad;
      logger.warn(`Cloudflare: left out one of ${what}: ${bad}`);
    }
  }
  return { items, rejected: result.length - items.length, ...(reason === undefined ? {} : { reason }) };
}

/** Checks a single-object result; a malformed one is a `bad_response`. */
export function parseOne<T>(result: unknown, fields: Shape<T>, what: string): T {
  if (!checkerFor(fields)(result)) {
    throw new CloudflareApiError('bad_response', `Cloudflare sent ${what} in an unexpected shape: ${firstBadField(fields, result)}`);
  }
  return result as T;
}
