import * as fs from 'node:fs';
import * as path from 'node:path';
import * as lockfile from 'proper-lockfile';
import type { Logger } from '../logger';

/**
 * How long a lock may go without its holder touching it before another process may take
 * it over: a window that crashed while holding it must not block the others for good.
 */
const staleMs = 10_000;

/**
 * proper-lockfile gives up at once (`ELOCKED`) by default. Holders keep the lock for a
 * few milliseconds, so waiting is right; the retries reach past `staleMs` so that a lock
 * left by a crashed window is taken over rather than reported as an error.
 */
const retries = { retries: 120, factor: 1.2, minTimeout: 5, maxTimeout: 200, randomize: true };

/**
 * Runs `work` while holding a cross-process lock on `file` (the file itself need not
 * exist: the lock is the directory `file.lock`, which `mkdir` creates atomically on
 * every platform). Every extension host on the machine shares the global storage
 * folder, so what they read, merge and write there goes through this.
 */
export async function withFileLock<T>(file: string, logger: Logger, work: () => Promise<T>): Promise<T> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const release = await lockfile.lock(file, {
    realpath: false,
    stale: staleMs,
    retries,
    // The default throws from a timer, which would take the extension host's error path.
    onCompromised: (error) => logger.warn(`The lock on ${path.basename(file)} was lost; another window may have written at the same time`, error),
  });
  try {
    return await work();
  } finally {
    await release().catch((error: unknown) => logger.warn(`Releasing the lock on ${path.basename(file)} failed`, error));
  }
}
