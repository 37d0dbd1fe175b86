import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../logger';
import { loadFileLock } from './load';

/** What a stored document turned out to be when read. */
export type ReadOutcome = { readonly kind: 'value'; readonly value: unknown } | { readonly kind: 'missing' } | { readonly kind: 'corrupt' };

/**
 * A JSON document shared by every process on the machine. Reads need no lock (writes
 * rename a whole file into place); a change is a read, merge and write under the file's
 * lock, so two windows each add to the document instead of the last writer winning.
 * A document that is not JSON is moved aside, kept, and named in the log, never
 * overwritten; a write that fails removes its temporary file.
 */
export class LockedJsonFile {
  constructor(
    readonly file: string,
    private readonly logger: Logger,
  ) {}

  /** The stored value, or undefined when there is none or it cannot be read (logged). */
  readSync(): unknown {
    let outcome: ReadOutcome;
    try {
      outcome = this.parse(() => fs.readFileSync(this.file, 'utf8'));
    } catch (error) {
      this.logger.warn(`Reading ${this.name} failed; starting empty`, error);
      return undefined;
    }
    if (outcome.kind === 'corrupt') this.logger.warn(`${this.name} is not valid JSON; starting empty (the file is moved aside at the next save)`);
    return outcome.kind === 'value' ? outcome.value : undefined;
  }

  /**
   * Under the lock: reads what is stored now (undefined when missing, or corrupt and
   * moved aside), writes what `merge` makes of it, and returns that. Rejects, with the
   * stored document untouched, when the disk fails.
   */
  async update(merge: (stored: unknown) => unknown): Promise<unknown> {
    return loadFileLock().withFileLock(this.file, this.logger, async () => {
      const outcome = this.parse(() => fs.readFileSync(this.file, 'utf8'));
      if (outcome.kind === 'corrupt') await this.moveAside();
      const next = merge(outcome.kind === 'value' ? outcome.value : undefined);
      await this.write(next);
      return next;
    });
  }

  private get name(): string {
    return path.basename(this.file);
  }

  /** Only a document that is there and not JSON is corrupt; a read error is thrown, so nothing is overwritten blind. */
  private parse(read: () => string): ReadOutcome {
    let text: string;
    try {
      text = read();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      throw error;
    }
    try {
      return { kind: 'value', value: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'corrupt' };
    }
  }

  private async moveAside(): Promise<void> {
    const aside = `${this.file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await fs.promises.rename(this.file, aside);
    this.logger.warn(`${this.name} was not valid JSON: moved aside to ${aside}; starting empty`);
  }

  /** To a temporary file renamed into place, so a crash mid-write leaves the previous document whole. */
  private async write(value: unknown): Promise<void> {
    // Named per process: under the lock no other writer of this process or another uses it.
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.writeFile(temporary, JSON.stringify(value), 'utf8');
      await fs.promises.rename(temporary, this.file);
    } catch (error) {
      // A full disk leaves a partial file: it must not pile up in global storage.
      await fs.promises.rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    }
  }
}
