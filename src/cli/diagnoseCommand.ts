import { getServers } from 'node:dns';
import { parseArgs } from 'node:util';
import {
  CloudflareClient, defaultBaseUrl, gatherInventory, toInventoryError,
  type Inventory, type RetryOptions,
} from '../cloudflare';
import { type Clock, systemClock } from '../shared/clock';
import {
  canonicalName, clientDiagnosisApi, ConnectRuleError, createCheckContext, defaultDiagnoseTimeoutMs, diagnoseAll, isProblemOrUnknown, parseConnectRule, selectSubjects,
  type ConnectRule, type Diagnosis, type DnsServer,
} from '../diagnose';
import { DnsServerError, parseDnsServer } from '../settings/dnsServers';
import { defaultMaxWaitSeconds, defaultTimeoutSeconds } from './apiWaits';
import { terminalJson, terminalText } from '../shared/terminalText';
import { credentialsFromEnv } from './cliCredentials';
import { renderDiagnosisText } from './diagnoseText';
import { fatalError } from './inventoryCommand';
import { errorJson, type InventoryErrorJson } from './inventoryJson';
import { type CliCommand, type CliIo, ExitCode } from './io';

const usage = `Usage: cfcerts diagnose [HOST...] [--zone NAME]... [--api-base URL] [--account ID]
       [--dns-server IP[:PORT]]... [--resolve PATTERN[:PORT]=ADDRESS[:PORT]]...
       [--cname-target ZONE=NAME]... [--timeout MS] [--json]

Explains why certificates and custom hostnames are stuck: joins Cloudflare's view of
each object with live DNS (CAA, TXT, DCV delegation, CNAME, proxying, ownership) and
HTTP validation, and prints what to change.

  HOST                     a custom hostname or a certificate pack host (any zone)
  --zone NAME              every object of that zone that is not active (repeatable)
                           (no HOST and no --zone: every zone of the account)
  --api-base URL           API base URL (default: $CLOUDFLARE_API_BASE_URL, else ${defaultBaseUrl})
  --account ID             only this account's zones
  --dns-server IP[:PORT]   send every DNS question here, and nowhere else (repeatable;
                           default: the system's configured servers)
  --resolve P[:PORT]=A[:PORT]  connect to A for names matching P (name, *.domain or *)
  --cname-target ZONE=NAME another name custom hostnames of ZONE may CNAME to
  --timeout MS             per DNS question or HTTP fetch (default 5000)
  --json                   print {"diagnoses": [...], "errors": [...]}

Credentials: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.

Exit codes: 0 every check ran and passed; 1 a check found a problem or could not tell,
or some API calls failed; 2 bad usage, rejected credentials, or the API cannot be reached.`;

/** DNS questions in flight at once: the default of the extension's `cloudflareCertificates.concurrency`. */
export const diagnoseConcurrency = 8;

class UsageError extends Error {}

interface Parsed {
  readonly hosts: string[];
  readonly zoneNames: string[];
  readonly apiBase: string;
  readonly accountId?: string;
  readonly servers: DnsServer[];
  readonly rules: ConnectRule[];
  readonly cnameTargets: Map<string, string[]>;
  readonly timeoutMs: number;
  readonly json: boolean;
}

function dnsServer(text: string): DnsServer {
  try {
    return parseDnsServer(text);
  } catch (error) {
    if (error instanceof DnsServerError) throw new UsageError(`--dns-server: ${error.message}`);
    throw error;
  }
}

function parse(args: readonly string[], env: CliIo['env']): Parsed {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      zone: { type: 'string', multiple: true },
      'api-base': { type: 'string' },
      account: { type: 'string' },
      'dns-server': { type: 'string', multiple: true },
      resolve: { type: 'string', multiple: true },
      'cname-target': { type: 'string', multiple: true },
      timeout: { type: 'string' },
      json: { type: 'boolean' },
    },
  });
  const apiBase = values['api-base'] ?? (env['CLOUDFLARE_API_BASE_URL']?.trim() || defaultBaseUrl);
  if (!URL.canParse(apiBase) || !['http:', 'https:'].includes(new URL(apiBase).protocol)) throw new UsageError('The API base URL must be an http(s) URL.');
  const accountId = values.account?.trim();
  if (accountId === '') throw new UsageError('--account needs an account ID.');
  const zoneNames = (values.zone ?? []).map((name) => name.trim());
  if (zoneNames.some((name) => name === '')) throw new UsageError('--zone needs a zone name.');
  if (positionals.some((host) => host.trim() === '')) throw new UsageError('A HOST is empty.');
  const timeoutText = values.timeout ?? String(defaultDiagnoseTimeoutMs);
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1 || Number(timeoutText) > 600_000) throw new UsageError(`--timeout must be a whole number of milliseconds from 1 to 600000, got '${timeoutText}'.`);
  const cnameTargets = new Map<string, string[]>();
  for (const pair of values['cname-target'] ?? []) {
    const [zone = '', name = ''] = pair.split('=');
    if (zone.trim() === '' || name.trim() === '' || pair.split('=').length !== 2) throw new UsageError(`--cname-target must be ZONE=NAME, got '${pair}'.`);
    const key = canonicalName(zone);
    cnameTargets.set(key, [...(cnameTargets.get(key) ?? []), canonicalName(name)]);
  }
  const given = values['dns-server'];
  // Without --dns-server: the servers the system is configured with, asked by our own resolver.
  const servers = (given ?? getServers()).map(dnsServer);
  if (servers.length === 0) throw new UsageError('No DNS server is configured; name one with --dns-server.');
  let rules: ConnectRule[];
  try {
    rules = (values.resolve ?? []).map(parseConnectRule);
  } catch (error) {
    if (error instanceof ConnectRuleError) throw new UsageError(error.message);
    throw error;
  }
  return {
    hosts: positionals.map((host) => host.trim()), zoneNames, apiBase, servers, rules, cnameTargets,
    timeoutMs: Number(timeoutText), json: values.json === true,
    ...(accountId === undefined ? {} : { accountId }),
  };
}

function isUsage(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
}

/** Collections a diagnosis reads; a failure in any other (client certificates…) does not concern it. */
const usedCollections = new Set(['certificatePacks', 'customHostnames', 'fallbackOrigin']);

function inventoryErrors(inventory: Inventory, zoneNames: readonly string[], restricted: boolean): InventoryErrorJson[] {
  const errors = inventory.errors.map(errorJson);
  for (const zone of inventory.zones) {
    for (const error of zone.errors.filter((candidate) => usedCollections.has(candidate.collection))) {
      const json = errorJson(error);
      errors.push({ ...json, message: `${zone.zone.name}: ${json.message}` });
    }
  }
  // When HOSTs made us list every zone, a --zone name nobody has is reported here, as `inventory` does.
  if (!restricted) {
    const known = new Set(inventory.zones.map((zone) => canonicalName(zone.zone.name)));
    for (const name of zoneNames.filter((candidate) => !known.has(canonicalName(candidate)))) {
      errors.push({ collection: 'zones', code: 'not_found', message: `No zone named ${name} is visible to these credentials.`, cloudflare_errors: [] });
    }
  }
  return errors;
}

export interface DiagnoseCommandOptions {
  readonly clock?: Clock;
  readonly retries?: RetryOptions;
}

/** The exit code: 0 only when every check ran and none is a warning, an error or unknown. */
export function diagnoseExitCode(diagnoses: readonly Diagnosis[], errors: readonly unknown[]): number {
  const troubled = errors.length > 0 || diagnoses.some((diagnosis) => diagnosis.findings.some((finding) => isProblemOrUnknown(finding.severity)));
  return troubled ? ExitCode.problemsFound : ExitCode.ok;
}

async function run(args: readonly string[], io: CliIo, options: DiagnoseCommandOptions): Promise<number> {
  let parsed: Parsed;
  try {
    parsed = parse(args, io.env);
  } catch (error) {
    if (isUsage(error)) {
      io.stderr(terminalText(`cfcerts diagnose: ${error.message}\n\n${usage}\n`));
      return ExitCode.usage;
    }
    throw error;
  }
  const found = credentialsFromEnv(io.env, parsed.accountId);
  if (!found.ok) {
    io.stderr(`cfcerts diagnose: ${found.message}\n`);
    return ExitCode.usage;
  }
  const clock = options.clock ?? systemClock;
  // The API is waited on as `inventory` waits: a long Retry-After or a listing that stops moving ends the run.
  const retries = { ...options.retries, maxServerWaitMs: defaultMaxWaitSeconds * 1000 };
  const client = new CloudflareClient({ baseUrl: parsed.apiBase, credentials: found.credentials, clock, retries });
  try {
    // HOSTs may live in any zone: list them all; --zone alone lists only those zones.
    const restricted = parsed.hosts.length === 0 && parsed.zoneNames.length > 0;
    let inventory: Inventory;
    try {
      inventory = await gatherInventory(client, { signal: io.signal, clock, noProgressMs: defaultTimeoutSeconds * 1000, ...(parsed.accountId === undefined ? {} : { accountId: parsed.accountId }), ...(restricted ? { zoneNames: parsed.zoneNames } : {}) });
    } catch (error) {
      io.stderr(terminalText(`cfcerts diagnose: ${error instanceof Error ? error.message : String(error)}\n`));
      return ExitCode.usage;
    }
    const fatal = fatalError(inventory);
    if (fatal !== undefined) {
      io.stderr(terminalText(`cfcerts diagnose: ${fatal}\n`));
      return ExitCode.usage;
    }
    const errors = inventoryErrors(inventory, parsed.zoneNames, restricted);
    const { subjects, hostsNotFound } = selectSubjects(inventory, { hosts: parsed.hosts, zoneNames: parsed.zoneNames, cnameTargets: parsed.cnameTargets });
    for (const host of hostsNotFound) {
      errors.push({ collection: 'hosts', code: 'not_found', message: `No custom hostname or certificate pack covers ${host}.`, cloudflare_errors: [] });
    }
    const context = createCheckContext({
      servers: parsed.servers,
      timeoutMs: parsed.timeoutMs,
      concurrency: diagnoseConcurrency,
      rules: parsed.rules,
      signal: io.signal,
      now: () => new Date(clock.now()),
      api: clientDiagnosisApi(client, io.signal),
      onApiError: (what, error, zoneId) => {
        const zone = inventory.zones.find((candidate) => candidate.zone.id === zoneId)?.zone.name;
        const json = errorJson(toInventoryError('zones', error));
        errors.push({ ...json, collection: what === 'ips' ? 'ips' : 'dcv_delegation', message: zone === undefined ? json.message : `${zone}: ${json.message}` });
      },
    });
    const diagnoses = await diagnoseAll(subjects, context);
    if (io.signal.aborted) {
      io.stderr('cfcerts diagnose: cancelled.\n');
      return ExitCode.problemsFound;
    }
    io.stdout(parsed.json ? `${terminalJson({ diagnoses, errors })}\n` : terminalText(renderDiagnosisText(diagnoses)));
    for (const error of errors) io.stderr(terminalText(`cfcerts diagnose: ${error.message}\n`));
    return diagnoseExitCode(diagnoses, errors);
  } finally {
    await client.close();
  }
}

/** `cfcerts diagnose`, with injectable time and retry policy for tests. */
export function createDiagnoseCommand(options: DiagnoseCommandOptions = {}): CliCommand {
  return {
    name: 'diagnose',
    summary: 'Explain why certificates and custom hostnames are stuck, from live DNS and HTTP',
    usage,
    run: (args, io) => run(args, io, options),
  };
}

export const diagnoseCommand: CliCommand = createDiagnoseCommand();
