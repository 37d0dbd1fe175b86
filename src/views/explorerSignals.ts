import type * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';
import type { ExplorerSnapshot } from '../explorer/snapshot';
import { badgeOf, summarize, viewMessage } from '../explorer/summary';
import { welcomeState } from '../explorer/welcomeState';
import type { ProblemsStatusBar } from './statusBar';

/** Loads finishing in a burst (a refresh, "Load all") update the signals at most this often. */
const settleMs = 200;

/**
 * Keeps the view's badge and message and the status bar item in step with the model:
 * recounted from its snapshot after each redraw, throttled so that a burst of
 * loads costs one count, not one per load.
 */
export class ExplorerSignals implements vscode.Disposable {
  private timer: NodeJS.Timeout | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly view: vscode.TreeView<ExplorerNode>,
    /** The model's latest snapshot, as the tree draws it. */
    private readonly snapshot: () => ExplorerSnapshot,
    private readonly statusBar: ProblemsStatusBar,
    onDidRedraw: vscode.Event<unknown>,
    /** Names the API server when it is not Cloudflare's (apiServerDescription). */
    private readonly apiServer: () => string | undefined = () => undefined,
  ) {
    this.subscription = onDidRedraw(() => this.schedule());
    this.update();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.update();
    }, settleMs);
  }

  /** Recomputes everything now. */
  update(): void {
    const snapshot = this.snapshot();
    const summary = summarize(snapshot);
    // The welcome view has its own words; a message above it would only compete.
    const summaryLine = welcomeState(snapshot) === 'none' ? viewMessage(summary, snapshot.view, snapshot.now) : undefined;
    // Where the data and the credentials go is said even above the welcome view: a narrow
    // sidebar cuts the header's description off, the message line it always shows.
    this.view.message = [this.apiServer(), summaryLine].filter((part) => part !== undefined && part !== '').join(' · ') || undefined;
    this.view.badge = badgeOf(summary);
    this.statusBar.update(summary, snapshot.now);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
  }
}
