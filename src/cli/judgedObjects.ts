import type { ZoneInventory } from '../cloudflare';
import { needsAction, objectHealth, type HealthContext, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';

/** One object of an inventory with the explorer's judgement of it. */
export interface JudgedEntry {
  readonly item: JudgedObject;
  readonly health: ObjectHealth;
}

/**
 * Every object of a zone (the zone itself first, then packs, custom certificates, custom
 * hostnames, client certificates and the fallback origin), each judged by the one rule
 * the tree uses, so the CLI's table, JSON and exit code say what the tree shows.
 */
export function judgedObjects(zone: ZoneInventory, context: HealthContext): JudgedEntry[] {
  const items: JudgedObject[] = [
    { kind: 'zone', object: zone.zone },
    ...(zone.certificatePacks ?? []).map((object): JudgedObject => ({ kind: 'certificatePack', object })),
    ...(zone.customCertificates ?? []).map((object): JudgedObject => ({ kind: 'customCertificate', object })),
    ...(zone.customHostnames ?? []).map((object): JudgedObject => ({ kind: 'customHostname', object })),
    ...(zone.clientCertificates ?? []).map((object): JudgedObject => ({ kind: 'clientCertificate', object })),
    ...(zone.fallbackOrigin ? [{ kind: 'fallbackOrigin', object: zone.fallbackOrigin } as const] : []),
  ];
  return items.map((item) => ({ item, health: objectHealth(item, context) }));
}

/** How many objects of the inventory need action: what makes the exit code 1. */
export function countNeedingAction(zones: readonly ZoneInventory[], context: HealthContext): number {
  let count = 0;
  for (const zone of zones) {
    for (const { health } of judgedObjects(zone, context)) {
      if (needsAction(health.severity)) count += 1;
    }
  }
  return count;
}
