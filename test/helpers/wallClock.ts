import { type Clock, realSleep } from '../../src/shared/clock';

/**
 * An accelerated clock that several processes agree on: it reads the wall clock, so two
 * child processes and the simulator in the parent built with the same `epoch` and
 * `factor` see the same time (AcceleratedClock counts from when it was made, per process).
 */
export class WallAcceleratedClock implements Clock {
  constructor(
    private readonly epoch: number,
    readonly factor: number,
  ) {}

  now(): number {
    return this.epoch + (performance.timeOrigin + performance.now() - this.epoch) * this.factor;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const until = this.now() + ms;
    do {
      await realSleep(Math.max(1, (until - this.now()) / this.factor), signal);
    } while (this.now() < until);
  }
}
