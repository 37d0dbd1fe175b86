/**
 * Time as a dependency. The API client's rate budget, the simulator's rate limit and its
 * lifecycle engine all read time through a Clock, so tests can share one accelerated
 * clock between client and simulator and run a five-minute window in seconds.
 */
export interface Clock {
  /** Milliseconds since the epoch, in this clock's time. */
  now(): number;
  /** Resolves after `ms` of this clock's time; rejects with the signal's reason on abort. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /**
   * Milliseconds on a clock that never jumps (an arbitrary origin), for deadlines of
   * in-process waits: a wall clock set back an hour must not lengthen a 30 s lockout.
   * Clocks without one are monotonic already (test clocks) and use `now()`.
   */
  monotonic?(): number;
}

/** The clock to measure in-process waits on: `monotonic()` when the clock has one. */
export function monotonicNow(clock: Clock): number {
  return clock.monotonic === undefined ? clock.now() : clock.monotonic();
}

/** Waits `ms` of real time, or rejects with the signal's reason when it aborts first. */
export function realSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted === true) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, Math.max(0, ms));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: realSleep,
  monotonic: () => performance.now(),
};

/**
 * A clock that runs `factor` times faster than real time, starting at `start`.
 * Shared between a client and a simulator in one process, both see the same time.
 * `realStart` is the `performance.now()` moment that `start` stands for (default: now);
 * processes that agree on a wall-clock epoch pass `epoch - performance.timeOrigin` and
 * share one time across processes.
 */
export class AcceleratedClock implements Clock {
  constructor(
    readonly factor: number,
    private readonly start = Date.now(),
    private readonly realStart = performance.now(),
  ) {
    if (!(factor > 0)) {
      throw new RangeError(`AcceleratedClock factor must be positive, got ${factor}`);
    }
  }

  now(): number {
    return this.start + (performance.now() - this.realStart) * this.factor;
  }

  /** Sleeps until at least `ms` of clock time has passed: timers may fire a little early. */
  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const until = this.now() + ms;
    do {
      await realSleep(Math.max(1, (until - this.now()) / this.factor), signal);
    } while (this.now() < until);
  }
}
