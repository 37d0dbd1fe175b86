import * as vscode from 'vscode';
import { statusBarOf, type ExplorerSummary } from '../explorer/summary';
import { CommandIds } from '../platform/commandIds';

/**
 * "$(error) 2 need action · $(warning) 1 expiring" in the status bar, there only while
 * something loaded is a problem (see statusBarOf for why it hides otherwise). Clicking
 * shows the view with only the problems; VS Code's status bar menu can hide it for good.
 */
export class ProblemsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('cloudflareCertificates.problems', vscode.StatusBarAlignment.Left, 10);
  private shown: { readonly text: string; readonly tooltip: string } | undefined;

  constructor() {
    this.item.name = 'Cloudflare Certificates';
    this.item.command = CommandIds.showProblems;
  }

  update(summary: ExplorerSummary, now: number): void {
    this.shown = statusBarOf(summary, now);
    if (this.shown === undefined) {
      this.item.hide();
      return;
    }
    // Plain text, not Markdown: account labels are the user's own and need no formatting.
    this.item.text = this.shown.text;
    this.item.tooltip = this.shown.tooltip;
    this.item.accessibilityInformation = { label: `Cloudflare Certificates: ${this.shown.text.replace(/\$\([^)]*\)\s*/g, '')}` };
    this.item.show();
  }

  /** What the item shows (undefined: hidden), for the extension's test API. */
  state(): { readonly text: string; readonly tooltip: string } | undefined {
    return this.shown;
  }

  dispose(): void {
    this.item.dispose();
  }
}
