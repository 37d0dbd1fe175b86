import type { ObjectRef } from '../domain/objectRef';
import { childrenOf, type Children } from './children';
import type { ModelChange } from './explorerModel';
import { nodeId, type ExplorerNode } from './nodes';
import { objectRefOf } from './objectLookup';
import { present } from './presentation';
import type { ExplorerSnapshot } from './snapshot';
import type { TreeItemModel } from './treeItemModel';

interface Entry {
  /** The object VS Code was handed for this id, and is handed again for as long as the row exists. */
  readonly element: ExplorerNode;
  /** The node as the latest snapshot builds it (with the freshest copy of its object). */
  current: ExplorerNode;
  /** The parent's id; undefined for a root row. */
  readonly parent: string | undefined;
  /** What the workbench was last sent for this row (the item without its tooltip), as JSON. */
  shipped?: string;
  /** The ids of the children last handed out, when VS Code asked for them. */
  children?: readonly string[];
}

/** What a model change asks the tree to redraw: some rows, or (the root's rows changed) everything. */
export type TreeRedraw = { readonly kind: 'all' } | { readonly kind: 'rows'; readonly rows: readonly ExplorerNode[] };

const rootId = '';

/**
 * The explorer's rows as VS Code holds them. VS Code finds a row by the element object it
 * was given and silently skips elements it does not know, so a row keeps one element object
 * for its whole life (one per id), whatever snapshot drew it last. After a model change,
 * `redraw` says which rows to send again: those whose item or children changed within what
 * the change touched, not the whole tree. Pure: the tree provider and the benchmark use it.
 */
export class TreeElements {
  private readonly entries = new Map<string, Entry>();
  private rootChildren: readonly string[] | undefined;

  /** The children of a row (or the roots) as the snapshot has them, as the rows' lasting elements. */
  children(parent: ExplorerNode | undefined, snapshot: ExplorerSnapshot): Children {
    const parentId = parent === undefined ? rootId : nodeId(parent);
    const children = childrenOf(snapshot, parent === undefined ? undefined : this.current(parent));
    const nodes = children.nodes.map((node) => this.intern(node, parentId === rootId ? undefined : parentId));
    this.remember(parentId, nodes.map(nodeId));
    return { ...children, nodes };
  }

  /** A row's item, drawn from the snapshot, noted as sent to the workbench. */
  item(element: ExplorerNode, snapshot: ExplorerSnapshot): TreeItemModel {
    const item = present(this.current(element), snapshot);
    const entry = this.entries.get(nodeId(element));
    if (entry !== undefined) entry.shipped = shippedForm(item);
    return item;
  }

  /** The node as the latest snapshot has it, for an element VS Code hands back (a click, a hover, a menu). */
  current(element: ExplorerNode): ExplorerNode {
    return this.entries.get(nodeId(element))?.current ?? element;
  }

  /**
   * The rows a change makes stale: within what it touched, those whose item now differs from
   * what was sent, and those whose children changed (VS Code then asks for them again).
   */
  redraw(change: ModelChange, snapshot: ExplorerSnapshot): TreeRedraw {
    if (this.rootChildren !== undefined && !sameIds(this.rootChildren, childrenOf(snapshot, undefined).nodes.map(nodeId))) return { kind: 'all' };
    const touched = scopeOf(change);
    const rows = new Map<string, ExplorerNode>();
    // Parents first: a parent whose children changed is sent again whole, children included.
    for (const [id, entry] of [...this.entries]) {
      if (!this.entries.has(id) || entry.children === undefined || !this.touches(touched, entry)) continue;
      const before = entry.children;
      const after = this.children(entry.element, snapshot).nodes.map(nodeId);
      if (!sameIds(before, after)) rows.set(id, entry.element);
    }
    for (const [id, entry] of this.entries) {
      if (entry.shipped === undefined || rows.has(id) || !this.touches(touched, entry)) continue;
      const { tooltip: _tooltip, ...item } = present(entry.current, snapshot);
      if (JSON.stringify(item) !== entry.shipped) rows.set(id, entry.element);
    }
    return { kind: 'rows', rows: [...rows.values()] };
  }

  /** Forgets every row (the view was reset): the next children are new elements. */
  clear(): void {
    this.entries.clear();
    this.rootChildren = undefined;
  }

  private intern(node: ExplorerNode, parent: string | undefined): ExplorerNode {
    const id = nodeId(node);
    const known = this.entries.get(id);
    if (known !== undefined) {
      known.current = node;
      return known.element;
    }
    this.entries.set(id, { element: node, current: node, parent });
    return node;
  }

  /** Notes a parent's children, dropping the rows (and their rows) it no longer has. */
  private remember(parentId: string, ids: readonly string[]): void {
    const before = parentId === rootId ? this.rootChildren : this.entries.get(parentId)?.children;
    if (parentId === rootId) this.rootChildren = ids;
    else {
      const entry = this.entries.get(parentId);
      if (entry !== undefined) entry.children = ids;
    }
    if (before === undefined) return;
    const kept = new Set(ids);
    for (const id of before) if (!kept.has(id)) this.drop(id);
  }

  private drop(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    for (const child of entry.children ?? []) this.drop(child);
  }

  /** Whether a row lies within what a change touched (messages and other rows without an object go with their parent). */
  private touches(scope: Scope, entry: Entry): boolean {
    const node = entry.current;
    if (node.type === 'message') {
      const parent = entry.parent === undefined ? undefined : this.entries.get(entry.parent);
      return parent === undefined ? scope.all : this.touches(scope, parent);
    }
    return inScope(scope, node);
  }
}

interface Scope {
  readonly all: boolean;
  readonly account?: string;
  readonly zone?: string;
  /** Ids of the objects changed, when the change was to objects alone. */
  readonly objects?: ReadonlySet<string>;
}

function scopeOf(change: ModelChange): Scope {
  if (change.account === undefined) return { all: true };
  const objects = change.objects === undefined ? undefined : new Set(change.objects.map((ref: ObjectRef) => ref.id));
  return { all: false, account: change.account, ...(change.zone === undefined ? {} : { zone: change.zone }), ...(objects === undefined ? {} : { objects }) };
}

/**
 * The rows a change can alter: the account's own row and its status groups (their counts)
 * always; the zone's rows for a zone change; for objects alone, their rows, the rows below
 * them, and the zone and group rows that count them.
 */
function inScope(scope: Scope, node: Exclude<ExplorerNode, { type: 'message' }>): boolean {
  if (scope.all) return true;
  if (node.account !== scope.account) return false;
  if (node.type === 'account' || node.type === 'statusGroup' || scope.zone === undefined) return true;
  if (node.zone !== scope.zone) return false;
  if (scope.objects === undefined || node.type === 'zone' || node.type === 'group') return true;
  const ref = objectRefOf(node);
  if (ref !== undefined) return scope.objects.has(ref.id);
  return (node.type === 'host' || node.type === 'record') && scope.objects.has(node.owner);
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, index) => id === b[index]);
}

/** The item as the workbench receives it from getTreeItem: everything but the tooltip, which waits for a hover. */
function shippedForm(item: TreeItemModel): string {
  const { tooltip: _tooltip, ...rest } = item;
  return JSON.stringify(rest);
}
