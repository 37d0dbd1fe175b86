import type * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';

/**
 * Which zones the user has open in the view, learnt from its expand and collapse events:
 * what is on screen, which a refresh loads first when the rate budget is short. Accounts
 * start expanded, so only their collapsing is tracked; a hidden view shows nothing.
 */
export class ExpandedZones implements vscode.Disposable {
  private readonly zones = new Set<string>();
  private readonly collapsedAccounts = new Set<string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly view: vscode.TreeView<ExplorerNode>) {
    this.subscriptions = [view.onDidExpandElement(({ element }) => this.note(element, true)), view.onDidCollapseElement(({ element }) => this.note(element, false))];
  }

  isOnScreen(account: string, zone: string): boolean {
    return this.view.visible && !this.collapsedAccounts.has(account) && this.zones.has(zoneKey(account, zone));
  }

  private note(node: ExplorerNode, expanded: boolean): void {
    if (node.type === 'account') {
      if (expanded) this.collapsedAccounts.delete(node.account);
      else this.collapsedAccounts.add(node.account);
    } else if (node.type === 'zone') {
      if (expanded) this.zones.add(zoneKey(node.account, node.zone));
      else this.zones.delete(zoneKey(node.account, node.zone));
    }
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

function zoneKey(account: string, zone: string): string {
  return `${account}/${zone}`;
}
