import { childrenOf } from './children';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode } from './nodes';
import { present } from './presentation';
import type { SnapshotInputs } from './snapshot';
import type { TreeItemModel } from './treeItemModel';

/** A tree item with its node and, when expanded, its children. */
export interface WalkedItem extends TreeItemModel {
  readonly node: ExplorerNode;
  readonly depth: number;
  readonly children: WalkedItem[];
}

/**
 * Expands the whole tree as a user would, loading what each node needs before reading
 * its children, and returns it as data: for the extension's test API and for tests.
 * Nodes below `maxDepth` are not expanded.
 */
export async function walkTree(model: ExplorerModel, inputs: () => SnapshotInputs, maxDepth = 8): Promise<WalkedItem[]> {
  const walk = async (node: ExplorerNode | undefined, depth: number): Promise<WalkedItem[]> => {
    let children = childrenOf(model.snapshot(inputs()), node);
    if (children.load !== undefined) {
      await model.startLoad(children.load);
      await model.whenIdle();
      children = childrenOf(model.snapshot(inputs()), node);
    }
    const items: WalkedItem[] = [];
    for (const child of children.nodes) {
      const item = present(child, model.snapshot(inputs()));
      const expand = item.collapsible !== 'none' && depth < maxDepth;
      items.push({ ...item, node: child, depth, children: expand ? await walk(child, depth + 1) : [] });
    }
    return items;
  };
  return walk(undefined, 0);
}

/** Every item of a walked tree, depth first. */
export function flattenTree(items: readonly WalkedItem[]): WalkedItem[] {
  return items.flatMap((item) => [item, ...flattenTree(item.children)]);
}
