/**
 * The base of every error the project raises on purpose. `code` is stable and is what
 * callers match on (never the message text); user-facing wording is chosen in one place
 * at the edge (src/commands/userMessage.ts, src/cli/exit.ts).
 */
export class AppError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    brand(this, 'AppError');
  }

  /** True for an AppError thrown by any bundle (see `brand`). */
  static is(value: unknown): value is AppError {
    return hasBrand(value, 'AppError');
  }
}

/**
 * Where an error keeps the names of the classes it belongs to. Code loaded on first use
 * lives in bundles of its own (src/shared/lazy.ts), each with its own copy of these
 * classes, so `instanceof` misses an error thrown in another bundle; a brand under a
 * `Symbol.for` key is the same in every copy.
 */
const brandsKey = Symbol.for('cfcerts.errorBrands');

interface Branded {
  [brandsKey]?: string[];
}

/** Marks `error` as one of class `name`; a subclass's constructor calls it with its own name. */
export function brand(error: Error, name: string): void {
  const branded = error as Branded;
  if (branded[brandsKey] === undefined) Object.defineProperty(branded, brandsKey, { value: [], enumerable: false });
  branded[brandsKey]?.push(name);
}

/** True when `value` was marked with `brand(…, name)`, whichever bundle threw it. */
export function hasBrand(value: unknown, name: string): boolean {
  return value instanceof Error && ((value as Branded)[brandsKey]?.includes(name) ?? false);
}

/** The error a dismissed prompt or picker ends a command with; runCommand stays quiet on it. */
export function dismissed(): AppError<'cancelled'> {
  return new AppError('cancelled', 'Cancelled');
}

/** True for the errors an AbortSignal or a dismissed prompt produce: these stay silent. */
export function isCancellation(error: unknown): boolean {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'CancellationError')) {
    return true;
  }
  return AppError.is(error) && error.code === 'cancelled';
}
