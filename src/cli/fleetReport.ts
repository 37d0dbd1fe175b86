import { VERDICT_ORDER, toProbeJson, type MatrixResult, type ProbeResult, type Verdict } from '../probe';
import { terminalField, terminalJson } from '../shared/terminalText';
import { ExitCode, type CliIo } from './io';

/**
 * How `cfcerts probe` reports many names: one line per name as each finishes (JSON Lines
 * with `--json`), then, in text, a summary table. Only a small record of each name that
 * is not ok is kept for the summary, so a long list costs little memory.
 */

/** One finished name, ready to print. */
export interface FleetRecord {
  /** Its place in the list: the summary lists problems in this order, whatever order they finished in. */
  readonly order: number;
  /** `bücher.example (xn--bcher-kva.example)`: untrusted, cleaned when printed. */
  readonly name: string;
  /** `host:port` connected to. */
  readonly target: string;
  readonly verdict: Verdict;
  /** The rest of the line: what was served, or why not. */
  readonly detail: string;
  /** What `--json` prints for it. */
  readonly json: unknown;
}

const VERDICT_WIDTH = Math.max(...VERDICT_ORDER.map((verdict) => verdict.length));

function displayName(result: { readonly servername: string; readonly servernameUnicode: string }): string {
  return result.servernameUnicode === result.servername ? result.servername : `${result.servernameUnicode} (${result.servername})`;
}

/** `host:port`, and the address when a name was connected to (`edge.example.com:443 (203.0.113.7)`). */
function targetOf(result: ProbeResult): string {
  const { host, port, address } = result.target;
  const where = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  return address === null || address === host ? where : `${where} (${address})`;
}

/** What a line says after the verdict: the leaf and the handshake when ok-ish, else the first reason. */
export function probeDetail(result: ProbeResult): string {
  const leaf = result.chain[0];
  const time = `${result.timings.totalMs.toFixed(1)} ms`;
  if (result.verdict === 'ok' || result.verdict === 'expiring') {
    const served = leaf === undefined ? '' : `${leaf.commonName ?? leaf.subject}, ${leaf.daysLeft} days left, `;
    return `${result.tls?.protocol ?? '?'}, ${served}${time}`;
  }
  return `${result.reasons[0] ?? result.error?.message ?? result.verdict} (${time})`;
}

export function probeRecord(result: ProbeResult, order: number, json: unknown = toProbeJson(result), note?: string): FleetRecord {
  const detail = probeDetail(result);
  return { order, name: displayName(result), target: targetOf(result), verdict: result.verdict, detail: note === undefined ? detail : `${detail} · ${note}`, json };
}

export function matrixRecord(matrix: MatrixResult, order: number, json: unknown): FleetRecord {
  if (matrix.failure !== null) return probeRecord(matrix.failure, order, json);
  const first = matrix.cells[0]?.result;
  const differences = matrix.differences.length === 0 ? 'no differences' : `differences: ${matrix.differences.map((difference) => difference.field).join(', ')}`;
  return {
    order,
    name: first === undefined ? matrix.servername : displayName(first),
    target: first === undefined ? matrix.servername : `${matrix.addresses.join(', ')} port ${first.target.port}`,
    verdict: matrix.verdict,
    detail: `${matrix.cells.length} probes, ${differences}`,
    json,
  };
}

type Kept = Pick<FleetRecord, 'order' | 'name' | 'target' | 'verdict' | 'detail'>;

function line(record: Kept): string {
  return `${record.verdict.toUpperCase().padEnd(VERDICT_WIDTH)}  ${terminalField(record.name)}  ${terminalField(record.target)}  ${terminalField(record.detail)}\n`;
}

export class FleetReport {
  private readonly counts = new Map<Verdict, number>();
  private readonly problems: Kept[] = [];
  private badInput = 0;
  private otherProblems = 0;
  private cancelled = false;
  private threads = 1;
  private readonly started = performance.now();

  constructor(
    private readonly io: CliIo,
    private readonly json: boolean,
  ) {}

  /** Prints one finished name at once: the caller's stream is the user's progress. */
  add(record: FleetRecord): void {
    this.io.stdout(this.json ? `${terminalJson(record.json, 0)}\n` : line(record));
    this.counts.set(record.verdict, (this.counts.get(record.verdict) ?? 0) + 1);
    if (record.verdict !== 'ok') {
      this.problems.push({ order: record.order, name: record.name, target: record.target, verdict: record.verdict, detail: record.detail });
    }
  }

  /** A bad line or argument: said on stderr with where it is; the run goes on and exits 2. */
  badLine(where: string, message: string): void {
    this.badInput++;
    this.io.stderr(`cfcerts probe: ${terminalField(where)}: ${terminalField(message)}\n`);
  }

  /** Anything else that keeps the run from being all ok (an API call failed, a name could not be probed). */
  problem(message: string): void {
    this.otherProblems++;
    this.io.stderr(`cfcerts probe: ${terminalField(message)}\n`);
  }

  /** How many threads probe the names: the summary says so when more than one. */
  probedOn(threads: number): void {
    this.threads = threads;
  }

  markCancelled(): void {
    this.cancelled = true;
  }

  get hasBadInput(): boolean {
    return this.badInput > 0;
  }

  get probed(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }

  /** Prints the summary table (text only; JSON Lines stay pure) and returns the exit code. */
  finish(): number {
    if (this.cancelled) this.io.stderr('cfcerts probe: cancelled.\n');
    if (!this.json) this.io.stdout(this.summary());
    return this.exitCode();
  }

  private summary(): string {
    const seconds = ((performance.now() - this.started) / 1000).toFixed(1);
    const ok = this.counts.get('ok') ?? 0;
    const rows = [...VERDICT_ORDER].reverse().filter((verdict) => this.counts.has(verdict)).map((verdict): [string, number] => [verdict, this.counts.get(verdict) ?? 0]);
    if (this.badInput > 0) rows.push(['bad input', this.badInput]);
    const width = Math.max(VERDICT_WIDTH, ...rows.map(([label]) => label.length));
    const lines = ['', `Summary: ${this.probed} ${this.probed === 1 ? 'name' : 'names'} probed in ${seconds} s${this.threads > 1 ? ` on ${this.threads} threads` : ''}, ${ok} ok${this.cancelled ? ' (cancelled)' : ''}`, `  ${'verdict'.padEnd(width)}  names`];
    for (const [label, count] of rows) lines.push(`  ${label.padEnd(width)}  ${String(count).padStart(5)}`);
    if (this.problems.length > 0) {
      lines.push('Not ok, in list order:');
      for (const kept of [...this.problems].sort((left, right) => left.order - right.order)) lines.push(`  ${line(kept).trimEnd()}`);
    }
    return `${lines.join('\n')}\n`;
  }

  /** 2 when some input was bad, else 1 unless every name was probed and is ok. */
  exitCode(): number {
    if (this.badInput > 0) return ExitCode.usage;
    return this.problems.length > 0 || this.otherProblems > 0 || this.cancelled || this.probed === 0 ? ExitCode.problemsFound : ExitCode.ok;
  }
}
