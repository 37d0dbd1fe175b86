import { canonicalName, isAtOrUnder } from '../names';
import type { ZoneFacts } from '../subject';

/**
 * Whether a CNAME chain goes through the SaaS zone: some name in it is the fallback
 * origin, a `--cname-target` of the zone, or any name at or under the zone. One rule for
 * both the `cname` and `proxied` checks.
 */
export function reachesZone(zone: ZoneFacts, names: readonly string[]): boolean {
  const targets = [zone.fallbackOrigin, ...zone.cnameTargets].filter((name) => name !== null).map(canonicalName);
  return names.some((name) => targets.includes(canonicalName(name)) || isAtOrUnder(name, zone.name));
}

/** The name a custom hostname should CNAME to, for fixes: the fallback origin first. */
export function preferredTarget(zone: ZoneFacts): string {
  return zone.fallbackOrigin ?? zone.cnameTargets[0] ?? zone.name;
}

export function describeChain(name: string, chain: readonly string[]): string {
  return [name, ...chain].slice(0, 14).join(' → ');
}
