import type { ExplorerNode } from '../explorer/nodes';
import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';
import { objectRefOf } from '../explorer/objectLookup';
import type { CommandContext } from './context';

/**
 * The object a "Show Details" caller means: a tree node's object, or an ObjectRef (from a
 * notification, the probe results panel, or another extension, so checked field by field).
 */
export function detailsTarget(target: unknown): ObjectRef | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  if ('type' in target) return objectRefOf(target as ExplorerNode);
  const { kind, account, zone, id } = target as Partial<Record<keyof ObjectRef, unknown>>;
  if (typeof kind !== 'string' || typeof account !== 'string' || typeof zone !== 'string' || typeof id !== 'string') return undefined;
  // Round-trips through the key: rejects unknown kinds and ids that would not survive a reload.
  const ref = parseObjectKey(objectKey({ kind: kind as ObjectRef['kind'], account, zone, id }));
  return ref !== undefined && ref.kind === kind && ref.account === account && ref.zone === zone && ref.id === id ? ref : undefined;
}

/** "Show Details": the lifecycle panel of a certificate object, opened or revealed. */
export function showDetails(context: CommandContext): (target?: ExplorerNode | ObjectRef) => Promise<void> {
  return async (target) => {
    const ref = detailsTarget(target);
    if (ref === undefined) {
      context.logger.debug('Show Details: no certificate object given; nothing to show.');
      return;
    }
    await context.lifecyclePanels.show(ref);
  };
}
