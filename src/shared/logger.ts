/**
 * The logging seam for code that must not know about VS Code. The extension adapts a
 * LogOutputChannel to it; the CLI writes to stderr; tests collect entries in memory.
 */
export interface Logger {
  trace(message: string, ...args: unknown[]): void;
  debug(message: string, ...args: unknown[]): void;
  info(message: string, ...args: unknown[]): void;
  warn(message: string, ...args: unknown[]): void;
  error(message: string | Error, ...args: unknown[]): void;
}

export const silentLogger: Logger = {
  trace: () => undefined,
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface LogEntry {
  readonly level: keyof Logger;
  readonly message: string;
  readonly args: readonly unknown[];
}

/** Keeps every entry, for tests that check what was (and was not) logged. */
export class MemoryLogger implements Logger {
  readonly entries: LogEntry[] = [];

  trace(message: string, ...args: unknown[]): void {
    this.entries.push({ level: 'trace', message, args });
  }
  debug(message: string, ...args: unknown[]): void {
    this.entries.push({ level: 'debug', message, args });
  }
  info(message: string, ...args: unknown[]): void {
    this.entries.push({ level: 'info', message, args });
  }
  warn(message: string, ...args: unknown[]): void {
    this.entries.push({ level: 'warn', message, args });
  }
  error(message: string | Error, ...args: unknown[]): void {
    this.entries.push({ level: 'error', message: message instanceof Error ? message.message : message, args });
  }

  /** Everything logged, as one string, for "does the secret appear anywhere" checks. */
  text(): string {
    return this.entries.map((entry) => `${entry.message} ${entry.args.map((arg) => JSON.stringify(arg) ?? String(arg)).join(' ')}`).join('\n');
  }
}
