import { type Clock } from '../../../../src/shared/clock';

/**
 * A clock whose sleeps finish at once (after one turn of the event loop) and move time
 * forward, so retry and backoff tests run instantly and can check how long the client
 * *would* have waited.
 */
export class InstantClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted === true) {
      throw signal.reason;
    }
    this.sleeps.push(ms);
    // Time moves only after everything already runnable has run, as it would on a
    // real clock: work granted before the sleep sees the time of its grant.
    await new Promise((resolve) => setImmediate(resolve));
    this.time += Math.max(0, ms);
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
