import { allStatuses } from './describeStatus';
import { OBJECT_KINDS, SEVERITIES, SEVERITY_ICONS, UNKNOWN_COLOR, UNKNOWN_ICON, type Severity } from './types';

/** One icon in one colour, as the tree draws it, and the status labels drawn with it. */
export interface LegendEntry {
  /** A codicon id, possibly with a modifier (`sync~spin`). */
  readonly icon: string;
  /** A theme colour id. */
  readonly color: string;
  /** Undefined for the icon of statuses the catalog does not know. */
  readonly severity: Severity | undefined;
  /** What the icon says, in one line. */
  readonly meaning: string;
  /** The dashboard labels drawn with it, each once, in catalog order. */
  readonly labels: readonly string[];
}

/** What each severity tells the reader of the tree. */
export const SEVERITY_MEANINGS: Readonly<Record<Severity, string>> = {
  error: 'Failed or stuck: someone must act',
  warning: 'Needs attention, or waits on someone outside Cloudflare',
  progress: 'Moving along; nothing is wrong yet',
  ok: 'Active and healthy',
  inactive: 'Off the edge on purpose',
};

/**
 * Every icon and colour the catalog gives a status, worst severity first (each severity's
 * default icon before the more specific ones), then the icon of an unknown status. The
 * walkthrough's legend is drawn from this, so it names every status the tree can show.
 */
export function statusLegend(): LegendEntry[] {
  const entries = new Map<string, { icon: string; color: string; severity: Severity; labels: string[] }>();
  for (const kind of OBJECT_KINDS) {
    for (const status of allStatuses(kind)) {
      const key = `${status.icon} ${status.color}`;
      const entry = entries.get(key) ?? { icon: status.icon, color: status.color, severity: status.severity, labels: [] };
      if (!entry.labels.includes(status.label)) entry.labels.push(status.label);
      entries.set(key, entry);
    }
  }
  const rank = (entry: { icon: string; severity: Severity }): number => SEVERITIES.indexOf(entry.severity) * 2 + (entry.icon === SEVERITY_ICONS[entry.severity] ? 0 : 1);
  // The catalog draws a few undocumented values as it draws unknown ones: one row says both.
  const unknownKey = `${UNKNOWN_ICON} ${UNKNOWN_COLOR}`;
  const undocumented = entries.get(unknownKey)?.labels ?? [];
  entries.delete(unknownKey);
  const known = [...entries.values()].sort((a, b) => rank(a) - rank(b) || a.icon.localeCompare(b.icon));
  return [
    ...known.map((entry) => ({ ...entry, meaning: SEVERITY_MEANINGS[entry.severity] })),
    { icon: UNKNOWN_ICON, color: UNKNOWN_COLOR, severity: undefined, meaning: 'Undocumented, or unknown to the catalog: shown as Cloudflare sent it', labels: undocumented },
  ];
}
