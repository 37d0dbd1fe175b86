import type { AccountState, ZoneState } from './explorerState';
import { zoneObjectFilter } from './filter';
import { valueOf } from './loadable';
import { healthOf } from './healthCache';
import type { CertificateObject, HealthContext, ObjectHealth } from '../domain/objectHealth';
import { statusGroupOf, type StatusGroupKind } from './statusGroups';
import type { ViewOptions } from './viewOptions';
import { allGroups, groupObjects } from './zoneObjects';

/** One loaded object with its zone and health, as the status grouping lists it. */
export interface PlacedObject {
  readonly item: CertificateObject;
  readonly zone: ZoneState;
  readonly health: ObjectHealth;
}

interface Memo {
  readonly inputs: readonly unknown[];
  readonly buckets: ReadonlyMap<StatusGroupKind, readonly PlacedObject[]>;
}

/** The last buckets per account: one redraw asks for them once per status group row and once per group opened. */
const memos = new WeakMap<AccountState, Memo>();

/** An account's loaded objects that the filter keeps, by status group. Zones not loaded contribute nothing. */
export function statusBuckets(account: AccountState, view: ViewOptions, context: HealthContext): ReadonlyMap<StatusGroupKind, readonly PlacedObject[]> {
  // What the buckets depend on; loaded data is replaced, never changed in place, so identity will do.
  const inputs: unknown[] = [view.text, view.problemsOnly, Math.floor(context.now / 60_000), context.thresholds.warningDays, context.thresholds.criticalDays];
  for (const zone of account.zoneStates.values()) inputs.push(zone, valueOf(zone.details), valueOf(zone.hostnames));
  const memo = memos.get(account);
  if (memo !== undefined && memo.inputs.length === inputs.length && memo.inputs.every((input, index) => input === inputs[index])) return memo.buckets;
  const buckets = collect(account, view, context);
  memos.set(account, { inputs, buckets });
  return buckets;
}

function collect(account: AccountState, view: ViewOptions, context: HealthContext): Map<StatusGroupKind, PlacedObject[]> {
  const buckets = new Map<StatusGroupKind, PlacedObject[]>();
  for (const zone of account.zoneStates.values()) {
    if (valueOf(zone.details) === undefined) continue;
    const keep = zoneObjectFilter(view, zone.zone.name, context);
    for (const group of allGroups) {
      for (const item of groupObjects(zone, group)) {
        if (!keep(item)) continue;
        const health = healthOf(item, context);
        const kind = statusGroupOf(health);
        const bucket = buckets.get(kind);
        if (bucket === undefined) buckets.set(kind, [{ item, zone, health }]);
        else bucket.push({ item, zone, health });
      }
    }
  }
  return buckets;
}

/** The zones whose objects are missing from the buckets, and why. */
export function zonesWithoutObjects(account: AccountState): { readonly notLoaded: ZoneState[]; readonly loading: ZoneState[]; readonly failed: ZoneState[] } {
  const notLoaded: ZoneState[] = [];
  const loading: ZoneState[] = [];
  const failed: ZoneState[] = [];
  for (const zone of account.zoneStates.values()) {
    if (valueOf(zone.details) !== undefined) continue;
    if (zone.details.status === 'idle') notLoaded.push(zone);
    else if (zone.details.status === 'failed') failed.push(zone);
    else loading.push(zone);
  }
  return { notLoaded, loading, failed };
}
