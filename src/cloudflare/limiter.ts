/**
 * A FIFO concurrency limiter with two lanes. `urgent` work (later pages of a collection
 * that has already started) goes before `normal` work, so a zone that began finishes
 * before new zones start, and every slot stays busy either way.
 */
export class Limiter {
  private active = 0;
  private readonly urgent: Array<() => void> = [];
  private readonly normal: Array<() => void> = [];

  constructor(readonly size: number) {
    if (!(size >= 1)) {
      throw new RangeError(`concurrency must be at least 1, got ${size}`);
    }
  }

  get running(): number {
    return this.active;
  }

  get waiting(): number {
    return this.urgent.length + this.normal.length;
  }

  /** Resolves when a slot is free; the caller must call `release()` exactly once after. */
  acquire(urgent = false, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) {
      return Promise.reject(signal.reason as Error);
    }
    if (this.active < this.size) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const queue = urgent ? this.urgent : this.normal;
      const grant = (): void => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      };
      const onAbort = (): void => {
        const index = queue.indexOf(grant);
        if (index >= 0) {
          queue.splice(index, 1);
        }
        reject(signal?.reason as Error);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(grant);
    });
  }

  release(): void {
    // The slot passes straight to the next waiter, so `active` only drops when idle.
    const next = this.urgent.shift() ?? this.normal.shift();
    if (next === undefined) {
      this.active--;
    } else {
      next();
    }
  }
}
