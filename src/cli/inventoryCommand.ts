import { parseArgs } from 'node:util';
import { CloudflareClient, type CloudflareErrorCode, defaultBaseUrl, gatherInventory, type Inventory, type RetryOptions } from '../cloudflare';
import { type Clock, systemClock } from '../core/clock';
import { credentialsFromEnv } from './cliCredentials';
import { type InventoryJson, assessedObjects, errorJson, needsAttention, toInventoryJson } from './inventoryJson';
import { renderInventoryTable } from './inventoryTable';
import { type CliCommand, type CliIo, ExitCode } from './io';

const usage = `Usage: cfcerts inventory [--api-base URL] [--account ID] [--zone NAME]... [--json]

Lists every zone's certificate packs, custom certificates, custom hostnames, client
certificates and fallback origin, each with its lifecycle status.

Options:
  --api-base URL   API base URL (default: $CLOUDFLARE_API_BASE_URL, else ${defaultBaseUrl})
  --account ID     only this account's zones (required for an account-owned cfat_ token)
  --zone NAME      only this zone; repeat for several
  --json           print JSON: Cloudflare's objects as sent, each with an "assessment"

Credentials: CLOUDFLARE_API_TOKEN, or CLOUDFLARE_API_KEY with CLOUDFLARE_EMAIL.

Exit codes: 0 all well; 1 something needs attention or some calls failed;
2 bad usage, missing or rejected credentials, or the API cannot be reached.`;

/** Zone-listing failures that mean nothing could be listed at all: the run is void, not partial. */
const fatalCodes: ReadonlySet<CloudflareErrorCode> = new Set(['invalid_token', 'expired_token', 'missing_permission', 'no_credentials', 'network', 'timeout']);

/** What tests replace: the clock (so retry waits pass quickly) and the retry policy. */
export interface InventoryCommandOptions {
  readonly clock?: Clock;
  readonly retries?: RetryOptions;
}

interface ParsedArgs {
  readonly apiBase: string;
  readonly accountId?: string;
  readonly zoneNames?: readonly string[];
  readonly json: boolean;
}

function parse(args: readonly string[], env: CliIo['env']): ParsedArgs | string {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: { 'api-base': { type: 'string' }, account: { type: 'string' }, zone: { type: 'string', multiple: true }, json: { type: 'boolean' } },
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
  return { apiBase, json: values.json === true, ...(accountId === undefined ? {} : { accountId }), ...(zoneNames === undefined ? {} : { zoneNames }) };
}

/** Set when no zone could be listed because of the credentials or the network: exit 2, not 1. */
export function fatalError(inventory: Inventory): string | undefined {
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
  const client = new CloudflareClient({ baseUrl: parsed.apiBase, credentials: found.credentials, clock, ...(options.retries === undefined ? {} : { retries: options.retries }) });
  let inventory: Inventory;
  try {
    inventory = await gatherInventory(client, { signal: io.signal, ...(parsed.accountId === undefined ? {} : { accountId: parsed.accountId }), ...(parsed.zoneNames === undefined ? {} : { zoneNames: parsed.zoneNames }) });
  } catch (error) {
    // Only cancellation (Ctrl+C) gets here; the inventory keeps every other failure local.
    io.stderr(`cfcerts inventory: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.usage;
  } finally {
    await client.close();
  }
  const fatal = fatalError(inventory);
  if (fatal !== undefined) {
    io.stderr(`cfcerts inventory: ${fatal}\n`);
    return ExitCode.usage;
  }
  const json = toInventoryJson(inventory);
  io.stdout(parsed.json ? `${JSON.stringify(json, null, 2)}\n` : renderInventoryTable(json, clock.now()));
  const { attention, failed } = problemCount(json);
  for (const error of inventory.errors.map(errorJson)) {
    io.stderr(`cfcerts inventory: ${error.message}\n`);
  }
  if (failed > inventory.errors.length) {
    io.stderr(`cfcerts inventory: ${failed - inventory.errors.length} zone collection call(s) failed; see "errors" under each zone.\n`);
  }
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
