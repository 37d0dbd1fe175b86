import { isCancellation } from '../shared/appError';
import { terminalJson } from '../shared/terminalText';
import { formatMatrixText, formatProbeText, probe, probeMatrix, ProbeError, resolveProbeTarget, toProbeJson, type DnsResolver, type MatrixResult, type ProbeOptions } from '../probe';
import type { RetryOptions } from '../cloudflare/retryPolicy';
import { routeProbe } from '../probing/probeRoute';
import type { Clock } from '../shared/clock';
import { FleetReport, matrixRecord, probeRecord } from './fleetReport';
import { HostListError, hostListLimits, parseHostList, type HostListEntry } from './hostList';
import { readHostList } from './hostListSource';
import { ExitCode, type CliCommand, type CliIo } from './io';
import { loadProbeZone } from './load';
import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MAX_THREADS, parseProbeArgs, UsageError, type ProbeRequest } from './probeArgs';
import { matrixEach, probeEach } from './probeFleet';

const USAGE = `Usage: cfcerts probe HOST... [options]
       cfcerts probe --hosts FILE|- [options]
       cfcerts probe --zone NAME [--api-base URL] [--account ID] [options]

Connects to HOST (or to --connect TARGET) with HOST as SNI and reports what is served:
the verdict first, then protocol, cipher, ALPN, trust, name match, timings and the chain.
With several names, one line per name as each finishes, then a summary table.

What to probe:
  HOST...                  one or more names (one name: the full report)
  --hosts FILE             names from FILE, '-' for standard input: one per line, as
                           'name' or 'name target[:port]'; '#' starts a comment
  --zone NAME              every name of the zone's certificate packs, custom certificates
                           and custom hostnames, judged against what the API says is
                           deployed (the extension's "Probe All in Zone"); repeatable
  --api-base URL           with --zone (default: $CLOUDFLARE_API_BASE_URL, else Cloudflare's)
  --account ID             with --zone: only this account (an account-owned cfat_ token)

Options:
  --connect TARGET[:PORT]  connect here instead (openssl's -connect $CNAME_TARGET:443);
                           a list line's own target wins
  --resolve P=ADDR[:PORT]  connect to ADDR for names matching P (name, *.domain or *)
  --port N                 port when TARGET names none (default 443)
  --concurrency N          names probed at once (default ${DEFAULT_CONCURRENCY}, at most ${MAX_CONCURRENCY})
  --threads N              threads probing a list (default: one per core but one, once
                           the list is big enough to repay starting them; at most
                           ${MAX_THREADS}, and no more than --concurrency)
  --timeout MS             for DNS, connect and handshake together (default 10000)
  --ca FILE                extra trusted roots (PEM), added to Node's bundled roots
  --ipv4 | --ipv6          use only that address family
  --no-sni                 send no SNI (see the certificate served by default)
  --no-sni-dns             with --connect, do not report the SNI name's own DNS (openssl
                           never looks it up; saves a DNS round trip per name)
  --key-type rsa|ecdsa     offer only RSA or only ECDSA signatures
  --alpn LIST              ALPN offer, comma-separated (default h2,http/1.1)
  --matrix                 every address × RSA/ECDSA × with/without SNI, side by side
  --expect-serial HEX      the serial the API says is deployed
  --expect-issuer TEXT     text the issuer must contain (a CA name)
  --expect-host NAME       a name the certificate must cover (repeatable)
  --warning-days N         call the certificate expiring below N days (default 30)
  --json                   JSON Lines: one object per name as it finishes (see the README)

Credentials for --zone: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.

Exit status: 0 when every verdict is ok, 1 for any other verdict (or a failed API call),
2 for bad input (a bad list line is reported with its line number; the rest still runs).`;

/** What the command needs from outside besides CliIo; tests inject a resolver, a clock and retries. */
export interface ProbeCommandDeps {
  readonly resolver?: DnsResolver;
  readonly clock?: Clock;
  readonly retries?: RetryOptions;
}

function matrixJson(matrix: MatrixResult): object {
  return {
    servername: matrix.servername,
    verdict: matrix.verdict,
    addresses: matrix.addresses,
    differences: matrix.differences,
    cells: matrix.cells.map((cell) => ({ address: cell.address, keyType: cell.keyType, sni: cell.sni, differs: cell.differs, probe: toProbeJson(cell.result) })),
    failure: matrix.failure === null ? null : toProbeJson(matrix.failure),
  };
}

function isBadInput(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  // parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
  return error instanceof UsageError || error instanceof HostListError || (ProbeError.is(error) && error.code === 'invalid-input') || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
}

function withDeps(options: ProbeOptions, io: CliIo, deps: ProbeCommandDeps): ProbeOptions {
  return { ...options, signal: io.signal, ...(deps.resolver === undefined ? {} : { resolver: deps.resolver }) };
}

/** One name on the command line: the full report, as before lists existed. */
async function runOne(request: ProbeRequest, host: string, io: CliIo, deps: ProbeCommandDeps): Promise<number> {
  const route = routeProbe(host, request.connect, request.rules);
  const options = withDeps({ ...request.shared, ...route.target }, io, deps);
  if (request.matrix) {
    const result = await probeMatrix(options);
    io.stdout(request.json ? `${terminalJson(matrixJson(result), 0)}\n` : formatMatrixText(result));
    return result.verdict === 'ok' ? ExitCode.ok : ExitCode.problemsFound;
  }
  const result = await probe(options);
  io.stdout(request.json ? `${terminalJson(toProbeJson(result), 0)}\n` : formatProbeText(result));
  return result.verdict === 'ok' ? ExitCode.ok : ExitCode.problemsFound;
}

/** The HOSTs, then the list's lines, each with where it came from. */
async function entriesOf(request: ProbeRequest, io: CliIo, report: FleetReport): Promise<HostListEntry[]> {
  const entries: HostListEntry[] = request.hosts.map((servername, index) => ({ servername, where: `argument ${index + 1}` }));
  if (request.hostsFile !== undefined) {
    let list;
    try {
      list = await readHostList(request.hostsFile, io.stdin ?? process.stdin);
    } catch (error) {
      if (error instanceof HostListError) throw error;
      throw new UsageError(`Cannot read the host list ${request.hostsFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const parsed = parseHostList(list.text, list.source);
    for (const bad of parsed.bad) report.badLine(bad.where, bad.message);
    entries.push(...parsed.entries);
  }
  if (entries.length > hostListLimits.maxHosts) throw new HostListError(`More than ${hostListLimits.maxHosts} names in one run; split the list into several runs.`);
  return entries;
}

/** Many names: each checked by the probe's own rules first, a bad one reported and left out. */
async function runMany(request: ProbeRequest, io: CliIo, deps: ProbeCommandDeps, report: FleetReport): Promise<void> {
  const inputs: ProbeOptions[] = [];
  for (const entry of await entriesOf(request, io, report)) {
    try {
      const route = routeProbe(entry.servername, entry.connect ?? request.connect, request.rules);
      const options: ProbeOptions = { ...request.shared, ...route.target };
      resolveProbeTarget(options);
      inputs.push(withDeps(options, io, deps));
    } catch (error) {
      if (!(ProbeError.is(error))) throw error;
      report.badLine(entry.where, error.message);
    }
  }
  if (inputs.length === 0) {
    // Every line bad has said so already; a list of comments only says it here.
    if (!report.hasBadInput) report.badLine(request.hostsFile === '-' ? 'stdin' : (request.hostsFile ?? 'HOST'), 'names no host to probe.');
    return;
  }
  const fleet = { concurrency: request.concurrency, signal: io.signal, onThreads: (threads: number) => report.probedOn(threads), ...(request.threads === undefined ? {} : { threads: request.threads }) };
  if (request.matrix) {
    await matrixEach(inputs, fleet, (matrix, order) => report.add(matrixRecord(matrix, order, matrixJson(matrix))));
  } else {
    await probeEach(inputs, fleet, (result, order) => report.add(probeRecord(result, order)));
  }
}

async function run(args: readonly string[], io: CliIo, deps: ProbeCommandDeps): Promise<number> {
  let report: FleetReport | undefined;
  try {
    const request = parseProbeArgs(args, io.env);
    const [only] = request.hosts;
    if (only !== undefined && request.hosts.length === 1 && request.hostsFile === undefined) {
      return await runOne(request, only, io, deps);
    }
    report = new FleetReport(io, request.json);
    if (request.zoneNames.length > 0) {
      // Loaded only for --zone, from a bundle of its own: the API client (undici) stays off the path of every other probe.
      await loadProbeZone().probeZones(request, io, report, deps);
    } else {
      await runMany(request, io, deps, report);
    }
  } catch (error) {
    if (isBadInput(error)) {
      io.stderr(`cfcerts probe: ${error.message}\n\n${USAGE}\n`);
      return ExitCode.usage;
    }
    if (!isCancellation(error)) throw error;
    if (report === undefined) {
      io.stderr('cfcerts probe: cancelled.\n');
      return ExitCode.problemsFound;
    }
    report.markCancelled();
  }
  return report === undefined ? ExitCode.usage : report.finish();
}

export function createProbeCommand(deps: ProbeCommandDeps = {}): CliCommand {
  return {
    name: 'probe',
    summary: 'Show the certificate a TLS endpoint serves for a name, with a verdict; many names, or a zone against the API',
    usage: USAGE,
    run: (args, io) => run(args, io, deps),
  };
}

export const probeCommand: CliCommand = createProbeCommand();
