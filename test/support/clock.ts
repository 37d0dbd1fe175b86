import { AcceleratedClock, type Clock } from '../../src/shared/clock';

/** When a FakeClock starts unless a test says otherwise: a Monday morning, 2026-01-05 09:00 UTC. */
export const fakeEpoch = Date.UTC(2026, 0, 5, 9);

export interface FakeClockOptions {
  /** The clock's time when made; default `fakeEpoch`. */
  readonly start?: number;
  /**
   * How sleeps end. `manual` (default): only when `advance` passes their time, one at a
   * time and in order, so schedules are exact. `instant`: after one turn of the event loop,
   * moving time forward by the sleep, so retry and backoff tests run at once and can check
   * how long the code *would* have waited (`sleeps`).
   */
  readonly sleeps?: 'manual' | 'instant';
}

interface Timer {
  readonly at: number;
  readonly fire: () => void;
}

/**
 * The one clock tests control. Time moves only through `advance` (and, with instant sleeps,
 * through the sleeps themselves). The wall clock can be stepped on its own (`stepWall`), as a
 * user setting the system clock would, while `monotonic()` keeps counting forward.
 */
export class FakeClock implements Clock {
  /** Every sleep asked for, in milliseconds, in order. */
  readonly sleeps: number[] = [];
  private readonly timers = new Set<Timer>();
  private readonly mode: 'manual' | 'instant';
  private elapsed = 0;
  private wallOffset = 0;
  private readonly start: number;

  constructor(options: FakeClockOptions = {}) {
    this.start = options.start ?? fakeEpoch;
    this.mode = options.sleeps ?? 'manual';
  }

  now(): number {
    return this.start + this.elapsed + this.wallOffset;
  }

  /** Equal to `now()` until the wall clock is stepped; never goes back. */
  monotonic(): number {
    return this.start + this.elapsed;
  }

  /** Sets the wall clock forward or back by `ms`, leaving the monotonic clock and the sleeps alone. */
  stepWall(ms: number): void {
    this.wallOffset += ms;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) return Promise.reject(signal.reason as Error);
    this.sleeps.push(ms);
    return this.mode === 'instant' ? this.sleepInstantly(ms) : this.sleepUntilAdvanced(ms, signal);
  }

  /**
   * Moves time forward by `ms`. With manual sleeps, ends each sleep due on the way and
   * waits for the work it woke (HTTP to a simulator included) through `settle` before the
   * next. With instant sleeps, time moves at once: nothing waits on it.
   */
  async advance(ms: number, settle: () => Promise<void> = turns): Promise<void> {
    if (this.mode === 'instant') {
      this.elapsed += ms;
      return;
    }
    const target = this.elapsed + ms;
    await settle();
    for (;;) {
      const next = [...this.timers].filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.timers.delete(next);
      this.elapsed = Math.max(this.elapsed, next.at);
      next.fire();
      await settle();
    }
    this.elapsed = target;
  }

  private async sleepInstantly(ms: number): Promise<void> {
    // Time moves only after everything already runnable has run, as it would on a
    // real clock: work granted before the sleep sees the time of its grant.
    await new Promise((resolve) => setImmediate(resolve));
    this.elapsed += Math.max(0, ms);
  }

  private sleepUntilAdvanced(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer: Timer = {
        at: this.elapsed + Math.max(0, ms),
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        this.timers.delete(timer);
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.timers.add(timer);
    });
  }
}

/** A few turns of the event loop: enough for promise chains woken by a timer to run. */
export async function turns(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * An accelerated clock that several processes agree on: it counts from the wall-clock
 * `epoch`, so child processes and a simulator in the parent made with the same `epoch` and
 * `factor` see the same time (a plain AcceleratedClock counts from when it was made).
 */
export function sharedAcceleratedClock(epoch: number, factor: number): AcceleratedClock {
  return new AcceleratedClock(factor, epoch, epoch - performance.timeOrigin);
}
