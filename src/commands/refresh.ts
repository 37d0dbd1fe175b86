import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';
import { explorerViewId } from '../views/explorerProvider';
import type { CommandContext } from './context';

/** Refreshes everything loaded, with progress in the view. */
export function refresh(context: CommandContext): () => Promise<void> {
  return async () => {
    await inView(() => context.model.refresh(undefined, context.clients.requestBudget()));
  };
}

/**
 * Refreshes one account, or one zone (the zone of any node below it), with progress in the
 * view: data already shown stays as it is while it is read again, so nothing else moves.
 */
export function refreshNode(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node === undefined) return refresh(context)();
    if (node.type === 'account') return inView(() => context.model.refresh(node.account, context.clients.requestBudget()));
    if (node.type === 'group' && node.group === 'customHostnames') return inView(() => context.model.loadHostnames(node.account, node.zone, { reset: true }));
    if ('zone' in node) return inView(() => context.model.refreshZone(node.account, node.zone));
    return undefined;
  };
}

function inView(work: () => Promise<void>): Thenable<void> {
  return vscode.window.withProgress({ location: { viewId: explorerViewId } }, work);
}

/** Retries the load a failure message is about. */
export function retry(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node?.type !== 'message' || node.retry === undefined) return;
    const target = node.retry;
    if (target.type === 'account') return context.model.loadZones(target.account);
    return refreshNode(context)(target);
  };
}
