import * as vscode from 'vscode';
import { normalizeFilterText, parseViewOptions, type ViewOptions } from '../explorer/viewOptions';

const storageKey = 'cloudflareCertificates.viewOptions';

/**
 * The explorer's filter and grouping, kept in globalState so they survive a reload (like
 * the accounts, they are the user's, not the workspace's). Context keys follow every change,
 * so the view title shows the matching toggle icons.
 */
export class ViewOptionsStore implements vscode.Disposable {
  private current: ViewOptions;
  private readonly changed = new vscode.EventEmitter<ViewOptions>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {
    this.current = parseViewOptions(state.get<unknown>(storageKey));
    void this.setContextKeys();
  }

  get(): ViewOptions {
    return this.current;
  }

  /** What is stored, read back as the next window will read it. */
  stored(): ViewOptions {
    return parseViewOptions(this.state.get<unknown>(storageKey));
  }

  async update(change: Partial<ViewOptions>): Promise<void> {
    const next: ViewOptions = { ...this.current, ...change, ...(change.text === undefined ? {} : { text: normalizeFilterText(change.text) }) };
    if (next.text === this.current.text && next.problemsOnly === this.current.problemsOnly && next.groupBy === this.current.groupBy) return;
    this.current = next;
    this.changed.fire(next);
    await Promise.all([this.state.update(storageKey, next), this.setContextKeys()]);
  }

  private async setContextKeys(): Promise<void> {
    const { text, problemsOnly, groupBy } = this.current;
    await Promise.all([
      vscode.commands.executeCommand('setContext', 'cloudflareCertificates.filtered', text !== ''),
      vscode.commands.executeCommand('setContext', 'cloudflareCertificates.problemsOnly', problemsOnly),
      vscode.commands.executeCommand('setContext', 'cloudflareCertificates.groupBy', groupBy),
    ]);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
