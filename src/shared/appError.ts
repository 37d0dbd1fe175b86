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
  }

  static is(value: unknown): value is AppError {
    return value instanceof AppError;
  }
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
