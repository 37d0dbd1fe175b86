import type { ProbeRun } from './probeRun';

/** How many runs are kept for their documents: a run is a moment, and the panel shows one at a time. */
export const MAX_KEPT_RUNS = 20;

/**
 * The last probe runs shown, each under a key, so a "served chain" document can name the
 * run it shows (its URI carries the key, never the data). Keys start with a prefix that
 * is new in every window: after a reload, a document restored with an old key finds
 * nothing instead of another run. In memory only, as every probe result is.
 */
export class ProbeRunLog {
  private readonly runs = new Map<string, ProbeRun>();
  private readonly keys = new WeakMap<ProbeRun, string>();
  private next = 1;

  constructor(
    private readonly prefix: string,
    private readonly limit = MAX_KEPT_RUNS,
  ) {}

  /** The run's key; the run is kept (the oldest is let go past the limit). */
  keep(run: ProbeRun): string {
    const known = this.keys.get(run);
    if (known !== undefined && this.runs.has(known)) return known;
    const key = `${this.prefix}-${this.next++}`;
    this.runs.set(key, run);
    this.keys.set(run, key);
    for (const oldest of this.runs.keys()) {
      if (this.runs.size <= this.limit) break;
      this.runs.delete(oldest);
    }
    return key;
  }

  get(key: string): ProbeRun | undefined {
    return this.runs.get(key);
  }
}
