import type { ExplorerNode } from '../explorer/nodes';
import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';
import { objectRefOf } from '../explorer/objectLookup';

/**
 * The object a command is about, whoever asks: a tree row's object (menus pass the row),
 * or an ObjectRef (from a panel's toolbar, a notification, or another extension, so checked
 * field by field). The one place where a tree row becomes an object reference.
 */
export function objectTarget(target: unknown): ObjectRef | undefined {
  if (typeof target !== 'object' || target === null) return undefined;
  if ('type' in target) return objectRefOf(target as ExplorerNode);
  const { kind, account, zone, id } = target as Partial<Record<keyof ObjectRef, unknown>>;
  if (typeof kind !== 'string' || typeof account !== 'string' || typeof zone !== 'string' || typeof id !== 'string') return undefined;
  // Round-trips through the key: rejects unknown kinds and ids that would not survive a reload.
  const ref = parseObjectKey(objectKey({ kind: kind as ObjectRef['kind'], account, zone, id }));
  return ref !== undefined && ref.kind === kind && ref.account === account && ref.zone === zone && ref.id === id ? ref : undefined;
}

