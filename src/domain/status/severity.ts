/**
 * Ordering severities. The worst wins when several statuses describe one thing (a custom
 * hostname's two statuses, a zone's certificates, a tree group):
 *
 *     error > warning > progress > ok > inactive
 *
 * - error and warning first: they are what a user has to act on.
 * - progress beats ok: something still moving is more worth a look than something done,
 *   and a group with a pending child should poll faster.
 * - inactive is last: deleted, inactive and revoked objects are off the edge on purpose
 *   and must never hide the state of live ones. It is also the result for "nothing at
 *   all" (an empty group), the identity of worstSeverity.
 */
import { type Severity } from './types';

const RANKS: ReadonlyMap<Severity, number> = new Map<Severity, number>([
  ['inactive', 0],
  ['ok', 1],
  ['progress', 2],
  ['warning', 3],
  ['error', 4],
]);

/** Higher is worse: inactive 0, ok 1, progress 2, warning 3, error 4; -1 for anything else. */
export function severityRank(severity: Severity): number {
  return RANKS.get(severity) ?? -1;
}

/** Sorts worst first when used with Array.prototype.sort. */
export function compareSeverity(a: Severity, b: Severity): number {
  return severityRank(b) - severityRank(a);
}

/** The worst of the given severities; `inactive` for an empty input. Values that are not severities are ignored. */
export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst: Severity = 'inactive';
  for (const severity of severities) {
    if (severityRank(severity) > severityRank(worst)) {
      worst = severity;
    }
  }
  return worst;
}
