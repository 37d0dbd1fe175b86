import type { Finding, FindingSeverity } from '../diagnose';
import { ACTOR_LABELS } from '../domain/status';
import { escapeMarkdown } from '../shared/markdown';
import type { DiagnosisRecord } from './diagnosisResults';

/** How a finding's severity reads, in the panel and the tooltip. */
export const findingSeverityLabels: Readonly<Record<FindingSeverity, string>> = {
  error: 'Problem',
  warning: 'Warning',
  unknown: 'Could not tell',
  info: 'Note',
  ok: 'OK',
};

/** The finding that says most: the worst one (the engine sorts worst first). */
export function headlineFinding(record: DiagnosisRecord): Finding | undefined {
  return record.diagnosis.findings[0];
}

/** Whether the tree marks the object: a diagnosis with at least one problem (error) finding. */
export function hasErrorFinding(record: DiagnosisRecord | undefined): boolean {
  return record?.worst === 'error';
}

/** Characters of a finding's message a tooltip shows. */
const maxTooltipMessage = 300;

/**
 * The tooltip lines a tree row gets from its object's last diagnosis: the headline finding
 * and who must act, or that everything checked is right. Markdown, every API or DNS
 * string escaped. Undefined when the object was never diagnosed.
 */
export function diagnosisTooltip(record: DiagnosisRecord | undefined, format: (ms: number) => string): string | undefined {
  if (record === undefined) return undefined;
  const finding = headlineFinding(record);
  const when = `*Diagnosed ${escapeMarkdown(format(record.checkedAt))}*`;
  if (finding === undefined || record.worst === 'ok' || record.worst === 'info') return `${when}: ${escapeMarkdown(record.summary)}`;
  const message = finding.message.length > maxTooltipMessage ? `${finding.message.slice(0, maxTooltipMessage - 1)}…` : finding.message;
  const others = record.diagnosis.findings.filter((candidate) => candidate.severity === 'error' || candidate.severity === 'warning' || candidate.severity === 'unknown').length - 1;
  return [
    `${when}: **${findingSeverityLabels[finding.severity]}** (${escapeMarkdown(ACTOR_LABELS[finding.actor])} must act): ${escapeMarkdown(message)}`,
    others > 0 ? `…and ${others} more; **Show Details** lists them with their fixes.` : undefined,
  ].filter((line) => line !== undefined).join('\n\n');
}
