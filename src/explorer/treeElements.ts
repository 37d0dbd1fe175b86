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
  /** What the workbench was last sent for this row: see `Shipped`. */
  shipped?: Shipped;
  /** The ids of the children last handed out, when VS Code asked for them. */
  children?: readonly string[];
  /** Children already built from a snapshot (by `redraw`), handed out again if VS Code asks with the same one. */
  built?: { readonly snapshot: ExplorerSnapshot; readonly children: Children };
}

/**
 * What a row was drawn from, to tell later whether it would draw differently. An object's
 * row depends only on its API object, its zone (the name) and the health inputs, so those
 * references are kept (20,000 hostname rows keep no copy of what they sent); other rows,
 * few, keep the item they sent as JSON.
 */
type Shipped = { readonly object: object; readonly zone: object | undefined; readonly health: string } | { readonly json: string };

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
    const built = parent === undefined ? undefined : this.entries.get(parentId)?.built;
    if (built?.snapshot === snapshot) return built.children;
    const children = childrenOf(snapshot, parent === undefined ? undefined : this.current(parent));
    // One id string per row, shared by the map and the parent's list.
    const ids = children.nodes.map(nodeId);
    const nodes = children.nodes.map((node, index) => this.intern(node, ids[index] ?? nodeId(node), parentId === rootId ? undefined : parentId));
    this.remember(parentId, ids);
    const result = { ...children, nodes };
    const entry = this.entries.get(parentId);
    if (entry !== undefined) entry.built = { snapshot, children: result };
    return result;
  }

  /** A row's item, drawn from the snapshot, noted as sent to the workbench. */
  item(element: ExplorerNode, snapshot: ExplorerSnapshot): TreeItemModel {
    const current = this.current(element);
    const item = present(current, snapshot);
    const entry = this.entries.get(nodeId(element));
    if (entry !== undefined) entry.shipped = shippedFrom(current, item, snapshot);
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
      this.children(entry.element, snapshot);
      if (!sameIds(before, entry.children)) rows.set(id, entry.element);
    }
    for (const [id, entry] of this.entries) {
      if (entry.shipped === undefined || rows.has(id) || !this.touches(touched, entry) || this.below(rows, entry)) continue;
      if (!unchanged(entry.shipped, entry.current, snapshot)) rows.set(id, entry.element);
    }
    // VS Code sends a redrawn row's open rows again too: a row below another redrawn one needs no event of its own.
    const outermost = [...rows].filter(([, row]) => {
      const entry = this.entries.get(nodeId(row));
      return entry === undefined || !this.below(rows, entry);
    });
    return { kind: 'rows', rows: outermost.map(([, row]) => row) };
  }

  /** Whether a row lies below one of these rows. */
  private below(rows: ReadonlyMap<string, ExplorerNode>, entry: Entry): boolean {
    for (let parent = entry.parent; parent !== undefined; parent = this.entries.get(parent)?.parent) {
      if (rows.has(parent)) return true;
    }
    return false;
  }

  /** Forgets every row (the view was reset): the next children are new elements. */
  clear(): void {
    this.entries.clear();
    this.rootChildren = undefined;
  }

  private intern(node: ExplorerNode, id: string, parent: string | undefined): ExplorerNode {
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

/** The API object an object's row draws, if the row is an object's. */
function objectOf(node: ExplorerNode): object | undefined {
  switch (node.type) {
    case 'pack':
      return node.pack;
    case 'customCertificate':
    case 'clientCertificate':
      return node.certificate;
    case 'customHostname':
      return node.hostname;
    default:
      return undefined;
  }
}

/** What the health of an object depends on besides the object (expiry moves in whole days). */
function healthInputs(snapshot: ExplorerSnapshot): string {
  return `${Math.floor(snapshot.now / 60_000)}/${snapshot.thresholds.warningDays}/${snapshot.thresholds.criticalDays}`;
}

function shippedFrom(node: ExplorerNode, item: TreeItemModel, snapshot: ExplorerSnapshot): Shipped {
  const object = objectOf(node);
  if (object !== undefined && 'zone' in node) return { object, zone: snapshot.zone(node.account, node.zone)?.zone, health: healthInputs(snapshot) };
  // The item as the workbench receives it from getTreeItem: everything but the tooltip, which waits for a hover.
  const { tooltip: _tooltip, ...rest } = item;
  return { json: JSON.stringify(rest) };
}

/** Whether the row would be drawn as it was sent. */
function unchanged(shipped: Shipped, node: ExplorerNode, snapshot: ExplorerSnapshot): boolean {
  if ('object' in shipped) {
    return 'zone' in node && objectOf(node) === shipped.object && snapshot.zone(node.account, node.zone)?.zone === shipped.zone && healthInputs(snapshot) === shipped.health;
  }
  const fresh = shippedFrom(node, present(node, snapshot), snapshot);
  return 'json' in fresh && fresh.json === shipped.json;
}
