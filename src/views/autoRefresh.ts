import type * as vscode from 'vscode';
import type { Logger } from '../shared/logger';

/**
 * Refreshes the view every N minutes, but only while it is visible: a hidden view costs
 * no API requests. Becoming visible after the interval has passed refreshes at once.
 */
export class AutoRefresh implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private lastRefresh = Date.now();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: vscode.TreeView<unknown>,
    private readonly intervalMinutes: () => number,
    private readonly refresh: () => Promise<void>,
    private readonly logger: Logger,
  ) {
    this.subscription = view.onDidChangeVisibility(() => this.reschedule());
    this.reschedule();
  }

  /** Call after a manual refresh or a settings change. */
  reschedule(manualRefresh = false): void {
    if (manualRefresh) this.lastRefresh = Date.now();
    clearTimeout(this.timer);
    this.timer = undefined;
    const minutes = this.intervalMinutes();
    if (!this.view.visible || minutes <= 0) return;
    const due = Math.max(0, this.lastRefresh + minutes * 60_000 - Date.now());
    this.timer = setTimeout(() => {
      this.lastRefresh = Date.now();
      this.refresh().catch((error: unknown) => this.logger.warn('Auto-refresh failed', error)).finally(() => this.reschedule());
    }, due);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
