import type { AccountState } from './explorerState';
import { loadedAt, valueOf } from './loadable';
import { needsAction } from '../domain/objectHealth';
import type { ExplorerSnapshot } from './snapshot';
import { problemGroups, statusGroupLabels, statusGroupOf, statusGroupOrder, type StatusGroupKind } from './statusGroups';
import { zoneIsStale } from './staleness';
import { describeFilter, type ViewOptions } from './viewOptions';
import { allGroups } from './zoneObjects';

export type StatusCounts = Readonly<Record<StatusGroupKind, number>>;

export interface AccountSummary {
  readonly label: string;
  readonly counts: StatusCounts;
}

/**
 * Where the loaded objects stand, for the view's badge and message and the status bar.
 * Objects not loaded yet (zones of a large account nobody expanded, hostname pages not
 * fetched) are not counted: the summary never claims more than the tree has seen.
 */
export interface ExplorerSummary {
  readonly accounts: readonly AccountSummary[];
  readonly counts: StatusCounts;
  /** Objects whose health is a warning or an error: the same rule as the zones' "N need action". */
  readonly needAction: number;
  /** Of those, the ones that are errors (failed, expired, critical). */
  readonly errors: number;
  /** When the newest data shown was loaded. */
  readonly refreshedAt?: number;
  /** Zones whose counts include data from an earlier load, because the last one failed. */
  readonly staleZones?: number;
}

export function summarize(snapshot: ExplorerSnapshot): ExplorerSummary {
  let needAction = 0;
  let errors = 0;
  let staleZones = 0;
  let refreshedAt: number | undefined;
  const totals = emptyCounts();
  const accounts = snapshot.accounts().map((account): AccountSummary => {
    const counts = emptyCounts();
    for (const zone of snapshot.accountView(account.profile.key)?.zones.values() ?? []) {
      if (valueOf(zone.state.details) === undefined) continue;
      if (zoneIsStale(zone.state)) staleZones += 1;
      for (const group of allGroups) {
        for (const item of zone.objects[group]) {
          const health = zone.judge(item);
          const kind = statusGroupOf(health);
          counts[kind] += 1;
          totals[kind] += 1;
          if (needsAction(health.severity)) needAction += 1;
          if (health.severity === 'error') errors += 1;
        }
      }
    }
    refreshedAt = latest(refreshedAt, newestLoad(account));
    return { label: account.profile.label, counts };
  });
  return { accounts, counts: totals, needAction, errors, ...(refreshedAt === undefined ? {} : { refreshedAt }), ...(staleZones === 0 ? {} : { staleZones }) };
}

function emptyCounts(): Record<StatusGroupKind, number> {
  return { needsAction: 0, expiringSoon: 0, unknownStatus: 0, inProgress: 0, active: 0, inactive: 0 };
}

function newestLoad(account: AccountState): number | undefined {
  let newest = loadedAt(account.zones);
  for (const zone of account.zoneStates.values()) newest = latest(latest(newest, loadedAt(zone.details)), loadedAt(zone.hostnames));
  return newest;
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : Math.max(a, b);
}

/** The view's badge: how many objects need action; none at zero. */
export function badgeOf(summary: ExplorerSummary): { readonly value: number; readonly tooltip: string } | undefined {
  const n = summary.needAction;
  const stale = staleNote(summary);
  return n === 0 ? undefined : { value: n, tooltip: `${n} certificate${n === 1 ? ' needs' : 's need'} action${stale === undefined ? '' : ` (${stale})`}` };
}

/** Says when the counts rest partly on data a failed refresh could not renew. */
function staleNote(summary: ExplorerSummary): string | undefined {
  const n = summary.staleZones ?? 0;
  return n === 0 ? undefined : `counts include stale data from ${n} zone${n === 1 ? '' : 's'} whose refresh failed`;
}

/** The problem groups, in the order the status bar names them, with its short words and icons. */
const problemParts: readonly { readonly kind: StatusGroupKind; readonly words: (n: number) => string; readonly icon: (summary: ExplorerSummary) => string }[] = [
  { kind: 'needsAction', words: (n) => (n === 1 ? 'needs action' : 'need action'), icon: (summary) => (summary.errors > 0 ? '$(error)' : '$(warning)') },
  { kind: 'expiringSoon', words: () => 'expiring', icon: () => '$(warning)' },
  { kind: 'unknownStatus', words: () => 'unknown', icon: () => '$(question)' },
];

/**
 * The status bar item: "$(error) 2 need action · $(warning) 1 expiring". Undefined (the item
 * hides) when nothing is a problem: the status bar is shared space, and an item that is
 * always there stops being read; the badge and the tree still say all is well.
 */
export function statusBarOf(summary: ExplorerSummary, now: number): { readonly text: string; readonly tooltip: string } | undefined {
  const parts = problemParts.filter((part) => summary.counts[part.kind] > 0);
  if (parts.length === 0) return undefined;
  const text = parts.map((part) => `${part.icon(summary)} ${summary.counts[part.kind]} ${part.words(summary.counts[part.kind])}`).join(' · ');
  const accountLines = summary.accounts
    .map((account) => ({ label: account.label, problems: describeCounts(account.counts, problemGroups) }))
    .filter((account) => account.problems !== undefined)
    .map((account) => `${account.label}: ${account.problems ?? ''}`);
  const others = describeCounts(summary.counts, ['inProgress', 'active', 'inactive']);
  const tooltip = [
    'Cloudflare Certificates',
    ...accountLines,
    others === undefined ? undefined : `Also: ${others}`,
    summary.refreshedAt === undefined ? undefined : refreshedText(summary.refreshedAt, now),
    staleLine(summary),
    'Click to show only the problems.',
  ].filter((line): line is string => line !== undefined);
  return { text, tooltip: tooltip.join('\n') };
}

function staleLine(summary: ExplorerSummary): string | undefined {
  const note = staleNote(summary);
  return note === undefined ? undefined : `${note.charAt(0).toUpperCase()}${note.slice(1)}.`;
}

/** "Needs action 2, Expiring soon 1": the groups with something in them; undefined when none has. */
function describeCounts(counts: StatusCounts, kinds: readonly StatusGroupKind[]): string | undefined {
  const parts = statusGroupOrder.filter((kind) => kinds.includes(kind) && counts[kind] > 0).map((kind) => `${statusGroupLabels[kind]} ${counts[kind]}`);
  return parts.length === 0 ? undefined : parts.join(', ');
}

/**
 * The view's message: "Refreshed 10:42 · Filter: foo · Problems only". Clock time rather
 * than "3 min ago", so the message never needs a timer to stay true.
 */
export function viewMessage(summary: ExplorerSummary, options: ViewOptions, now: number): string | undefined {
  const parts = [summary.refreshedAt === undefined ? undefined : refreshedText(summary.refreshedAt, now), describeFilter(options)].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' · ');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Refreshed 10:42" today, "Refreshed Nov 3, 10:42" on another day (local time). */
export function refreshedText(at: number, now: number): string {
  const when = new Date(at);
  const today = new Date(now);
  const clock = `${String(when.getHours()).padStart(2, '0')}:${String(when.getMinutes()).padStart(2, '0')}`;
  const sameDay = when.getFullYear() === today.getFullYear() && when.getMonth() === today.getMonth() && when.getDate() === today.getDate();
  return sameDay ? `Refreshed ${clock}` : `Refreshed ${months[when.getMonth()] ?? ''} ${when.getDate()}, ${clock}`;
}
