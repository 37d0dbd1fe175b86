import type * as vscode from 'vscode';
import { zoneKey, type OnScreenZones } from '../explorer/explorerModel';
import type { ExplorerNode } from '../explorer/nodes';

/**
 * Which zones the user has open in the view, learnt from its expand and collapse events:
 * what is on screen, which a refresh loads first when the rate budget is short. Accounts
 * start expanded, so only their collapsing is tracked; a hidden view shows nothing.
 */
export class ExpandedZones implements vscode.Disposable {
  /** Open zones by their key, with the account each is in. */
  private readonly zones = new Map<string, string>();
  private readonly collapsedAccounts = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly view: vscode.TreeView<ExplorerNode>,
    /** Told the zones on screen whenever they change: the model reads them as data on its next refresh. */
    private readonly publish: (zones: OnScreenZones) => void,
  ) {
    this.subscriptions = [
      view.onDidExpandElement(({ element }) => this.note(element, true)),
      view.onDidCollapseElement(({ element }) => this.note(element, false)),
      view.onDidChangeVisibility(() => this.publishOnScreen()),
    ];
    this.publishOnScreen();
  }

  private publishOnScreen(): void {
    const zones = [...this.zones].filter(([, account]) => this.view.visible && !this.collapsedAccounts.has(account)).map(([key]) => key);
    this.publish(new Set(zones));
  }

  private note(node: ExplorerNode, expanded: boolean): void {
    if (node.type === 'account') {
      if (expanded) this.collapsedAccounts.delete(node.account);
      else this.collapsedAccounts.add(node.account);
    } else if (node.type === 'zone') {
      if (expanded) this.zones.set(zoneKey(node.account, node.zone), node.account);
      else this.zones.delete(zoneKey(node.account, node.zone));
    }
    this.publishOnScreen();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
