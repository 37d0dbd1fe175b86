import type { Verdict } from '../probe';
import { VERDICT_ORDER } from '../probe/verdictOrder';

/** One probe typed by hand, as "Probe Hostname…" offers it again. */
export interface RecentProbe {
  readonly servername: string;
  /** The connect target as typed; absent for the hostname's own DNS. */
  readonly connect?: string;
  readonly verdict?: Verdict;
  /** ISO time of the last probe. */
  readonly at: string;
}

export const RECENT_PROBES_LIMIT = 10;

function sameProbe(a: RecentProbe, b: RecentProbe): boolean {
  return a.servername.toLowerCase() === b.servername.toLowerCase() && (a.connect ?? '').toLowerCase() === (b.connect ?? '').toLowerCase();
}

/** The list with `probe` first; an earlier entry for the same name and target gives way to it. */
export function rememberProbe(list: readonly RecentProbe[], probe: RecentProbe, limit = RECENT_PROBES_LIMIT): RecentProbe[] {
  return [probe, ...list.filter((entry) => !sameProbe(entry, probe))].slice(0, Math.max(0, limit));
}

function isRecentProbe(value: unknown): value is RecentProbe {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry['servername'] === 'string' &&
    entry['servername'] !== '' &&
    typeof entry['at'] === 'string' &&
    (entry['connect'] === undefined || typeof entry['connect'] === 'string') &&
    (entry['verdict'] === undefined || (VERDICT_ORDER as readonly unknown[]).includes(entry['verdict']))
  );
}

/** The stored list, keeping only well-formed entries: state written by another version may differ. */
export function parseRecentProbes(stored: unknown): RecentProbe[] {
  return Array.isArray(stored) ? stored.filter(isRecentProbe).slice(0, RECENT_PROBES_LIMIT) : [];
}
