import type { ProbeResult, Verdict } from '../probe';
import { DEFAULT_WARNING_DAYS } from '../probe/verdict';
import type { Block, TableBlock, Tone, Value } from './document';
import { verdictLabel } from '../probing/verdictPresentation';
import { LifecycleHeadings } from './headings';
import { cap, utcTime, type TimeFormat } from './text';

/** Pieces of probe results as document values, shared by the results panel and the lifecycle panel. */

/** Served and trusted but not as expected (soon expiring, another certificate) is a warning; the rest break clients. */
export function verdictTone(verdict: Verdict): Tone {
  if (verdict === 'ok') return 'ok';
  return verdict === 'expiring' || verdict === 'unexpected-certificate' ? 'warning' : 'error';
}

export function verdictValue(verdict: Verdict): Value {
  return { text: verdictLabel(verdict), tone: verdictTone(verdict) };
}

export function daysLeftValue(daysLeft: number | undefined, warningDays = DEFAULT_WARNING_DAYS): Value {
  if (daysLeft === undefined) return { text: '—' };
  return { text: String(daysLeft), ...(daysLeft < 0 ? { tone: 'error' as const } : daysLeft < warningDays ? { tone: 'warning' as const } : {}) };
}

export function servedSerialValue(result: ProbeResult): Value {
  const leaf = result.chain[0];
  return leaf === undefined ? { text: cap(result.error?.code ?? '—') } : { text: cap(leaf.serialNumber), code: true, copyLabel: 'serial number' };
}

/** The name probed, its Unicode form first for an IDN. */
export function displayName(result: ProbeResult): string {
  return cap(result.servernameUnicode === result.servername ? result.servername : `${result.servernameUnicode} (${result.servername})`);
}

export function timeText(iso: string, format: TimeFormat = utcTime): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? cap(iso) : format(ms);
}

/** One row per name: name, verdict, served serial, days left. */
export function probeRow(result: ProbeResult, warningDays?: number): Value[] {
  return [{ text: displayName(result), code: true }, verdictValue(result.verdict), servedSerialValue(result), daysLeftValue(result.chain[0]?.daysLeft, warningDays)];
}

export const probeRowColumns: readonly string[] = ['Name', 'Verdict', 'Served serial', 'Days left'];

/**
 * The last probe of each name of one object, compactly: for the lifecycle panel, which
 * takes them from ProbeResults.latestFor(objectKey).
 */
export function lastProbeBlocks(results: readonly ProbeResult[], options: { readonly warningDays?: number; readonly format?: TimeFormat } = {}): Block[] {
  const table: TableBlock = {
    kind: 'table',
    title: LifecycleHeadings.lastProbe,
    columns: [...probeRowColumns, 'Probed'],
    rows: results.map((result) => [...probeRow(result, options.warningDays), { text: timeText(result.probedAt, options.format) }]),
    empty: 'Not probed since VS Code started. "Probe" shows what the edge serves for it now.',
  };
  return [table];
}
