import { needsAction, type ObjectHealth } from '../domain/objectHealth';

/**
 * The groups of the "group by status" view, worst first. Each object lands in exactly one,
 * read off its `objectHealth` (never a second rule), so the groups, the badge, the status
 * bar and "show only problems" always agree with the icons:
 * - `needsAction`: the status itself is a warning or an error, or the certificate expired;
 * - `expiringSoon`: the status is fine but the expiry is a warning or an error;
 * - `unknownStatus`: Cloudflare sent a status the catalog does not know (or none at all);
 * - `inProgress`, `active`, `inactive`: the status's own severity.
 */
export type StatusGroupKind = 'needsAction' | 'expiringSoon' | 'unknownStatus' | 'inProgress' | 'active' | 'inactive';

export const statusGroupOrder: readonly StatusGroupKind[] = ['needsAction', 'expiringSoon', 'unknownStatus', 'inProgress', 'active', 'inactive'];

export const statusGroupLabels: Readonly<Record<StatusGroupKind, string>> = {
  needsAction: 'Needs action',
  expiringSoon: 'Expiring soon',
  unknownStatus: 'Unknown status',
  inProgress: 'In progress',
  active: 'Active',
  inactive: 'Inactive',
};

export function statusGroupOf(health: ObjectHealth): StatusGroupKind {
  if (needsAction(health.status.severity) || health.expiry?.expired === true) return 'needsAction';
  if (health.expiry !== undefined && needsAction(health.expiry.severity)) return 'expiringSoon';
  if (hasUnknownStatus(health)) return 'unknownStatus';
  switch (health.status.severity) {
    case 'progress':
      return 'inProgress';
    case 'ok':
      return 'active';
    default:
      return 'inactive';
  }
}

/** A status the catalog does not know is neutral (never alarming) but still worth a look. */
export function hasUnknownStatus(health: ObjectHealth): boolean {
  return health.status.parts.some((part) => !part.known);
}

/**
 * The groups "show only problems" keeps and the status bar names: the two whose objects
 * need action (`needsAction` health), plus statuses nobody can read.
 */
export const problemGroups: readonly StatusGroupKind[] = ['needsAction', 'expiringSoon', 'unknownStatus'];
