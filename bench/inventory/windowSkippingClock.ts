import { type Clock, realSleep } from '../../src/shared/clock';

/**
 * Real time, except that a wait of a minute or more is skipped: the clock jumps to its
 * end at once. In a rate-limited inventory the only such wait is the rate budget's for
 * the next 5-minute window, so a run that takes Cloudflare minutes takes seconds, while
 * requests, latency and CPU cost what they really cost (an accelerated clock would
 * multiply the CPU time too). The skipped time sits in a SharedArrayBuffer, so the
 * simulator in its worker thread, built on the same buffer, sees the same time.
 * Shorter waits (the no-progress deadline checks every 30 s at most) are real.
 */
export class WindowSkippingClock implements Clock {
  private readonly skipped: BigInt64Array;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly skipFromMs = 60_000,
  ) {
    this.skipped = new BigInt64Array(buffer);
  }

  static buffer(): SharedArrayBuffer {
    return new SharedArrayBuffer(8);
  }

  now(): number {
    return performance.timeOrigin + performance.now() + Number(Atomics.load(this.skipped, 0));
  }

  /** Time skipped so far. */
  get skippedMs(): number {
    return Number(Atomics.load(this.skipped, 0));
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (ms < this.skipFromMs) return realSleep(ms, signal);
    if (signal?.aborted === true) throw signal.reason as Error;
    Atomics.add(this.skipped, 0, BigInt(Math.ceil(ms)));
    await new Promise((resolve) => setImmediate(resolve));
  }
}
