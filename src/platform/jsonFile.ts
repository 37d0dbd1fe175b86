import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../core/logger';

/**
 * A JSON document in the extension's global storage folder, for state that changes often
 * or grows large. globalState is the wrong home for such state: VS Code holds the
 * extension's whole globalState as one value and writes it back whole, so frequent
 * writes of one key can revert a concurrent write of another (microsoft/vscode#137132),
 * e.g. an account just removed.
 */
export class JsonFile {
  private writing: Promise<void> | undefined;
  private queued = false;

  constructor(
    private readonly file: string,
    private readonly logger: Logger,
  ) {}

  /** The stored value, or undefined when there is none or it cannot be read (logged). */
  read(): unknown {
    try {
      return JSON.parse(fs.readFileSync(this.file, 'utf8')) as unknown;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') this.logger.warn(`Reading ${path.basename(this.file)} failed; starting empty`, error);
      return undefined;
    }
  }

  /**
   * Saves what `snapshot` returns when the write happens: at most one write in flight and
   * one queued, however often it is asked for. Written to a temporary file and renamed, so
   * a crash mid-write leaves the previous document whole.
   */
  save(snapshot: () => unknown): void {
    if (this.writing !== undefined) {
      this.queued = true;
      return;
    }
    this.queued = false;
    this.writing = this.write(snapshot).finally(() => {
      this.writing = undefined;
      if (this.queued) this.save(snapshot);
    });
  }

  /** Resolves once every save asked for so far is on disk (or has failed, logged). */
  async whenSaved(): Promise<void> {
    while (this.writing !== undefined) await this.writing;
  }

  private async write(snapshot: () => unknown): Promise<void> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await fs.promises.mkdir(path.dirname(this.file), { recursive: true });
      await fs.promises.writeFile(temporary, JSON.stringify(snapshot()), 'utf8');
      await fs.promises.rename(temporary, this.file);
    } catch (error) {
      this.logger.warn(`Saving ${path.basename(this.file)} failed`, error);
    }
  }
}
