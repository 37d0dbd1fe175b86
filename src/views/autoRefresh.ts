import type * as vscode from 'vscode';
import { AutoRefreshLoop } from '../explorer/autoRefreshLoop';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';

/**
 * The auto-refresh of the view: `AutoRefreshLoop` (on the Clock), told when the view
 * shows or hides. A hidden view costs no API requests.
 */
export class AutoRefresh implements vscode.Disposable {
  private readonly loop: AutoRefreshLoop;
  private readonly subscription: vscode.Disposable;

  constructor(
    view: vscode.TreeView<unknown>,
    intervalMinutes: () => number,
    refresh: () => Promise<void>,
    logger: Logger,
    clock: Clock,
  ) {
    this.loop = new AutoRefreshLoop({ clock, intervalMinutes, refresh, logger });
    this.subscription = view.onDidChangeVisibility(() => this.loop.setVisible(view.visible));
    this.loop.setVisible(view.visible);
  }

  /** Call after a manual refresh or a settings change. */
  reschedule(manualRefresh = false): void {
    this.loop.reschedule(manualRefresh);
  }

  dispose(): void {
    this.loop.dispose();
    this.subscription.dispose();
  }
}
