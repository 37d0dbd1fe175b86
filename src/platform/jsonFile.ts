import * as path from 'node:path';
import type { Logger } from '../shared/logger';
import { LockedJsonFile } from '../shared/storage/lockedJsonFile';

/**
 * A JSON document in the extension's global storage folder, for state that changes often
 * or grows large. globalState is the wrong home for such state: VS Code holds the
 * extension's whole globalState as one value and writes it back whole, so frequent
 * writes of one key can revert a concurrent write of another (microsoft/vscode#137132),
 * e.g. an account just removed.
 *
 * Every window of VS Code shares the folder, so each save merges with what is stored
 * (see LockedJsonFile): the caller says how, given the stored value.
 */
export class JsonFile {
  private readonly document: LockedJsonFile;
  /** One change at a time in this process; the file lock orders them between processes. */
  private chain: Promise<unknown> = Promise.resolve();
  private queued = false;
  private latest: ((stored: unknown) => unknown) | undefined;

  constructor(file: string, private readonly logger: Logger) {
    this.document = new LockedJsonFile(file, logger);
  }

  /** The stored value, or undefined when there is none or it cannot be read (logged). */
  read(): unknown {
    return this.document.readSync();
  }

  /**
   * Saves what `merge` makes of the stored value when the write happens: at most one
   * write in flight and one queued, however often it is asked for, with the latest `merge`.
   */
  save(merge: (stored: unknown) => unknown): void {
    this.latest = merge;
    if (this.queued) return;
    this.queued = true;
    void this.enqueue(() => {
      this.queued = false;
      const latest = this.latest ?? ((stored: unknown) => stored);
      return this.document.update(latest);
    }).catch(() => undefined);
  }

  /** A change now, not coalesced: resolves once it is on disk; rejects when the write fails (logged). */
  update(merge: (stored: unknown) => unknown): Promise<void> {
    return this.enqueue(() => this.document.update(merge));
  }

  /** Resolves once every save asked for so far is on disk (or has failed, logged). */
  async whenSaved(): Promise<void> {
    let seen: Promise<unknown> | undefined;
    while (seen !== this.chain) {
      seen = this.chain;
      await seen;
    }
  }

  private enqueue(job: () => Promise<unknown>): Promise<void> {
    const run = this.chain.then(job).then(
      () => undefined,
      (error: unknown) => {
        this.logger.warn(`Saving ${path.basename(this.document.file)} failed`, error);
        throw error;
      },
    );
    this.chain = run.catch(() => undefined);
    return run;
  }
}
