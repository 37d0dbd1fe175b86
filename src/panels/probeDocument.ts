import type { CertificateSummary, DnsReport, ProbeResult } from '../probe';
import { VERDICT_ORDER } from '../probe/verdictOrder';
import type { Action, Block, FactsBlock, PanelDocument, TableBlock, Value } from './document';
import { probeRunJson } from '../probing/probeCopies';
import { runVerdict, type ProbeOutcome, type ProbeRun } from '../probing/probeRun';
import { formatRuleTarget } from '../probe/resolveRules';
import { summarizeVerdicts, verdictHeadline, verdictLabel } from '../probing/verdictPresentation';
import { daysLeftValue, displayName, probeRow, probeRowColumns, timeText, verdictTone } from './probeBlocks';
import { cap, MAX_JSON, type TimeFormat } from './text';

import { ProbeActions } from './probeActions';

export { ProbeActions };

export interface ProbeDocumentOptions {
  /** Below this many days left a certificate is "expiring"; the explorer's setting. */
  readonly warningDays?: number;
  readonly format?: TimeFormat;
}

/** How many problem lines the summary callout lists before "and N more". */
const SUMMARY_LINES = 5;

/**
 * The probe results panel: the verdict first, then the comparison with the API, the chain,
 * timings, TLS and DNS; for several names (a pack, a zone) the matrix of names first.
 * Pure data. Strings from certificates, DNS and the API are capped here and escaped by
 * the renderer, never read as markup.
 */
export function buildProbeDocument(run: ProbeRun, options: ProbeDocumentOptions = {}): PanelDocument {
  const verdict = runVerdict(run);
  const single = run.outcomes.length === 1 && run.plan.source.kind !== 'zone' ? run.outcomes[0] : undefined;
  const count = run.plan.probes.length;
  return {
    title: cap(run.plan.title),
    subtitle: single === undefined ? `${count} ${count === 1 ? 'name' : 'names'}` : routeLine(single),
    ...(verdict === undefined ? {} : { status: { label: verdictLabel(verdict), tone: verdictTone(verdict) } }),
    note: `Probed ${timeText(run.finishedAt, options.format)}${run.cancelled === undefined ? '' : ` · cancelled after ${run.cancelled.done} of ${run.cancelled.total}`}`,
    actions: actionsFor(run),
    blocks: single === undefined ? manyBlocks(run, options) : singleBlocks(run, single, options),
  };
}

function actionsFor(run: ProbeRun): Action[] {
  const actions: Action[] = [{ id: ProbeActions.probeAgain, label: 'Probe Again', icon: 'refresh', primary: true }];
  if (run.outcomes.length > 0) {
    actions.push({ id: ProbeActions.copyJson, label: 'Copy as JSON', icon: 'json' }, { id: ProbeActions.copyOpenssl, label: 'Copy openssl Command', icon: 'terminal' });
  }
  if (run.outcomes.some((outcome) => outcome.result.chain.length > 0)) actions.push({ id: ProbeActions.openServedChain, label: 'Open Served Chain', icon: 'file-code' });
  if (run.plan.ref !== undefined) actions.push({ id: ProbeActions.showDetails, label: 'Show Details', icon: 'info' });
  return actions;
}

function routeLine(outcome: ProbeOutcome): string {
  const { target, sni } = outcome.result;
  const where = `${target.host}:${target.port}${target.address === null || target.address === target.host ? '' : ` (${target.address})`}`;
  const parts = [`SNI ${sni ?? 'none'} → ${where}`];
  if (outcome.planned.connectLabel !== undefined) parts.push(`via ${outcome.planned.connectLabel}`);
  if (outcome.rule !== undefined) parts.push(`resolve rule ${outcome.rule.pattern} → ${formatRuleTarget(outcome.rule)}`);
  return cap(parts.join(' · '));
}

function skippedLine(run: ProbeRun): string[] {
  return run.plan.skipped.length === 0 ? [] : [cap(`Not probed: ${run.plan.skipped.join(', ')} (a wildcard needs a real name under it; use "Probe Hostname…").`)];
}

function statusLine(outcome: ProbeOutcome): string[] {
  const { expected } = outcome;
  if (expected?.status === undefined || expected.status === 'active') return [];
  return [cap(`The API gives this certificate the status ${expected.statusLabel ?? expected.status}, not Active, so the edge is not expected to serve it.`)];
}

function singleBlocks(run: ProbeRun, outcome: ProbeOutcome, options: ProbeDocumentOptions): Block[] {
  const { result } = outcome;
  return [
    { kind: 'callout', tone: verdictTone(result.verdict), title: verdictHeadline(result.verdict, outcome.expected !== undefined), lines: [...result.reasons.map((reason) => cap(reason)), ...statusLine(outcome), ...skippedLine(run)] },
    comparisonTable(outcome),
    ...detailBlocks(outcome, '', options),
    { kind: 'code', title: 'Raw result (JSON)', text: cap(probeRunJson(run), MAX_JSON), copyLabel: 'JSON' },
  ];
}

function comparisonTable(outcome: ProbeOutcome): TableBlock {
  return {
    kind: 'table',
    title: outcome.expected === undefined ? 'Compared with the API' : `Compared with the API: ${outcome.expected.label}`,
    columns: ['Field', 'API says', 'Served'],
    rows: outcome.comparison.map((row) => [
      { text: row.field },
      { text: cap(row.expected), code: true },
      { text: cap(row.served), code: true, ...(row.matches === null ? {} : { tone: row.matches ? ('ok' as const) : ('error' as const) }) },
    ]),
    empty:
      outcome.planned.expected.length === 0
        ? 'Nothing to compare: no certificate object loaded in the Cloudflare Certificates view covers this name. Expand its zone there, then probe again.'
        : 'The API names nothing to compare.',
  };
}

/** Chain, timings, TLS and DNS of one result; `of` names it when the panel shows several. */
function detailBlocks(outcome: ProbeOutcome, of: string, options: ProbeDocumentOptions): Block[] {
  const { result } = outcome;
  return [chainTable(result, of, options), timingFacts(result, of), tlsFacts(result, of), dnsFacts(outcome, of)];
}

function keyText(certificate: CertificateSummary): string {
  const kind = certificate.keyType === 'ec' ? 'ECDSA' : (certificate.keyType ?? 'unknown').toUpperCase();
  const size = certificate.curve ?? (certificate.keyBits === null ? null : String(certificate.keyBits));
  return cap([kind, size, certificate.signatureAlgorithm === null ? null : `signed ${certificate.signatureAlgorithm}`].filter((part) => part !== null).join(' '));
}

function chainTable(result: ProbeResult, of: string, options: ProbeDocumentOptions): TableBlock {
  return {
    kind: 'table',
    title: `Chain as served${of}`,
    columns: ['Subject', 'Issuer', 'Serial', 'Key', 'Valid', 'Days left'],
    rows: result.chain.map((certificate): Value[] => {
      const flags = [certificate.isCA ? 'CA' : null, certificate.selfSigned ? 'self-signed' : null].filter((flag) => flag !== null);
      return [
        { text: cap(flags.length === 0 ? certificate.subject : `${certificate.subject} [${flags.join(', ')}]`) },
        { text: cap(certificate.issuer) },
        { text: cap(certificate.serialNumber), code: true, copyLabel: 'serial number' },
        { text: keyText(certificate) },
        { text: `${certificate.validFrom.slice(0, 10)} → ${certificate.validTo.slice(0, 10)}` },
        daysLeftValue(certificate.daysLeft, options.warningDays),
      ];
    }),
    empty: result.error === null ? 'No certificate was served.' : cap(`No certificate: ${result.error.message}`),
  };
}

const ms = (value: number | null): Value => ({ text: value === null ? '—' : `${value.toFixed(1)} ms` });

function timingFacts(result: ProbeResult, of: string): FactsBlock {
  const { timings } = result;
  return {
    kind: 'facts',
    title: `Timings${of}`,
    rows: [
      { label: 'DNS', value: ms(timings.dnsMs) },
      { label: 'Connect', value: ms(timings.connectMs) },
      { label: 'TLS handshake', value: ms(timings.tlsMs) },
      { label: 'Total', value: ms(timings.totalMs) },
    ],
  };
}

function tlsFacts(result: ProbeResult, of: string): FactsBlock {
  const title = `TLS${of}`;
  if (result.tls === null) {
    const why = result.error === null ? 'Not completed' : `${result.error.code} at ${result.error.stage}: ${result.error.message}`;
    return { kind: 'facts', title, rows: [{ label: 'Handshake', value: { text: cap(why), tone: 'error' } }] };
  }
  const { trust } = result;
  const store = trust === null ? '' : trust.store === 'default' ? ' (default roots)' : ` (bundled roots + ${trust.extraRootsLabel ?? 'extra roots'})`;
  const rows: FactsBlock['rows'][number][] = [
    { label: 'Protocol', value: { text: cap(result.tls.protocol ?? '—') } },
    { label: 'Cipher', value: { text: cap(result.tls.cipher ?? '—'), code: true } },
    { label: 'ALPN', value: { text: cap(result.tls.alpn ?? 'none') } },
    { label: 'OCSP', value: { text: result.tls.ocspStapled ? 'Stapled' : 'Not stapled' } },
  ];
  if (trust !== null) {
    rows.push({ label: 'Trust', value: { text: cap(`${trust.authorized ? 'Trusted' : `Not trusted: ${trust.error ?? 'unknown reason'}`}${store}`), tone: trust.authorized ? 'ok' : 'error' } });
  }
  if (result.hostnameMatch !== null) {
    rows.push({ label: 'Name', value: { text: cap(result.hostnameMatch ? `Covers ${result.servername}` : (result.hostnameError ?? 'Does not cover the name')), tone: result.hostnameMatch ? 'ok' : 'error' } });
  }
  return { kind: 'facts', title, rows };
}

function dnsText(report: DnsReport): string {
  const hops = report.cnameChain.length === 0 ? '' : `CNAME ${report.cnameChain.join(' → ')}; `;
  const addresses = [...report.a, ...report.aaaa];
  const problem = report.error === null ? '' : ` (${report.error.code}: ${report.error.message})`;
  return cap(`${hops}${addresses.length === 0 ? 'no address' : addresses.join(', ')}${problem}`);
}

function dnsFacts(outcome: ProbeOutcome, of: string): FactsBlock {
  const { result, rule } = outcome;
  const family = result.target.family === null ? '' : ` (IPv${result.target.family})`;
  const reports = [result.dns.connect, result.dns.servername].filter((report): report is DnsReport => report !== null);
  return {
    kind: 'facts',
    title: `DNS${of}`,
    rows: [
      { label: 'Connected to', value: { text: result.target.address === null ? 'No address' : cap(`${result.target.address}${family}`), code: true } },
      ...(rule === undefined ? [] : [{ label: 'Lookup', value: { text: cap(`Skipped: the resolve rule ${rule.pattern} sends ${result.target.host} to ${formatRuleTarget(rule)}`) } }]),
      ...reports.map((report) => ({ label: cap(report.name), value: { text: dnsText(report), code: true, ...(report.error === null ? {} : { tone: 'warning' as const }) } })),
    ],
  };
}

/** "Custom hostname, Pending Validation": the object and its API status, which often explains the verdict. */
function judgedAgainst(outcome: ProbeOutcome): string {
  const status = outcome.expected?.statusLabel;
  return cap([outcome.planned.objectLabel ?? '—', ...(status === undefined ? [] : [status])].join(', '));
}

const worstFirst = (outcomes: readonly ProbeOutcome[]): ProbeOutcome[] =>
  [...outcomes].sort((a, b) => VERDICT_ORDER.indexOf(a.result.verdict) - VERDICT_ORDER.indexOf(b.result.verdict));

function manyBlocks(run: ProbeRun, options: ProbeDocumentOptions): Block[] {
  const sorted = worstFirst(run.outcomes);
  const problems = sorted.filter((outcome) => outcome.result.verdict !== 'ok');
  const worst = sorted[0];
  const lines = [
    ...(run.cancelled === undefined ? [] : [`Cancelled after ${run.cancelled.done} of ${run.cancelled.total} names; the rest were not probed.`]),
    ...problems.slice(0, SUMMARY_LINES).map((outcome) => cap(`${displayName(outcome.result)}: ${outcome.result.reasons.join(' ')}`)),
    ...(problems.length > SUMMARY_LINES ? [`… and ${problems.length - SUMMARY_LINES} more.`] : []),
    ...skippedLine(run),
  ];
  const blocks: Block[] = [
    { kind: 'callout', tone: worst === undefined ? 'inactive' : verdictTone(worst.result.verdict), title: summarizeVerdicts(run.outcomes.map((outcome) => outcome.result.verdict)), lines },
    {
      kind: 'table',
      title: 'Names',
      columns: [...probeRowColumns, 'Judged against', 'Why'],
      rows: sorted.map((outcome) => [...probeRow(outcome.result, options.warningDays), { text: judgedAgainst(outcome) }, { text: cap(outcome.result.reasons.join(' ')) }]),
      empty: 'Nothing was probed.',
    },
    {
      kind: 'table',
      title: 'Differences from the API',
      columns: ['Name', 'Field', 'API says', 'Served'],
      rows: sorted.flatMap((outcome) =>
        outcome.comparison
          .filter((row) => row.matches === false)
          .map((row) => [{ text: displayName(outcome.result), code: true }, { text: row.field }, { text: cap(row.expected), code: true }, { text: cap(row.served), code: true, tone: 'error' as const }]),
      ),
      empty: 'Every certificate served matches what the API says.',
    },
  ];
  if (worst !== undefined) blocks.push(...detailBlocks(worst, ` for ${displayName(worst.result)}`, options));
  blocks.push({ kind: 'code', title: 'Raw results (JSON)', text: cap(probeRunJson(run), MAX_JSON), copyLabel: 'JSON' });
  return blocks;
}
