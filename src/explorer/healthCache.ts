import { objectHealth, type HealthContext, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';

interface Entry {
  readonly minute: number;
  readonly warningDays: number;
  readonly criticalDays: number;
  readonly health: ObjectHealth;
}

/** Keyed by the API object itself: a reload brings new objects, and old entries go with them. */
const cache = new WeakMap<object, Entry>();

/**
 * `objectHealth`, remembered per object for the minute: the tree items, their group's and
 * zone's counts, the filter, the status groups and the summary each ask about every loaded
 * object on every redraw, and with 20,000 custom hostnames the rule's cost (about 15 µs an
 * object) would add up to seconds. Expiry moves in whole days, so a minute-old answer is
 * as good as a new one; and since all of them read this one cache, they always agree.
 */
export function healthOf(item: JudgedObject, context: HealthContext): ObjectHealth {
  const minute = Math.floor(context.now / 60_000);
  const { warningDays, criticalDays } = context.thresholds;
  const known = cache.get(item.object);
  if (known !== undefined && known.minute === minute && known.warningDays === warningDays && known.criticalDays === criticalDays) return known.health;
  const health = objectHealth(item, context);
  cache.set(item.object, { minute, warningDays, criticalDays, health });
  return health;
}
