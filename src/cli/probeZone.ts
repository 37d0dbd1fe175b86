import { CloudflareClient, defaultBaseUrl, gatherInventory, type Inventory, type InventoryCollection, type RetryOptions } from '../cloudflare';
import { ProbeError, resolveProbeTarget, toProbeJson, type DnsResolver, type TrustRoots } from '../probe';
import type { ResolveRule } from '../probe/resolveRules';
import { planZone, type PlannedProbe } from '../probing/probePlan';
import type { ProbeOutcome } from '../probing/probeRun';
import { routeProbe } from '../probing/probeRoute';
import { runProbePlan } from '../probing/runProbePlan';
import { inventoryCatalog } from '../probing/zoneCatalog';
import { systemClock, type Clock } from '../shared/clock';
import { defaultMaxWaitSeconds, defaultTimeoutSeconds } from './apiWaits';
import { credentialsFromEnv } from './cliCredentials';
import { probeRecord, type FleetReport } from './fleetReport';
import { fatalError } from './inventoryCommand';
import type { CliIo } from './io';

/**
 * `cfcerts probe --zone NAME`: the extension's "Probe All in Zone" from the command line.
 * The zone is read from the API as `cfcerts inventory` reads it, planned by the same
 * planner (every name of its packs, custom certificates and custom hostnames once, each
 * against the object the edge should serve for it), probed and judged by the same run.
 */

export interface ZoneProbeRequest {
  readonly zoneNames: readonly string[];
  /** Default: Cloudflare's. */
  readonly apiBase?: string;
  readonly accountId?: string;
  /** `--connect` (as the rule `*`) and `--resolve`, as the extension's probe.resolve setting. */
  readonly rules: readonly ResolveRule[];
  readonly roots?: TrustRoots;
  readonly concurrency: number;
  readonly warningDays: number;
  readonly timeoutMs: number;
}

/** What tests replace: time and retries for the API, and the probes' DNS. */
export interface ZoneProbeDeps {
  readonly clock?: Clock;
  readonly retries?: RetryOptions;
  readonly resolver?: DnsResolver;
}

/** Collections that name hosts to probe; a failure elsewhere (client certificates) does not change the plan. */
const plannedCollections: ReadonlySet<InventoryCollection> = new Set<InventoryCollection>(['certificatePacks', 'customCertificates', 'customHostnames']);

/** The JSON line of one name: the documented probe object, plus what the API said should be served. */
function outcomeJson(outcome: ProbeOutcome, zoneName: string): unknown {
  return {
    ...toProbeJson(outcome.result),
    api: {
      zone: zoneName,
      object: outcome.planned.objectLabel ?? null,
      expected: outcome.expected?.label ?? null,
      comparison: outcome.comparison.map((row) => ({ ...row })),
    },
  };
}

/** Names the probe would refuse (the API is untrusted too): reported, left out, the rest still probed. */
function probeable(planned: PlannedProbe, rules: readonly ResolveRule[]): string | undefined {
  try {
    resolveProbeTarget(routeProbe(planned.servername, planned.connect, rules).target);
    return undefined;
  } catch (error) {
    if (ProbeError.is(error)) return error.message;
    throw error;
  }
}

async function readZones(request: ZoneProbeRequest, io: CliIo, report: FleetReport, deps: ZoneProbeDeps): Promise<Inventory | undefined> {
  const found = credentialsFromEnv(io.env, request.accountId);
  if (!found.ok) {
    report.badLine('credentials', found.message);
    return undefined;
  }
  const clock = deps.clock ?? systemClock;
  // The API is waited on as `inventory` and `diagnose` wait on it.
  const client = new CloudflareClient({ baseUrl: request.apiBase ?? defaultBaseUrl, credentials: found.credentials, clock, retries: { ...deps.retries, maxServerWaitMs: defaultMaxWaitSeconds * 1000 } });
  try {
    return await gatherInventory(client, {
      signal: io.signal,
      clock,
      noProgressMs: defaultTimeoutSeconds * 1000,
      zoneNames: request.zoneNames,
      ...(request.accountId === undefined ? {} : { accountId: request.accountId }),
    });
  } finally {
    await client.close();
  }
}

/**
 * Reads the zones and probes every name of each, reporting into `report`. Rejected
 * credentials, an unreachable API and unknown zone names count as bad input (exit 2).
 */
export async function probeZones(request: ZoneProbeRequest, io: CliIo, report: FleetReport, deps: ZoneProbeDeps): Promise<void> {
  const inventory = await readZones(request, io, report, deps);
  if (inventory === undefined) return;
  const fatal = fatalError(inventory);
  if (fatal !== undefined) {
    report.badLine('API', fatal);
    return;
  }
  for (const error of inventory.errors) {
    if (error.code === 'not_found') report.badLine('--zone', error.message);
    else report.problem(error.message);
  }
  let order = 0;
  for (const zone of inventory.zones) {
    for (const error of zone.errors.filter((candidate) => plannedCollections.has(candidate.collection))) {
      report.problem(`${zone.zone.name}: ${error.message}`);
    }
    const catalog = inventoryCatalog(zone.zone.account?.id ?? inventory.accountId ?? '', zone);
    const plan = planZone(catalog, { kind: 'zone', account: catalog.account, zone: catalog.zone });
    for (const name of plan.skipped) {
      io.stderr(`cfcerts probe: ${zone.zone.name}: skipped ${name}: a wildcard needs a real name under it (cfcerts probe NAME).\n`);
    }
    const probes = plan.probes.filter((planned) => {
      const problem = probeable(planned, request.rules);
      if (problem !== undefined) report.problem(`${zone.zone.name}: cannot probe a name from the API: ${problem}`);
      return problem === undefined;
    });
    if (probes.length === 0) {
      report.problem(`${zone.zone.name}: no certificate of this zone names a host to probe.`);
      continue;
    }
    const orderOf = new Map(probes.map((planned, index) => [planned, order + index]));
    order += probes.length;
    const run = await runProbePlan(
      { ...plan, probes },
      {
        rules: request.rules,
        ...(request.roots === undefined ? {} : { roots: request.roots }),
        concurrency: request.concurrency,
        warningDays: request.warningDays,
        timeoutMs: request.timeoutMs,
        signal: io.signal,
        ...(deps.resolver === undefined ? {} : { resolver: deps.resolver }),
        onOutcome: (outcome) => {
          const against = outcome.expected?.label ?? outcome.planned.objectLabel;
          report.add(probeRecord(outcome.result, orderOf.get(outcome.planned) ?? 0, outcomeJson(outcome, zone.zone.name), against === undefined ? undefined : `API: ${against}`));
        },
      },
    );
    if (run.cancelled !== undefined) {
      report.markCancelled();
      return;
    }
  }
}
