import { worstSeverity, type Severity } from '../domain/status';
import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import { healthOf } from './healthCache';
import { needsAction, type HealthContext } from '../domain/objectHealth';
import { allGroups, groupObjects } from './zoneObjects';

export interface SeverityRollup {
  /** The worst status anywhere in the zone (loaded parts only). */
  readonly severity: Severity;
  /** Objects whose status or expiry is a warning or an error. */
  readonly needAction: number;
}

/** How bad the worst thing in a zone is, and how many things need someone. */
export function zoneSeverity(zone: ZoneState, context: HealthContext): SeverityRollup | undefined {
  const details = valueOf(zone.details);
  if (details === undefined) return undefined;
  const severities = allGroups.flatMap((group) => groupObjects(zone, group).map((object) => healthOf(object, context).severity));
  if (details.fallbackOrigin) severities.push(healthOf({ kind: 'fallbackOrigin', object: details.fallbackOrigin }, context).severity);
  if (details.errors.length > 0) severities.push('warning');
  return { severity: worstSeverity(severities), needAction: severities.filter(needsAction).length };
}
