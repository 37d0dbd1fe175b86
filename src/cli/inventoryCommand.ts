import { parseArgs } from 'node:util';
import { CloudflareClient, type CloudflareErrorCode, defaultBaseUrl, gatherInventory, type Inventory, type RateBudget, type RetryOptions } from '../cloudflare';
import { type Clock, systemClock } from '../core/clock';
import { credentialsFromEnv } from './cliCredentials';
import { type InventoryJson, assessedObjects, errorJson, needsAttention, toInventoryJson } from './inventoryJson';
import { renderInventoryTable } from './inventoryTable';
import { type CliCommand, type CliIo, ExitCode } from './io';
import { terminalField, terminalJson } from './terminalText';

/** A CLI run should not sit for the extension's 5 minutes unless asked to. */
const defaultMaxWaitSeconds = 60;

/** The default no-progress deadline: longer than a long Retry-After wait, short enough to notice a hang. */
const defaultTimeoutSeconds = 120;

const usage = `Usage: cfcerts inventory [--api-base URL] [--account ID] [--zone NAME]... [--max-wait SECS] [--timeout SECONDS] [--json]

Lists every zone's certificate packs, custom certificates, custom hostnames, client
certificates and fallback origin, each with its lifecycle status.

Options:
  --api-base URL   API base URL (default: $CLOUDFLARE_API_BASE_URL, else ${defaultBaseUrl})
  --account ID     only this account's zones (required for an account-owned cfat_ token)
  --zone NAME      only this zone; repeat for several
  --max-wait SECS  longest rate-limit wait (Retry-After) to sit out (default ${defaultMaxWaitSeconds} s);
                   a longer one ends the run with exit 1, saying when the limit lifts
  --timeout SECONDS
                   give up when nothing new arrives for this long (default ${defaultTimeoutSeconds});
                   waiting for the rate limit's next window counts as progress
  --json           print JSON: Cloudflare's objects as sent, each with an "assessment"

Credentials: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.

Exit codes: 0 all well; 1 something needs attention or some calls failed;
2 bad usage, missing or rejected credentials, or the API cannot be reached.`;

/** Zone-listing failures that mean nothing could be listed at all: the run is void, not partial. */
const fatalCodes: ReadonlySet<CloudflareErrorCode> = new Set(['invalid_token', 'expired_token', 'missing_permission', 'no_credentials', 'network', 'timeout', 'no_progress']);

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
}

function parse(args: readonly string[], env: CliIo['env']): ParsedArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { 'api-base': { type: 'string' }, account: { type: 'string' }, zone: { type: 'string', multiple: true }, json: { type: 'boolean' }, timeout: { type: 'string' }, 'max-wait': { type: 'string' } },
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
  return { apiBase, json: values.json === true, timeoutMs: timeout * 1000, maxWaitMs: maxWait * 1000, ...(accountId === undefined ? {} : { accountId }), ...(zoneNames === undefined ? {} : { zoneNames }) };
}

/** Set when no zone could be listed because of the credentials or the network: exit 2, not 1. */
function fatalError(inventory: Inventory): string | undefined {
  if (inventory.zones.length > 0 || inventory.errors.length === 0 || !inventory.errors.every((error) => fatalCodes.has(error.code))) {
    return undefined;
  }
  const [first] = inventory.errors;
  return first === undefined ? undefined : first.message;
}

function problemCount(json: InventoryJson): { attention: number; failed: number } {
  let attention = 0;
  let failed = json.errors.length;
  for (const zone of json.zones) {
    failed += zone.errors.length;
    for (const { object } of assessedObjects(zone)) {
      attention += needsAttention(object.assessment.severity) ? 1 : 0;
    }
  }
  return { attention, failed };
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
  const json = toInventoryJson(inventory);
  io.stdout(parsed.json ? `${terminalJson(json)}\n` : renderInventoryTable(json, clock.now()));
  const { attention, failed } = problemCount(json);
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
