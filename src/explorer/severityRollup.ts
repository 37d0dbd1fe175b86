import { worstSeverity, type Severity } from '../domain/status';
import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import { needsAction, type CertificateObject, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';
import type { GroupKind } from './nodes';
import { allGroups } from './zoneObjects';

export interface SeverityRollup {
  /** The worst status anywhere in the zone (loaded parts only). */
  readonly severity: Severity;
  /** Objects whose status or expiry is a warning or an error. */
  readonly needAction: number;
}

/** How bad the worst thing in a zone is, and how many things need someone. */
export function zoneSeverity(zone: ZoneState, objects: Readonly<Record<GroupKind, readonly CertificateObject[]>>, judge: (item: JudgedObject) => ObjectHealth): SeverityRollup | undefined {
  const details = valueOf(zone.details);
  if (details === undefined) return undefined;
  const severities = allGroups.flatMap((group) => objects[group].map((object) => judge(object).severity));
  if (details.fallbackOrigin) severities.push(judge({ kind: 'fallbackOrigin', object: details.fallbackOrigin }).severity);
  if (details.errors.length > 0) severities.push('warning');
  return { severity: worstSeverity(severities), needAction: severities.filter(needsAction).length };
}
