import { randomBytes } from 'node:crypto';
import { type Clock, systemClock } from '../shared/clock';
import { type Logger, silentLogger } from '../shared/logger';
import { type GrantAnswer, type GrantLedger, type GrantLimits, MemoryLedger } from './grantLedger';

export interface RateBudgetOptions {
  /** Cloudflare's limit: 1,200 requests per 5 minutes per user or account token. */
  readonly limit?: number;
  readonly windowMs?: number;
  /** The share of the limit kept spare for the dashboard and other tools (0.1 = 10 %). */
  readonly headroom?: number;
  /**
   * The share kept spare once another process is seen using the same budget: each may
   * hold grants taken but not yet sent, and requests it made before its budget was
   * known are recorded after the fact.
   */
  readonly sharedHeadroom?: number;
  readonly clock?: Clock;
  /** Where the grants are recorded; default this process's memory. */
  readonly ledger?: GrantLedger;
  /**
   * Grants taken from the ledger at a time, at least: with a shared ledger each take
   * costs a file lock, so it is paid per block rather than per request. Default 1.
   */
  readonly blockSize?: number;
  /** How long a block's spare grants stay usable; longer, they are given back. Default 0. */
  readonly leaseMs?: number;
  /** Names the budget in the log, e.g. "user 0123…"; never a secret. */
  readonly label?: string;
  readonly logger?: Logger;
}

interface Waiter {
  readonly resolve: () => void;
}

/** Spare grants of the last block taken, usable until `at + leaseMs`. */
interface Lease {
  readonly at: number;
  left: number;
}

/**
 * A sliding-window budget shared by every client that uses one Cloudflare user: no window
 * of `windowMs` ever holds more than `limit × (1 − headroom)` grants. Cloudflare blocks
 * *all* calls for five minutes once the limit is passed, so pacing beats retrying.
 *
 * The grants are recorded in a GrantLedger: this process's memory, or a file every VS
 * Code window on the machine shares. Waiters are served first come, first served.
 */
export class RateBudget {
  readonly capacity: number;
  readonly windowMs: number;
  private readonly limits: GrantLimits;
  private readonly clock: Clock;
  private readonly ledger: GrantLedger;
  private readonly blockSize: number;
  private readonly holder = randomBytes(8).toString('hex');
  private readonly label: string;
  private readonly logger: Logger;
  private lease: Lease | undefined;
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  private shared = false;
  /** Cancels the pump's sleep when its last waiter gives up, so no timer outlives the work. */
  private idle: AbortController | undefined;

  constructor(options: RateBudgetOptions = {}) {
    const limit = options.limit ?? 1200;
    const headroom = options.headroom ?? 0.1;
    const sharedHeadroom = Math.max(headroom, options.sharedHeadroom ?? 0.2);
    if (!(limit >= 1) || !(headroom >= 0 && headroom < 1) || !(sharedHeadroom < 1)) {
      throw new RangeError('RateBudget needs limit >= 1 and 0 <= headroom <= sharedHeadroom < 1');
    }
    this.capacity = Math.max(1, Math.floor(limit * (1 - headroom)));
    this.windowMs = options.windowMs ?? 300_000;
    this.limits = { capacity: this.capacity, sharedCapacity: Math.max(1, Math.floor(limit * (1 - sharedHeadroom))), windowMs: this.windowMs, leaseMs: options.leaseMs ?? 0 };
    this.clock = options.clock ?? systemClock;
    this.ledger = options.ledger ?? new MemoryLedger();
    this.blockSize = Math.max(1, Math.floor(options.blockSize ?? 1));
    this.label = options.label ?? 'Cloudflare';
    this.logger = options.logger ?? silentLogger;
  }

  /** Grants used in the current window, this process's spare ones included (for status displays and tests). */
  get used(): number {
    return this.ledger.used(this.clock.now(), this.limits) - this.spare();
  }

  /**
   * Requests that could start now without waiting: the window's spare grants less those
   * already queued. A refresh reads it to decide what to load now and what to defer.
   * With a shared ledger it is as of this process's last take: other windows may have
   * taken more since, which the next take finds out.
   */
  get available(): number {
    const capacity = this.ledger.sharers > 0 ? this.limits.sharedCapacity : this.capacity;
    return Math.max(0, capacity - this.used - this.waiters.length);
  }

  /**
   * Clock time from which `wanted` more requests fit the window, behind those already
   * queued, if nothing else is taken meanwhile: now when they fit already. What a paced
   * "Load All" tells the user ("the rest from 14:05") and sleeps until.
   */
  freeAt(wanted: number): number {
    const capacity = this.ledger.sharers > 0 ? this.limits.sharedCapacity : this.capacity;
    const now = this.clock.now();
    // This process's spare grants are in the ledger's count already: they serve the first of `wanted`.
    return this.ledger.freeAt(now, this.limits, capacity, Math.max(0, wanted - this.spare()) + this.waiters.length);
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
    if (this.waiters.length === 0 && this.spare() > 0 && this.lease !== undefined) {
      this.lease.left--;
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

  /**
   * Records `count` requests already made outside the budget (finding out whose budget
   * this is costs a request or two): they count against the window like any other.
   */
  async charge(count: number): Promise<void> {
    if (count <= 0) return;
    this.noteSharers(await this.ledger.take({ holder: this.holder, wanted: count, now: this.clock.now(), limits: this.limits, spent: true }));
  }

  /** Spare grants of the current block that may still be used. */
  private spare(): number {
    const lease = this.lease;
    return lease !== undefined && this.clock.now() <= lease.at + this.limits.leaseMs ? lease.left : 0;
  }

  /** One loop serves the queue: a block from the ledger, or a sleep until the oldest grant leaves the window. */
  private async pump(): Promise<void> {
    if (this.pumping) {
      return;
    }
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        if (this.spare() > 0 && this.lease !== undefined) {
          this.lease.left--;
          this.waiters.shift()?.resolve();
          continue;
        }
        const expired = this.lease;
        this.lease = undefined;
        const answer = await this.ledger.take({
          holder: this.holder,
          wanted: Math.max(this.blockSize, this.waiters.length),
          now: this.clock.now(),
          limits: this.limits,
          ...(expired !== undefined && expired.left > 0 ? { unused: { at: expired.at, count: expired.left } } : {}),
        });
        this.noteSharers(answer);
        // Served at once, whatever the time now: the block counts for its lease on top of the window.
        let left = answer.granted;
        while (left > 0 && this.waiters.length > 0) {
          left--;
          this.waiters.shift()?.resolve();
        }
        this.lease = { at: answer.at, left };
        if (this.waiters.length > 0 && answer.retryInMs > 0) {
          // Re-checked after waking: a timer may fire a hair early on a fast clock.
          this.idle = new AbortController();
          await this.clock.sleep(answer.retryInMs, this.idle.signal).catch(() => undefined);
        }
      }
    } finally {
      this.pumping = false;
      this.idle = undefined;
    }
  }

  /** Says so in the log when another window starts, or stops, sharing this budget. */
  private noteSharers(answer: GrantAnswer): void {
    const shared = answer.sharers > 0;
    if (shared === this.shared) return;
    this.shared = shared;
    this.logger.info(
      shared
        ? `Cloudflare rate budget of ${this.label}: another VS Code window uses it too; keeping more headroom (${answer.capacity} requests per ${Math.round(this.windowMs / 60_000)} minutes for all windows together)`
        : `Cloudflare rate budget of ${this.label}: no other window uses it now; ${answer.capacity} requests per ${Math.round(this.windowMs / 60_000)} minutes`,
    );
  }
}
