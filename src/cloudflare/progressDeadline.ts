import { type Clock } from '../shared/clock';
import { CloudflareApiError } from './errors';

export interface ProgressDeadlineOptions {
  readonly clock: Clock;
  /** How long a run may receive nothing new before it ends. */
  readonly idleMs: number;
  /** What runs, for the message: "The inventory". */
  readonly what: string;
  /** Requests waiting for the rate budget right now: a run pacing itself is progressing, not hung. */
  readonly pacing?: () => number;
  /** Called at each check that finds the run pacing, so a CLI can say it is waiting. */
  readonly onPacing?: (waiting: number) => void;
}

/** Checks at least this often, so a run pacing for minutes says so more than once. */
const maxCheckMs = 30_000;

/**
 * A deadline on no progress, never on total time: `signal` aborts (with a `no_progress`
 * error) once `idleMs` pass with no call to `progress()` and no request waiting for the
 * rate budget. A long run that keeps receiving, or that waits for the next rate window,
 * never hits it; a server that accepts requests and never answers does.
 */
export class ProgressDeadline {
  private readonly controller = new AbortController();
  private readonly stopper = new AbortController();
  private last: number;

  constructor(private readonly options: ProgressDeadlineOptions) {
    if (!(options.idleMs > 0)) throw new RangeError(`The no-progress deadline must be positive, got ${options.idleMs}`);
    this.last = options.clock.now();
    void this.watch();
  }

  /** Aborted, with the `no_progress` error as its reason, when the deadline passes. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Something new arrived: the deadline starts again. */
  progress(): void {
    this.last = this.options.clock.now();
  }

  /** Stops watching (the run ended); the signal stays as it is. */
  dispose(): void {
    this.stopper.abort();
  }

  private async watch(): Promise<void> {
    const { clock, idleMs } = this.options;
    while (!this.stopper.signal.aborted) {
      const due = this.last + idleMs;
      const now = clock.now();
      if (now < due) {
        await clock.sleep(Math.min(due - now, maxCheckMs), this.stopper.signal).catch(() => undefined);
        const waiting = this.options.pacing?.() ?? 0;
        if (waiting > 0 && !this.stopper.signal.aborted) {
          this.progress();
          this.options.onPacing?.(waiting);
        }
        continue;
      }
      this.controller.abort(
        new CloudflareApiError('no_progress', `${this.options.what} received nothing new from the Cloudflare API for ${Math.round(idleMs / 1000)} s and stopped waiting.`),
      );
      return;
    }
  }
}
