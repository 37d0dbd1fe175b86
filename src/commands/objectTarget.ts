import type { ExplorerNode } from '../explorer/nodes';
import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';
import { objectRefOf } from '../explorer/objectLookup';
import { AppError } from '../shared/appError';

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

/**
 * An object command over whatever ran it: a tree menu passes its row, a panel its
 * ObjectRef, and both become the same reference here, before the handler. These commands
 * are not in the palette, so nothing at all means a tree menu whose row was redrawn
 * between the right-click and the command (VS Code forgets the rows below a redrawn row
 * until it has asked for them again): that is said, not silently ignored. A command also
 * run with nothing on purpose (the walkthrough's "Diagnose…" link) says itself what to do.
 */
export function onObject(handler: (ref?: ObjectRef) => Promise<void>, nothing: 'redrawn' | 'handler' = 'redrawn'): (target?: unknown) => Promise<void> {
  return async (target) => {
    if ((target === undefined || target === null) && nothing === 'redrawn') {
      throw new AppError('row_redrawn', 'That row was redrawn while its menu was open, so the command was given nothing to act on. Run it again from the row.');
    }
    await handler(objectTarget(target));
  };
}
