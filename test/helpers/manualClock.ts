import type { Clock } from '../../src/shared/clock';

interface Timer {
  readonly at: number;
  readonly fire: () => void;
}

/**
 * A clock that moves only when a test says so. Sleeps end when `advance` passes their
 * time, one at a time and in order, and the work each one wakes (HTTP to a simulator
 * included) is waited for through `settle` before the next, so schedules are exact.
 */
export class ManualClock implements Clock {
  private readonly timers = new Set<Timer>();

  constructor(private time = Date.UTC(2026, 0, 5, 9)) {}

  now(): number {
    return this.time;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted === true) {
        reject(signal.reason as Error);
        return;
      }
      const timer: Timer = {
        at: this.time + Math.max(0, ms),
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

  /** Moves time forward by `ms`, ending each sleep due on the way and settling what it woke. */
  async advance(ms: number, settle: () => Promise<void> = turns): Promise<void> {
    const target = this.time + ms;
    await settle();
    for (;;) {
      const next = [...this.timers].filter((timer) => timer.at <= target).sort((a, b) => a.at - b.at)[0];
      if (next === undefined) break;
      this.timers.delete(next);
      this.time = Math.max(this.time, next.at);
      next.fire();
      await settle();
    }
    this.time = target;
  }
}

/** A few turns of the event loop: enough for promise chains woken by a timer to run. */
export async function turns(count = 3): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}
