import { type Clock, systemClock } from '../core/clock';

export interface RateBudgetOptions {
  /** Cloudflare's limit: 1,200 requests per 5 minutes per user or token. */
  readonly limit?: number;
  readonly windowMs?: number;
  /** The share of the limit kept spare for the dashboard and other tools (0.1 = 10 %). */
  readonly headroom?: number;
  readonly clock?: Clock;
}

/**
 * A sliding-window budget shared by every client that uses one token: no window of
 * `windowMs` ever holds more than `limit × (1 − headroom)` grants. Cloudflare blocks
 * *all* calls for five minutes once the limit is passed, so pacing beats retrying.
 *
 * The grant times live in a ring buffer of `capacity` slots: the slot about to be
 * reused holds the oldest grant, so each acquire is O(1).
 */
interface Waiter {
  readonly resolve: () => void;
}

export class RateBudget {
  readonly capacity: number;
  readonly windowMs: number;
  private readonly clock: Clock;
  private readonly stamps: Float64Array;
  private head = 0;
  private granted = 0;
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  /** Cancels the pump's sleep when its last waiter gives up, so no timer outlives the work. */
  private idle: AbortController | undefined;

  constructor(options: RateBudgetOptions = {}) {
    const limit = options.limit ?? 1200;
    const headroom = options.headroom ?? 0.1;
    if (!(limit >= 1) || !(headroom >= 0 && headroom < 1)) {
      throw new RangeError('RateBudget needs limit >= 1 and 0 <= headroom < 1');
    }
    this.capacity = Math.max(1, Math.floor(limit * (1 - headroom)));
    this.windowMs = options.windowMs ?? 300_000;
    this.clock = options.clock ?? systemClock;
    this.stamps = new Float64Array(this.capacity);
  }

  /** Grants used in the current window (for status displays and tests). */
  get used(): number {
    const now = this.clock.now();
    let count = 0;
    for (let i = 0; i < Math.min(this.granted, this.capacity); i++) {
      if (now - (this.stamps[i] ?? 0) < this.windowMs) {
        count++;
      }
    }
    return count;
  }

  /**
   * Requests that could start now without waiting: the window's spare grants less those
   * already queued. A refresh reads it to decide what to load now and what to defer.
   */
  get available(): number {
    return Math.max(0, this.capacity - this.used - this.waiters.length);
  }

  /** Requests waiting for a grant right now: the caller is pacing itself, not hung. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** Resolves when one more request fits the window; FIFO among waiters. */
  acquire(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) {
      return Promise.reject(signal.reason as Error);
    }
    if (this.waiters.length === 0 && this.tryTake()) {
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) {
          this.waiters.splice(index, 1);
        }
        if (this.waiters.length === 0) {
          this.idle?.abort();
        }
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      void this.pump();
    });
  }

  private tryTake(): boolean {
    const now = this.clock.now();
    if (this.granted >= this.capacity && now - (this.stamps[this.head] ?? 0) < this.windowMs) {
      return false;
    }
    this.stamps[this.head] = now;
    this.head = (this.head + 1) % this.capacity;
    this.granted++;
    return true;
  }

  /** One loop serves the queue, sleeping until the oldest grant leaves the window. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        if (this.tryTake()) {
          this.waiters.shift()?.resolve();
          continue;
        }
        // Re-checked after waking: a timer may fire a hair early on a fast clock.
        const wait = (this.stamps[this.head] ?? 0) + this.windowMs - this.clock.now();
        this.idle = new AbortController();
        await this.clock.sleep(Math.max(1, wait), this.idle.signal).catch(() => undefined);
      }
    } finally {
      this.pumping = false;
      this.idle = undefined;
    }
  }
}
