/**
 * Tiny run-time checks for API payloads. They only *look*: a payload that passes is used
 * as is, so Cloudflare's own field names, unknown fields and unknown values all survive
 * into the inventory's JSON. Only fields the model types declare are checked, and every
 * one of them except identifiers may be missing.
 */
export type Check = (value: unknown) => boolean;

export const isString: Check = (value) => typeof value === 'string';
export const isNumber: Check = (value) => typeof value === 'number' && Number.isFinite(value);
export const isBoolean: Check = (value) => typeof value === 'boolean';

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function optional(check: Check): Check {
  return (value) => value === undefined || check(value);
}

/** Optional, and `null` is accepted too (Cloudflare sends `null` for "none"). */
export function maybe(check: Check): Check {
  return (value) => value === undefined || value === null || check(value);
}

export function arrayOf(check: Check): Check {
  return (value) => Array.isArray(value) && value.every(check);
}

export function oneOf(...checks: Check[]): Check {
  return (value) => checks.some((check) => check(value));
}

/** One check per declared field; the mapped type makes a field without a check a compile error. */
export type Shape<T> = { readonly [K in keyof T]-?: Check };

export function shape<T>(fields: Shape<T>): Check {
  const entries = Object.entries<Check>(fields);
  return (value) => {
    if (!isObject(value)) {
      return false;
    }
    for (const [key, check] of entries) {
      if (!check(value[key])) {
        return false;
      }
    }
    return true;
  };
}

/** Names the first field a value fails on, for the warning when an item is left out. */
export function firstBadField<T>(fields: Shape<T>, value: unknown): string {
  if (!isObject(value)) {
    return value === null ? 'null instead of an object' : `${Array.isArray(value) ? 'array' : typeof value} instead of an object`;
  }
  for (const [key, check] of Object.entries<Check>(fields)) {
    if (!check(value[key])) {
      return value[key] === undefined ? `missing "${key}"` : `unexpected type for "${key}"`;
    }
  }
  return 'unknown problem';
}

export const strings = arrayOf(isString);
