import { assess } from '../domain/status';
import type { ExplorerModel } from './explorerModel';
import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import { allGroups, groupObjects } from './zoneObjects';

/** A loaded object Cloudflare is still moving along, with the statuses it was seen in. */
export interface PendingObject {
  readonly ref: ObjectRef;
  readonly statuses: string;
}

/**
 * Whether Cloudflare is still moving the object along: some part of it (for a custom
 * hostname, the hostname or its certificate) is in a status the catalog marks as not
 * terminal. Timeouts, Active and unknown values are terminal: polling them is wasted.
 */
export function isInProgress(item: CertificateObject): boolean {
  return assess(item.kind, item.object).parts.some((part) => part.known && !part.terminal);
}

/** The raw status values of an object, in one string: two differ when any status changed. */
export function statusesOf(item: CertificateObject): string {
  return assess(item.kind, item.object)
    .parts.map((part) => part.value)
    .join(' / ');
}

/** Every loaded object that is in progress, across accounts and zones. */
export function pendingObjects(model: ExplorerModel): PendingObject[] {
  const pending: PendingObject[] = [];
  for (const account of model.accounts()) {
    for (const zone of account.zoneStates.values()) {
      for (const group of allGroups) {
        for (const item of groupObjects(zone, group)) {
          if (!isInProgress(item)) continue;
          const ref: ObjectRef = { account: account.profile.key, zone: zone.zone.id, kind: item.kind, id: item.object.id };
          pending.push({ ref, statuses: statusesOf(item) });
        }
      }
    }
  }
  return pending;
}
