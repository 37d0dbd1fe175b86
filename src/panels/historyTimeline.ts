import type { TimelineBlock } from './document';
import type { CertificateObject } from '../domain/objectHealth';
import { fieldCatalogKind, type Transition, type TransitionField } from '../explorer/statusChanges';
import { describeStatus, PART_LABELS } from '../domain/status';
import { toneOf, type TimeFormat } from './text';
import { LifecycleHeadings } from './headings';

/** The statuses history saw an object in, for one field: where the diagram marks `visited`. */
export function seenStatuses(history: readonly Transition[], field: TransitionField): string[] {
  return history.filter((entry) => entry.field === field).flatMap((entry) => (entry.from === undefined ? [entry.to] : [entry.from, entry.to]));
}

/** The transitions seen, newest first, each with its time and the status it went to. */
export function historyTimeline(kind: CertificateObject['kind'], history: readonly Transition[], format: TimeFormat): TimelineBlock {
  const entries = [...history]
    .sort((a, b) => b.at - a.at)
    .map((entry) => {
      const statusKind = fieldCatalogKind(kind, entry.field);
      const to = describeStatus(statusKind, entry.to);
      const part = kind === 'customHostname' ? `${entry.field === 'sslStatus' ? PART_LABELS.certificate : PART_LABELS.hostname}: ` : '';
      const label = entry.from === undefined ? `${part}First seen as ${to.label}` : `${part}${describeStatus(statusKind, entry.from).label} → ${to.label}`;
      return { at: format(entry.at), label, detail: to.meaning, tone: toneOf(to.severity) };
    });
  return {
    kind: 'timeline',
    title: LifecycleHeadings.history,
    entries,
    empty: 'No status change seen yet. Changes seen by refreshes from now on are listed here, with their times.',
  };
}
