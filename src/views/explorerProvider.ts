import * as vscode from 'vscode';
import type { ExplorerModel, ModelChange } from '../explorer/explorerModel';
import type { ExplorerNode } from '../explorer/nodes';
import { present } from '../explorer/presentation';
import type { ExplorerSnapshot, SnapshotInputs } from '../explorer/snapshot';
import { TreeElements } from '../explorer/treeElements';
import type { TreeItemModel } from '../explorer/treeItemModel';
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
 * The explorer's TreeDataProvider: draws rows from the model's latest snapshot and turns
 * them into VS Code objects. Expanding a node whose data is not loaded starts the load.
 * After a model change it sends again only the rows that change touched and altered
 * (TreeElements), so a poll of one hostname among 20,000 redraws a handful of rows; menus
 * and hovers elsewhere in the tree stay open.
 */
export class ExplorerProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | ExplorerNode[] | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly elements = new TreeElements();
  private lastWelcome: WelcomeState | undefined;
  /** Changes since the last redraw; `whole` when the whole tree must be sent again. */
  private pending: { whole: boolean; changes: ModelChange[] } | undefined;
  /** The snapshot rows are drawn from until the next change: VS Code asks for thousands of items per redraw. */
  private drawn: { readonly snapshot: ExplorerSnapshot; readonly key: string } | undefined;
  private readonly redrawn = new vscode.EventEmitter<void>();
  /** After each redraw, whether or not any row changed: the badge and the status bar count from the same snapshot. */
  readonly onDidRedraw = this.redrawn.event;

  constructor(
    private readonly model: ExplorerModel,
    private readonly thresholds: () => ExpiryThresholds,
    private readonly logger: Logger,
    /** The filter and grouping the user chose. */
    private readonly viewOptions: () => ViewOptions = () => defaultViewOptions,
    private readonly extras?: RowExtras,
  ) {}

  /** Redraws the whole tree (the view options, the accounts or the settings changed), once per tick. */
  redraw(): void {
    this.schedule({ whole: true, changes: [] });
  }

  /** Redraws what a model change touched, at most once per tick however many loads finish together. */
  modelChanged(change: ModelChange): void {
    this.schedule({ whole: false, changes: [change] });
  }

  private schedule(next: { whole: boolean; changes: ModelChange[] }): void {
    this.drawn = undefined;
    if (this.pending !== undefined) {
      this.pending.whole ||= next.whole;
      this.pending.changes.push(...next.changes);
      return;
    }
    this.pending = next;
    setImmediate(() => {
      const { whole, changes } = this.pending ?? { whole: true, changes: [] };
      this.pending = undefined;
      this.fire(whole, changes);
      this.updateWelcome();
      this.redrawn.fire();
    });
  }

  private fire(whole: boolean, changes: readonly ModelChange[]): void {
    if (whole) {
      this.changed.fire(undefined);
      return;
    }
    const snapshot = this.snapshot();
    const rows = new Set<ExplorerNode>();
    for (const change of changes) {
      const redraw = this.elements.redraw(change, snapshot);
      if (redraw.kind === 'all') {
        this.changed.fire(undefined);
        return;
      }
      for (const row of redraw.rows) rows.add(row);
    }
    if (rows.size > 0) this.changed.fire([...rows]);
  }

  getChildren(node?: ExplorerNode): ExplorerNode[] {
    const children = this.elements.children(node, this.snapshot());
    if (children.load !== undefined) {
      this.model.startLoad(children.load).catch((error: unknown) => this.logger.error('Loading the explorer failed', error));
    }
    // The welcome view replaces an empty root; an account that failed alone shows it too.
    if (node === undefined) {
      this.updateWelcome();
      if (welcomeState(this.snapshot()) !== 'none') return [];
    }
    return children.nodes;
  }

  /**
   * Everything but the tooltip. VS Code asks for every child of an expanded node and ships
   * each item to the workbench, 20,000 rows for a big SaaS zone; tooltips are most of
   * those bytes and only hovered rows need one (resolveTreeItem).
   */
  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const current = this.elements.current(node);
    const item = toTreeItem(this.elements.item(node, this.snapshot()), current);
    const uri = this.extras?.resourceUri(current);
    if (uri !== undefined) item.resourceUri = uri;
    return item;
  }

  /** The tooltip of a hovered row, from the data as it is now. */
  resolveTreeItem(item: vscode.TreeItem, node: ExplorerNode): vscode.TreeItem {
    const current = this.elements.current(node);
    const parts = [present(current, this.snapshot()).tooltip, this.extras?.tooltip(current)].filter((part) => part !== undefined);
    if (parts.length > 0) item.tooltip = untrustedMarkdown(parts.join('\n\n---\n\n'));
    return item;
  }

  /** The node as the latest snapshot has it, for an element VS Code hands back. */
  current(node: ExplorerNode): ExplorerNode {
    return this.elements.current(node);
  }

  /** What the view shows now: the model's snapshot, judged with the current clock, thresholds and view options. */
  snapshot(): ExplorerSnapshot {
    const inputs = this.inputs();
    // A new minute, threshold or view option makes a new snapshot too (expiry moves by the day).
    const key = JSON.stringify([Math.floor(inputs.now / 60_000), inputs.thresholds, inputs.view]);
    if (this.drawn?.key !== key) this.drawn = { snapshot: this.model.snapshot(inputs), key };
    return this.drawn.snapshot;
  }

  /** The inputs a snapshot is judged with; the test API walks the tree with them too. */
  inputs(): SnapshotInputs {
    return { now: Date.now(), thresholds: this.thresholds(), view: this.viewOptions() };
  }

  private updateWelcome(): void {
    const state = welcomeState(this.snapshot());
    if (state === this.lastWelcome) return;
    this.lastWelcome = state;
    void vscode.commands.executeCommand('setContext', 'cloudflareCertificates.welcome', state);
  }

  dispose(): void {
    this.changed.dispose();
    this.redrawn.dispose();
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
