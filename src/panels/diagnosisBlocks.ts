import type { Finding, FindingSeverity, Fix } from '../diagnose';
import { ACTOR_LABELS } from '../domain/status';
import type { DiagnosisRecord } from '../probing/diagnosisResults';
import { findingSeverityLabels } from '../probing/diagnosisPresentation';
import type { Block, Tone, Value } from './document';
import { LifecycleHeadings } from './headings';
import { cap, capList, MAX_VALUE, type TimeFormat } from './text';

/** What the Diagnosis section shows: the object's last diagnosis, if any, and whether one is running. */
export interface DiagnosisInput {
  readonly record?: DiagnosisRecord;
  readonly running: boolean;
  /** The object's diagnosisBasis now: when it differs from the record's, the object changed since. */
  readonly basis: string;
}

const tones: Readonly<Record<FindingSeverity, Tone>> = { error: 'error', warning: 'warning', unknown: 'inactive', info: 'info', ok: 'ok' };

/** Findings shown at most: a pack covers up to 100 names, each checked several ways. */
const maxFindings = 100;

const checkLabels: Readonly<Record<Finding['check'], string>> = {
  dns: 'DNS',
  proxied: 'Proxied elsewhere',
  cname: 'CNAME',
  ownership: 'Ownership',
  caa: 'CAA',
  txt: 'TXT',
  'dcv-delegation': 'DCV delegation',
  http: 'HTTP token',
};

function findingRow(finding: Finding): Value[] {
  return [
    { text: findingSeverityLabels[finding.severity], tone: tones[finding.severity] },
    { text: checkLabels[finding.check] },
    { text: cap(finding.name), code: true },
    { text: cap(finding.message, 1_000) },
    { text: finding.actor === 'none' ? '—' : ACTOR_LABELS[finding.actor] },
  ];
}

/** What each copy button copies: the record's own words (a TXT value, an HTTP body). */
function fixRow(fix: Fix): Value[] {
  const http = fix.type === 'HTTP';
  return [
    { text: cap(fix.text, 1_000) },
    { text: cap(fix.type, 20) },
    { text: cap(fix.name, MAX_VALUE), code: true, copyLabel: http ? 'HTTP URL' : `${cap(fix.type, 20)} name` },
    { text: cap(fix.value, MAX_VALUE), code: true, copyLabel: http ? 'HTTP body' : `${cap(fix.type, 20)} value` },
  ];
}

/** Each distinct fix once, in the order of the findings (worst first). */
function fixesOf(findings: readonly Finding[]): Fix[] {
  const seen = new Set<string>();
  return findings.flatMap((finding) => {
    const { fix } = finding;
    if (fix === null) return [];
    const key = JSON.stringify([fix.type, fix.name, fix.value]);
    if (seen.has(key)) return [];
    seen.add(key);
    return [fix];
  });
}

const aboutDiagnose = 'Diagnose checks the DNS and HTTP this object\u2019s validation depends on (CAA, TXT, DCV delegation, CNAME, another Cloudflare zone proxying it, ownership, the HTTP token) and says what to change.';

/**
 * The lifecycle panel's Diagnosis section: a callout with the verdict and the headline
 * finding, the findings worst first with who must act, the fixes with copy buttons, and
 * what was checked and when. Only packs and custom hostnames have one.
 */
export function diagnosisBlocks(input: DiagnosisInput, format: TimeFormat): Block[] {
  const { record } = input;
  if (record === undefined) {
    return [{ kind: 'callout', tone: input.running ? 'progress' : 'info', title: LifecycleHeadings.diagnosis, lines: [input.running ? 'Diagnosing\u2026' : `Not diagnosed since VS Code started. ${aboutDiagnose}`] }];
  }
  const { findings } = record.diagnosis;
  const headline = findings[0];
  const changed = record.basis !== input.basis;
  const lines = [
    cap(record.summary, 600),
    ...(headline !== undefined && record.worst !== 'ok' && record.worst !== 'info' ? [`${findingSeverityLabels[headline.severity]}: ${cap(headline.message, 600)}`] : []),
    input.running ? 'Diagnosing again\u2026' : changed ? 'The object changed since this diagnosis: run Diagnose again.' : `Checked ${format(record.checkedAt)}.`,
  ];
  const fixes = fixesOf(findings);
  const checks = [...new Set(findings.map((finding) => checkLabels[finding.check]))];
  return [
    { kind: 'callout', tone: input.running ? 'progress' : tones[record.worst], title: LifecycleHeadings.diagnosis, lines },
    {
      kind: 'table',
      title: LifecycleHeadings.diagnosisFindings,
      columns: ['Result', 'Check', 'Name', 'Finding', 'Who must act'],
      rows: findings.slice(0, maxFindings).map(findingRow),
      empty: 'No check applies to this object in its current status.',
    },
    ...(fixes.length === 0 ? [] : [{
      kind: 'table' as const,
      title: LifecycleHeadings.diagnosisFixes,
      columns: ['What to do', 'Type', 'Name', 'Value'],
      rows: fixes.slice(0, maxFindings).map(fixRow),
    }]),
    {
      kind: 'facts',
      title: LifecycleHeadings.diagnosisChecked,
      rows: [
        { label: 'Checked', value: { text: format(record.checkedAt) } },
        { label: 'Checks', value: { text: checks.join(', ') || '—' } },
        { label: 'DNS servers', value: { text: capList([...record.servers], 16, 60).join(', '), code: true } },
        ...(record.apiErrors.length === 0 ? [] : [{ label: 'Could not ask Cloudflare', value: { text: capList([...record.apiErrors], 4, 300).join(' \u00b7 '), tone: 'warning' as const } }]),
        ...(changed ? [{ label: 'Status then', value: { text: cap([record.diagnosis.status, record.diagnosis.ssl_status].filter((part) => part !== null).join(' \u00b7 ')) } }] : []),
      ],
    },
  ];
}
