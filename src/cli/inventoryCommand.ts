import { parseArgs } from 'node:util';
import { CloudflareClient, defaultBaseUrl, gatherInventory, type Inventory, type InventoryErrorCode, type RateBudget, type RetryOptions } from '../cloudflare';
import { type Clock, systemClock } from '../shared/clock';
import { DEFAULT_EXPIRY_THRESHOLDS, type ExpiryThresholds } from '../domain/expiry';
import { defaultMaxWaitSeconds, defaultTimeoutSeconds } from './apiWaits';
import { credentialsFromEnv } from './cliCredentials';
import { errorJson, toInventoryJson } from './inventoryJson';
import { renderInventoryTable } from './inventoryTable';
import { countNeedingAction } from './judgedObjects';
import { type CliCommand, type CliIo, ExitCode } from './io';
import { terminalField, terminalJson } from '../shared/terminalText';


const usage = `Usage: cfcerts inventory [--api-base URL] [--account ID] [--zone NAME]... [--warning-days N] [--critical-days N] [--max-wait SECS] [--timeout SECONDS] [--json]

Lists every zone's certificate packs, custom certificates, custom hostnames, client
certificates and fallback origin, each with its lifecycle status.

Options:
  --api-base URL      API base URL (default: $CLOUDFLARE_API_BASE_URL, else ${defaultBaseUrl})
  --account ID        only this account's zones (required for an account-owned cfat_ token)
  --zone NAME         only this zone; repeat for several
  --warning-days N    a certificate you renew is a warning at N days left or fewer (default ${DEFAULT_EXPIRY_THRESHOLDS.warningDays})
  --critical-days N   and an error at N days left or fewer (default ${DEFAULT_EXPIRY_THRESHOLDS.criticalDays}); certificates
                      Cloudflare renews follow their renewal schedule, as in the explorer
  --max-wait SECS     longest rate-limit wait (Retry-After) to sit out (default ${defaultMaxWaitSeconds} s);
                      a longer one ends the run with exit 1, saying when the limit lifts
  --timeout SECONDS   give up when nothing new arrives for this long (default ${defaultTimeoutSeconds} s);
                      waiting for the rate limit's next window counts as progress
  --json              print JSON: Cloudflare's objects as sent, each with an "assessment"
                      (severity: status and expiry together; expiry: expires_on, days_left, severity)

Credentials: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.

Exit codes: 0 all well; 1 something needs action (by status or expiry), some calls
failed or some items were malformed;
2 bad usage, missing or rejected credentials, or the API cannot be reached.`;

/** Zone-listing failures that mean nothing could be listed at all: the run is void, not partial. */
const fatalCodes: ReadonlySet<InventoryErrorCode> = new Set(['invalid_token', 'expired_token', 'missing_permission', 'no_credentials', 'network', 'timeout', 'no_progress']);

/** What tests replace: the clock (so retry waits pass quickly), the retry policy and the rate budget. */
export interface InventoryCommandOptions {
  readonly clock?: Clock;
  readonly retries?: RetryOptions;
  readonly rateBudget?: RateBudget;
}

interface ParsedArgs {
  readonly apiBase: string;
  readonly accountId?: string;
  readonly zoneNames?: readonly string[];
  readonly json: boolean;
  readonly maxWaitMs: number;
  readonly timeoutMs: number;
  readonly thresholds: ExpiryThresholds;
}

/** The bounds the settings `expiryWarningDays` and `expiryCriticalDays` allow, so both judge alike. */
const thresholdBounds = { 'warning-days': { min: 1, max: 365 }, 'critical-days': { min: 0, max: 365 } } as const;

function days(option: keyof typeof thresholdBounds, value: string | undefined, fallback: number): number | string {
  if (value === undefined) return fallback;
  const { min, max } = thresholdBounds[option];
  const parsed = /^\d{1,3}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  return parsed >= min && parsed <= max ? parsed : `--${option} needs a whole number of days from ${min} to ${max}.`;
}

function parse(args: readonly string[], env: CliIo['env']): ParsedArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        'api-base': { type: 'string' },
        account: { type: 'string' },
        zone: { type: 'string', multiple: true },
        'warning-days': { type: 'string' },
        'critical-days': { type: 'string' },
        timeout: { type: 'string' },
        'max-wait': { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const apiBase = values['api-base'] ?? (env['CLOUDFLARE_API_BASE_URL']?.trim() || defaultBaseUrl);
  if (!URL.canParse(apiBase) || !['http:', 'https:'].includes(new URL(apiBase).protocol)) {
    return 'The API base URL must be an http(s) URL.';
  }
  const accountId = values.account?.trim();
  if (accountId === '') {
    return '--account needs an account ID.';
  }
  const zoneNames = values.zone?.map((name) => name.trim());
  if (zoneNames?.some((name) => name === '') === true) {
    return '--zone needs a zone name.';
  }
  const maxWait = Number(values['max-wait'] ?? defaultMaxWaitSeconds);
  if (values['max-wait']?.trim() === '' || !Number.isFinite(maxWait) || maxWait < 0) {
    return '--max-wait needs a number of seconds, 0 or more.';
  }
  const timeout = values.timeout === undefined ? defaultTimeoutSeconds : Number(values.timeout.trim());
  if (values.timeout?.trim() === '' || !Number.isFinite(timeout) || timeout <= 0 || timeout > 86_400) {
    return '--timeout needs a number of seconds between 0 and 86400.';
  }
  const warningDays = days('warning-days', values['warning-days'], DEFAULT_EXPIRY_THRESHOLDS.warningDays);
  const criticalDays = days('critical-days', values['critical-days'], DEFAULT_EXPIRY_THRESHOLDS.criticalDays);
  if (typeof warningDays === 'string') return warningDays;
  if (typeof criticalDays === 'string') return criticalDays;
  if (criticalDays > warningDays) {
    return '--critical-days cannot be more than --warning-days.';
  }
  const thresholds = { warningDays, criticalDays };
  return { apiBase, json: values.json === true, thresholds, timeoutMs: timeout * 1000, maxWaitMs: maxWait * 1000, ...(accountId === undefined ? {} : { accountId }), ...(zoneNames === undefined ? {} : { zoneNames }) };
}

/** Set when no zone could be listed because of the credentials or the network: exit 2, not 1. */
export function fatalError(inventory: Inventory): string | undefined {
  if (inventory.zones.length > 0 || inventory.errors.length === 0 || !inventory.errors.every((error) => fatalCodes.has(error.code))) {
    return undefined;
  }
  const [first] = inventory.errors;
  return first === undefined ? undefined : first.message;
}

async function run(args: readonly string[], io: CliIo, options: InventoryCommandOptions): Promise<number> {
  const parsed = parse(args, io.env);
  if (typeof parsed === 'string') {
    io.stderr(`cfcerts inventory: ${parsed}\n\n${usage}\n`);
    return ExitCode.usage;
  }
  const found = credentialsFromEnv(io.env, parsed.accountId);
  if (!found.ok) {
    io.stderr(`cfcerts inventory: ${found.message}\n`);
    return ExitCode.usage;
  }
  const clock = options.clock ?? systemClock;
  const retries = { ...options.retries, maxServerWaitMs: parsed.maxWaitMs };
  const client = new CloudflareClient({
    baseUrl: parsed.apiBase,
    credentials: found.credentials,
    clock,
    retries,
    ...(options.rateBudget === undefined ? {} : { rateBudget: options.rateBudget }),
  });
  let inventory: Inventory;
  try {
    inventory = await gatherInventory(client, {
      signal: io.signal,
      clock,
      noProgressMs: parsed.timeoutMs,
      // Said on stderr, so a long wait for the next rate window is not taken for a hang.
      onPacing: (waiting) => io.stderr(`cfcerts inventory: pacing to stay within Cloudflare's rate limit; ${waiting} request(s) wait for the next window.\n`),
      ...(parsed.accountId === undefined ? {} : { accountId: parsed.accountId }), ...(parsed.zoneNames === undefined ? {} : { zoneNames: parsed.zoneNames }),
    });
  } catch (error) {
    // Only cancellation (Ctrl+C) gets here; the inventory keeps every other failure local.
    io.stderr(`cfcerts inventory: ${terminalField(error instanceof Error ? error.message : String(error))}\n`);
    return ExitCode.usage;
  } finally {
    await client.close();
  }
  const fatal = fatalError(inventory);
  const stalled = inventory.errors.some((error) => error.code === 'no_progress') || inventory.zones.some((zone) => zone.errors.some((error) => error.code === 'no_progress'));
  const timeoutHint = `cfcerts inventory: nothing new arrived for ${parsed.timeoutMs / 1000} s; --timeout sets how long to wait.\n`;
  if (fatal !== undefined) {
    io.stderr(`cfcerts inventory: ${terminalField(fatal)}\n${stalled ? timeoutHint : ''}`);
    return ExitCode.usage;
  }
  // Judged once, at one instant, by the explorer's rule: table, JSON and exit code agree.
  const context = { now: clock.now(), thresholds: parsed.thresholds };
  io.stdout(parsed.json ? `${terminalJson(toInventoryJson(inventory, context))}\n` : renderInventoryTable(inventory, context));
  const attention = countNeedingAction(inventory.zones, context);
  const failed = inventory.errors.length + inventory.zones.reduce((sum, zone) => sum + zone.errors.length, 0);
  for (const error of inventory.errors.map(errorJson)) {
    io.stderr(`cfcerts inventory: ${terminalField(error.message)}\n`);
  }
  const rateLimit = inventory.zones.flatMap((zone) => zone.errors).find((error) => error.code === 'rate_limited');
  if (rateLimit !== undefined && !inventory.errors.some((error) => error.code === 'rate_limited')) {
    // Named on its own: it is why the other calls failed, and when to run again.
    io.stderr(`cfcerts inventory: ${terminalField(rateLimit.message)}\n`);
  }
  if (failed > inventory.errors.length) {
    io.stderr(`cfcerts inventory: ${failed - inventory.errors.length} zone collection call(s) failed; see "errors" under each zone.\n`);
  }
  if (stalled) io.stderr(timeoutHint);
  return attention > 0 || failed > 0 ? ExitCode.problemsFound : ExitCode.ok;
}

/** `cfcerts inventory`, with injectable time and retry policy for tests. */
export function createInventoryCommand(options: InventoryCommandOptions = {}): CliCommand {
  return {
    name: 'inventory',
    summary: 'List every certificate object of the account, with its status',
    usage,
    run: (args, io) => run(args, io, options),
  };
}

export const inventoryCommand: CliCommand = createInventoryCommand();
