import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';

export interface AutoRefreshLoopOptions {
  readonly clock: Clock;
  /** The interval in minutes, read again at every scheduling (0 = off). */
  readonly intervalMinutes: () => number;
  readonly refresh: () => Promise<void>;
  readonly logger: Logger;
}

/**
 * Refreshes every N minutes, but only while the view is visible: a hidden view costs no
 * API requests. Becoming visible after the interval has passed refreshes at once. Time is
 * the Clock's, so a benchmark drives simulated hours and a test a fake clock; VS Code's
 * side (the view's visibility) is told in by `setVisible`.
 */
export class AutoRefreshLoop {
  private timer: AbortController | undefined;
  private lastRefresh: number;
  private visible = false;
  private disposed = false;

  constructor(private readonly options: AutoRefreshLoopOptions) {
    this.lastRefresh = options.clock.now();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.reschedule();
  }

  /** Call after a manual refresh (`manualRefresh`: the interval counts from now) or a settings change. */
  reschedule(manualRefresh = false): void {
    const { clock } = this.options;
    if (manualRefresh) this.lastRefresh = clock.now();
    this.timer?.abort();
    this.timer = undefined;
    const minutes = this.options.intervalMinutes();
    if (this.disposed || !this.visible || minutes <= 0) return;
    const due = Math.max(0, this.lastRefresh + minutes * 60_000 - clock.now());
    const timer = new AbortController();
    this.timer = timer;
    clock.sleep(due, timer.signal).then(
      () => {
        if (this.timer !== timer) return;
        this.timer = undefined;
        this.lastRefresh = clock.now();
        this.options
          .refresh()
          .catch((error: unknown) => this.options.logger.warn('Auto-refresh failed', error))
          .finally(() => this.reschedule());
      },
      // Aborted: rescheduled or disposed.
      () => undefined,
    );
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.abort();
    this.timer = undefined;
  }
}
