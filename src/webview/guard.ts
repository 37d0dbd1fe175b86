/**
 * Tiny run-time type guards for data that crosses the webview boundary. Messages arrive as
 * `unknown`; each side checks them against these before trusting a single field.
 */
export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString: Guard<string> = (value): value is string => typeof value === 'string';
export const isBoolean: Guard<boolean> = (value): value is boolean => typeof value === 'boolean';

export function isOneOf<const T extends string>(values: readonly T[]): Guard<T> {
  return (value): value is T => typeof value === 'string' && (values as readonly string[]).includes(value);
}

export function isArrayOf<T>(item: Guard<T>): Guard<readonly T[]> {
  return (value): value is readonly T[] => Array.isArray(value) && value.every((entry) => item(entry));
}

type Shape = Record<string, Guard<unknown>>;
type FromShape<S extends Shape> = { readonly [K in keyof S]: S[K] extends Guard<infer T> ? T : never };

/**
 * An object with these required fields and, optionally, these optional ones. Unknown
 * fields are allowed (and ignored): the renderer reads only what it knows.
 */
export function isObject<R extends Shape, O extends Shape = Record<never, never>>(required: R, optional?: O): Guard<FromShape<R> & Partial<FromShape<O>>> {
  return (value): value is FromShape<R> & Partial<FromShape<O>> => {
    if (!isRecord(value)) return false;
    for (const [key, guard] of Object.entries(required)) {
      if (!guard(value[key])) return false;
    }
    for (const [key, guard] of Object.entries(optional ?? {})) {
      if (value[key] !== undefined && !guard(value[key])) return false;
    }
    return true;
  };
}
