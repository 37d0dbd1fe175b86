import * as vscode from 'vscode';
import { childrenOf } from '../explorer/children';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ExplorerNode } from '../explorer/nodes';
import { present } from '../explorer/presentation';
import type { PresentationContext, TreeItemModel } from '../explorer/treeItemModel';
import { defaultViewOptions, type ViewOptions } from '../explorer/viewOptions';
import { welcomeState, type WelcomeState } from '../explorer/welcomeState';
import type { ExpiryThresholds } from '../domain/expiry';
import type { Logger } from '../shared/logger';
import { CommandIds } from '../platform/commandIds';

/** What other features add to a row beside the explorer's presentation (today: the last diagnosis). */
export interface RowExtras {
  /** A URI for decorations to find the row by. */
  resourceUri(node: ExplorerNode): vscode.Uri | undefined;
  /** Markdown appended to the row's tooltip; every API string in it escaped. */
  tooltip(node: ExplorerNode): string | undefined;
}

/** The tree view's id, as package.json contributes it. */
export const explorerViewId = 'cloudflareCertificates.explorer';

/**
 * The explorer's TreeDataProvider: asks the pure model for children and item models and
 * turns them into VS Code objects. Expanding a node whose data is not loaded starts the
 * load; the model's change event redraws.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private lastWelcome: WelcomeState | undefined;
  private redrawScheduled = false;

  constructor(
    private readonly model: ExplorerModel,
    private readonly thresholds: () => ExpiryThresholds,
    private readonly logger: Logger,
    /** The filter and grouping the user chose. */
    private readonly viewOptions: () => ViewOptions = () => defaultViewOptions,
    private readonly extras?: RowExtras,
  ) {}

  /** Redraws the whole tree, at most once per tick however many loads finish together. */
  redraw(): void {
    if (this.redrawScheduled) return;
    this.redrawScheduled = true;
    setImmediate(() => {
      this.redrawScheduled = false;
      this.changed.fire(undefined);
      this.updateWelcome();
    });
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    const children = childrenOf(this.model, node, this.context());
    if (children.load !== undefined) {
      const load = children.load;
      const started = load.what === 'zones' ? this.model.loadZones(load.account) : this.model.loadZone(load.account, load.zone);
      started.catch((error: unknown) => this.logger.error('Loading the explorer failed', error));
    }
    // The welcome view replaces an empty root; an account that failed alone shows it too.
    if (node === undefined) {
      this.updateWelcome();
      if (welcomeState(this.model) !== 'none') return [];
    }
    return children.nodes;
  }

  /**
   * Everything but the tooltip. VS Code asks for every child of an expanded node and ships
   * each item to the workbench, 20,000 rows for a big SaaS zone, on every redraw; tooltips
   * are most of those bytes and only hovered rows need one (resolveTreeItem).
   */
  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = toTreeItem(present(node, this.context()), node);
    const uri = this.extras?.resourceUri(node);
    if (uri !== undefined) item.resourceUri = uri;
    return item;
  }

  /** The tooltip of a hovered row, from the data as it is now. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    const parts = [present(node, this.context()).tooltip, this.extras?.tooltip(node)].filter((part) => part !== undefined);
    if (parts.length > 0) item.tooltip = untrustedMarkdown(parts.join('\n\n---\n\n'));
    return item;
  }

  /** What items are drawn with now; the test API walks the tree with it too. */
  context(): PresentationContext {
    return { model: this.model, now: Date.now(), thresholds: this.thresholds(), view: this.viewOptions() };
  }

  private updateWelcome(): void {
    const state = welcomeState(this.model);
    if (state === this.lastWelcome) return;
    this.lastWelcome = state;
    void vscode.commands.executeCommand('setContext', 'cloudflareCertificates.welcome', state);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

const collapsibleStates = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
} as const;

/** Untrusted: API strings are escaped, and no command links or HTML are honoured. */
function untrustedMarkdown(markdown: string): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(markdown, true);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  return tooltip;
}

function toTreeItem(model: TreeItemModel, node: ExplorerNode): vscode.TreeItem {
  const item = new vscode.TreeItem(model.label, collapsibleStates[model.collapsible]);
  item.id = model.id;
  if (model.description !== undefined) item.description = model.description;
  if (model.icon !== undefined) {
    item.iconPath = new vscode.ThemeIcon(model.icon.id, model.icon.color === undefined ? undefined : new vscode.ThemeColor(model.icon.color));
  }
  item.contextValue = model.contextValue;
  if (model.command !== undefined) {
    const command = { retry: CommandIds.retry, loadMore: CommandIds.loadMoreHostnames, clearFilter: CommandIds.clearFilter }[model.command.id];
    item.command = { command, title: model.command.title, arguments: [node] };
  }
  return item;
}
