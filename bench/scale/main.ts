/**
 * Scale benchmark (`npm run bench:scale`). Not a test: prints figures against their
 * targets, never fails a build.
 *
 * (a) One zone with 100,000 custom hostnames (generateLargeAccount):
 *     - the heap the explorer keeps after Load All (child process, fresh heap); target < 100 MB;
 *     - problems first: requests the status-filtered listing makes against the problem
 *       pages it returns, and against the 2,000 pages of the whole zone;
 *     - Load All with the simulator's rate limit on, paced by the rate budget: pages,
 *       429s (target 0), time against the rate floor, and the progress it shows.
 * (b) A 500-zone account, every zone expanded, auto-refresh at its fastest interval
 *     (1 min), pending polling, and one Probe All in Zone, over 30 simulated minutes with
 *     the simulator's rate limit on: target 0 answers 429.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { CloudflareClient, maxPerPage, type PacedProgress, RateBudget } from '../../src/cloudflare';
import type { AccountProfile } from '../../src/domain/accounts';
import { AutoRefreshLoop } from '../../src/explorer/autoRefreshLoop';
import { ExplorerModel, zoneKey } from '../../src/explorer/explorerModel';
import { valueOf } from '../../src/explorer/loadable';
import { describeLoadAllProgress } from '../../src/explorer/loadAllPacing';
import { PendingPoller } from '../../src/explorer/pendingPoller';
import { minAutoRefreshMinutes } from '../../src/settings/autoRefreshMinutes';
import { AcceleratedClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';
import { generateLargeAccount, startSimulator } from '../../src/simulator';
import { WindowSkippingClock } from '../inventory/windowSkippingClock';
import type { HeapResult } from './heapChild';

const HOSTNAMES = 100_000;
const BIG_ZONE = { zones: 1, packsPerZone: 10, customHostnames: HOSTNAMES, seed: 2026 };
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const HEAP_RUNS = 3;
const WINDOW_S = 300;
const MANY_ZONES = { zones: 500, packsPerZone: 4, customHostnames: 5_000, seed: 2026 };
const SIMULATED_MINUTES = 30;
/** How much faster than the wall clock the 30 minutes run (in one process, so an accelerated clock serves every timer). */
const MANY_ZONES_FACTOR = 30;
const profile: AccountProfile = { key: 'bench', label: 'Bench', origin: 'stored', authKind: 'token' };

const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const check = (ok: boolean): string => (ok ? 'met' : 'MISSED');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function heapRun(env: Record<string, string>): Promise<HeapResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'heapChild.js'), [], { execArgv: ['--expose-gc'], env: { ...process.env, ...env } });
    let result: HeapResult | undefined;
    child.on('message', (message: HeapResult) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => (result === undefined ? reject(new Error(`the heap measurement exited with ${String(code)} and no result`)) : resolve(result)));
  });
}

async function bigZone(): Promise<void> {
  const pages = Math.ceil(HOSTNAMES / maxPerPage);
  console.log(`(a) One zone with ${HOSTNAMES.toLocaleString('en')} custom hostnames (${pages.toLocaleString('en')} pages of ${maxPerPage}); ${LATENCY_MS} ms per request; concurrency ${CONCURRENCY}.`);
  const scenario = generateLargeAccount(BIG_ZONE);

  // Heap and problems first: no rate limit, no latency (neither changes what is kept or how many requests are made).
  const sim = await startSimulator({ scenario, lifecycle: false, rateLimit: false });
  let problemRequests = 0;
  let problems = 0;
  try {
    const heaps: HeapResult[] = [];
    for (let index = 0; index < HEAP_RUNS; index++) {
      const run = await heapRun({ BENCH_API_BASE_URL: sim.apiBaseUrl, BENCH_TOKEN: sim.demoToken });
      console.log(`  heap run ${index + 1}/${HEAP_RUNS}: ${run.hostnames.toLocaleString('en')} hostnames, ${run.requests} requests in ${seconds(run.loadMs)}; heap ${mb(run.heapFirstPage)} → ${mb(run.heapAll)}`);
      heaps.push(run);
    }
    const kept = median(heaps.map((run) => run.heapAll - run.heapFirstPage));
    const heapAll = median(heaps.map((run) => run.heapAll));
    const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, rateBudget: false, concurrency: CONCURRENCY });
    try {
      const zone = sim.state.zones[0]?.spec.id ?? '';
      const before = client.stats.requests;
      const found = await client.listProblemHostnames(zone);
      problemRequests = client.stats.requests - before;
      problems = found.items.length;
      if (found.stopped.length > 0) throw new Error(`the problem listing stopped: ${found.stopped[0]?.message ?? ''}`);
    } finally {
      await client.close();
    }
    const problemPages = Math.ceil(problems / maxPerPage);
    console.log(`\n  ${'measure'.padEnd(58)} ${'value'.padStart(12)}  target`);
    console.log(`  ${`heap kept by ${HOSTNAMES.toLocaleString('en')} hostnames after Load All (median of ${HEAP_RUNS})`.padEnd(58)} ${mb(kept).padStart(12)}  < 100 MB → ${check(kept < 100 * 1_048_576)}`);
    console.log(`  ${'heap used with all loaded (after GC)'.padEnd(58)} ${mb(heapAll).padStart(12)}`);
    console.log(`  ${`problems first: ${problems.toLocaleString('en')} problem hostnames = ${problemPages} pages`.padEnd(58)} ${`${problemRequests} req`.padStart(12)}  ${(problemRequests / problemPages).toFixed(2)}× the problem pages; ${(pages / problemRequests).toFixed(1)}× fewer than the whole zone (${pages.toLocaleString('en')})`);
  } finally {
    await sim.close();
  }

  // Load All paced by the rate budget, the simulator's limit on; window waits skipped on a shared clock.
  const clock = new WindowSkippingClock(WindowSkippingClock.buffer());
  const limited = await startSimulator({ scenario, lifecycle: false, rateLimit: true, latencyMs: LATENCY_MS, clock });
  const budget = new RateBudget({ clock });
  const client = new CloudflareClient({ baseUrl: limited.apiBaseUrl, credentials: { kind: 'token', token: limited.demoToken }, clock, rateBudget: budget, concurrency: CONCURRENCY });
  const model = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock, logger: silentLogger, onDidChange: () => undefined });
  try {
    await model.loadZones(profile.key);
    await model.whenIdle();
    const zone = limited.state.zones[0]?.spec.id ?? '';
    const started = clock.now();
    const requestsBefore = limited.requests;
    const shown: string[] = [];
    await model.loadHostnames(profile.key, zone, {
      all: true,
      onProgress: (step: PacedProgress) => {
        if (step.resumeAt !== undefined) shown.push(describeLoadAllProgress(step, (at) => `+${Math.round((at - started) / 1000)} s`));
      },
    });
    const elapsed = clock.now() - started;
    const loaded = valueOf(model.zone(profile.key, zone)?.hostnames ?? { status: 'idle' })?.items.length ?? 0;
    const requests = limited.requests - requestsBefore;
    // Earlier requests of this run (token check, zone list, zone load) hold part of the first window.
    const used = requestsBefore;
    const share = budget.capacity - Math.ceil(budget.capacity * 0.2);
    const floorMs = (Math.ceil((requests + used) / budget.capacity) - 1) * WINDOW_S * 1000 + (requests * LATENCY_MS) / CONCURRENCY;
    console.log(`\n  Load All with the rate limit on (1,200 per ${WINDOW_S} s; budget ${budget.capacity}, of which Load All takes ${share} per window and leaves the rest to other work):`);
    for (const line of shown) console.log(`    progress: ${line}`);
    // The floor at Load All's share of the budget: the reserve it leaves costs a window here.
    const pacedFloorMs = (Math.ceil((requests + used) / share) - 1) * WINDOW_S * 1000 + (requests * LATENCY_MS) / CONCURRENCY;
    console.log(`  ${`Load All: ${loaded.toLocaleString('en')} hostnames, ${requests} requests`.padEnd(58)} ${seconds(elapsed).padStart(12)}  ${(elapsed / pacedFloorMs).toFixed(2)}× the rate floor at its share (${seconds(pacedFloorMs)}); ${(elapsed / floorMs).toFixed(2)}× the floor at the full budget (${seconds(floorMs)})`);
    console.log(`  ${'answers 429 from the simulator'.padEnd(58)} ${String(limited.rateLimited).padStart(12)}  0 → ${check(limited.rateLimited === 0)}`);
  } finally {
    model.dispose();
    await client.close();
    await limited.close();
  }
}

async function manyZones(): Promise<void> {
  console.log(`\n(b) ${MANY_ZONES.zones} zones (${(MANY_ZONES.zones * MANY_ZONES.packsPerZone).toLocaleString('en')} packs, ${MANY_ZONES.customHostnames.toLocaleString('en')} custom hostnames), every zone but one expanded, auto-refresh every ${minAutoRefreshMinutes} min, pending polling, one Probe All in Zone; ${SIMULATED_MINUTES} simulated minutes at ${MANY_ZONES_FACTOR}× with the simulator's rate limit on.`);
  const clock = new AcceleratedClock(MANY_ZONES_FACTOR);
  const sim = await startSimulator({ scenario: generateLargeAccount(MANY_ZONES), lifecycle: false, rateLimit: true, latencyMs: LATENCY_MS / MANY_ZONES_FACTOR, clock });
  const budget = new RateBudget({ clock });
  const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, clock, rateBudget: budget, concurrency: CONCURRENCY });
  const stamps: number[] = [];
  const unsubscribe = client.onAnswer(() => stamps.push(clock.now()));
  const expanded = new Set<string>();
  const model: ExplorerModel = new ExplorerModel({
    listProfiles: () => [profile],
    clientFor: () => Promise.resolve(client),
    clock,
    logger: silentLogger,
    // The poller is made just below; the model calls back only once loads start.
    onDidChange: () => poller.modelChanged(),
  });
  const poller = new PendingPoller({ model, clock, logger: silentLogger });
  // What the model needs of the screen and the budget comes in as data, as in the extension.
  const autoRefresh = new AutoRefreshLoop({ clock, intervalMinutes: () => minAutoRefreshMinutes, refresh: () => model.refresh(undefined, new Map([[profile.key, budget.available]])), logger: silentLogger });
  const started = clock.now();
  let refreshes = 0;
  const counted = new AutoRefreshLoop({ clock, intervalMinutes: () => minAutoRefreshMinutes, refresh: () => Promise.resolve(void (refreshes += 1)), logger: silentLogger });
  try {
    poller.setVisible(true);
    autoRefresh.setVisible(true);
    counted.setVisible(true);
    await model.loadZones(profile.key);
    const zones = [...(model.account(profile.key)?.zoneStates.keys() ?? [])];
    const probed = zones[zones.length - 1] ?? '';
    // The user expands every zone but the last (the budget paces the loads), and at minute 10 runs Probe All on the last one.
    for (const zone of zones.slice(0, -1)) {
      expanded.add(zoneKey(profile.key, zone));
      void model.loadZone(profile.key, zone);
    }
    model.setOnScreen(expanded);
    await clock.sleep(10 * 60_000);
    // Probe All in Zone loads the zone's objects when it was not loaded; the handshakes then go to the edge, not the API.
    await model.loadZone(profile.key, probed);
    await clock.sleep(Math.max(0, started + SIMULATED_MINUTES * 60_000 - clock.now()));
  } finally {
    autoRefresh.dispose();
    counted.dispose();
    poller.dispose();
    model.dispose();
    unsubscribe();
    await model.whenIdle();
    await client.close();
    await sim.close();
  }
  let busiest = 0;
  for (let end = 0, start = 0; end < stamps.length; end++) {
    while ((stamps[end] ?? 0) - (stamps[start] ?? 0) >= WINDOW_S * 1000) start++;
    busiest = Math.max(busiest, end - start + 1);
  }
  console.log(`  ${'requests over the 30 minutes'.padEnd(58)} ${String(sim.requests).padStart(12)}  (${refreshes} auto-refreshes due)`);
  console.log(`  ${'busiest 5-minute window (answers)'.padEnd(58)} ${String(busiest).padStart(12)}  ≤ 1,200`);
  console.log(`  ${'answers 429 from the simulator'.padEnd(58)} ${String(sim.rateLimited).padStart(12)}  0 → ${check(sim.rateLimited === 0)}`);
}

async function main(): Promise<void> {
  console.log(`Scale benchmark; Node ${process.version}.\n`);
  if (process.env['BENCH_SCALE_PART'] !== 'b') await bigZone();
  if (process.env['BENCH_SCALE_PART'] !== 'a') await manyZones();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
