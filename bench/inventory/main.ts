/**
 * Inventory benchmark (`npm run bench:inventory`). Not a test: prints medians and ratios,
 * never fails a build.
 *
 * A generated account (300 zones, 3,000 packs, 10,000 custom hostnames) served by the
 * simulator, in a worker thread, with 50 ms of latency per request; rate limit and rate
 * budget off. Our `gatherInventory` against the request floor, the time floor
 * (requests × latency ÷ concurrency) and two scripts on the official `cloudflare` SDK.
 * Targets (DESIGN.md): requests = minimum; wall ≤ 1.2× the floor; ≥ 10× faster than the
 * sequential SDK script; no slower than the parallel one.
 *
 * Then the same inventory with Cloudflare's rate limit on (1,200 requests per 5 minutes
 * in the simulator) and the client's own rate budget: a run that takes minutes of
 * Cloudflare's time, measured on a clock both sides share that is the real one except
 * that it skips the waits for the next window (WindowSkippingClock): requests, latency
 * and CPU cost what they really cost. Against the rate floor (⌈N ÷ budget⌉ − 1) × 300 s
 * + N × latency ÷ concurrency; targets ≤ 1.05× and no 429.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { CloudflareClient, gatherInventory, maxPerPage, RateBudget } from '../../src/cloudflare';
import { WindowSkippingClock } from './windowSkippingClock';
import { generateLargeAccount, type LargeAccountOptions } from '../../src/simulator';
import { sdkParallel, sdkSequential } from './sdkScripts';
import type { SimulatorWorkerData, SimulatorWorkerMessage } from './simulatorWorker';

const ACCOUNT: LargeAccountOptions = { zones: 300, packsPerZone: 10, customHostnames: 10_000, seed: 2026 };
const LATENCY_MS = 50;
const CONCURRENCY = 8;
const OUR_RUNS = 3;
const SDK_PARALLEL_RUNS = 2;
const SDK_SEQUENTIAL_RUNS = 1;
const RATE_RUNS = 3;
const WINDOW_S = 300;

interface Measured {
  readonly wallMs: number;
  readonly requests: number;
  readonly peakHeapMb: number;
  readonly items: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The fewest requests per_page 50 allows: an empty list still costs one. */
function requestFloor(account: LargeAccountOptions): Array<readonly [string, number]> {
  const scenario = generateLargeAccount(account);
  const pages = (count: number): number => Math.max(1, Math.ceil(count / maxPerPage));
  const sum = (pick: (zone: (typeof scenario.zones)[number]) => number): number => scenario.zones.reduce((total, zone) => total + pick(zone), 0);
  return [
    ['zones', pages(scenario.zones.length)],
    ['certificate packs', sum((zone) => pages(zone.certificatePacks?.length ?? 0))],
    ['custom certificates', sum((zone) => pages(zone.customCertificates?.length ?? 0))],
    ['custom hostnames', sum((zone) => pages(zone.customHostnames?.length ?? 0))],
    ['client certificates', sum((zone) => pages(zone.clientCertificates?.length ?? 0))],
    ['fallback origins', scenario.zones.length],
  ];
}

class SimulatorThread {
  private readonly waiting: Array<(message: SimulatorWorkerMessage) => void> = [];
  private constructor(private readonly worker: Worker) {
    worker.on('message', (message: SimulatorWorkerMessage) => this.waiting.shift()?.(message));
  }

  static async start(data: SimulatorWorkerData): Promise<{ thread: SimulatorThread; apiBaseUrl: string; token: string }> {
    const thread = new SimulatorThread(new Worker(join(__dirname, 'simulatorWorker.js'), { workerData: data }));
    const ready = await thread.next();
    if (ready.type !== 'ready') {
      throw new Error('the simulator worker did not start');
    }
    return { thread, apiBaseUrl: ready.apiBaseUrl, token: ready.token };
  }

  private next(): Promise<SimulatorWorkerMessage> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async requests(): Promise<number> {
    return (await this.counts()).requests;
  }

  /** Requests served, and of those answered 429 by the simulator's rate limiter. */
  async counts(): Promise<{ requests: number; rateLimited: number }> {
    const reply = this.next();
    this.worker.postMessage('requests');
    const message = await reply;
    return message.type === 'requests' ? { requests: message.count, rateLimited: message.rateLimited } : { requests: Number.NaN, rateLimited: Number.NaN };
  }

  async close(): Promise<void> {
    const reply = this.next();
    this.worker.postMessage('close');
    await reply;
    await this.worker.terminate();
  }
}

/** Runs one approach, sampling this thread's heap (the simulator's is in its own thread). */
async function measure(thread: SimulatorThread, run: () => Promise<number>): Promise<Measured> {
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().heapUsed;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 10);
  const before = await thread.requests();
  const started = performance.now();
  const items = await run();
  const wallMs = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const requests = (await thread.requests()) - before;
  return { wallMs, requests, items, peakHeapMb: (peak - baseline) / 1_048_576 };
}

async function ours(apiBaseUrl: string, token: string): Promise<number> {
  const client = new CloudflareClient({ baseUrl: apiBaseUrl, credentials: { kind: 'token', token }, rateBudget: false, concurrency: CONCURRENCY });
  try {
    const inventory = await gatherInventory(client);
    if (!inventory.complete) {
      throw new Error(`the inventory was incomplete: ${JSON.stringify(inventory.errors.slice(0, 3))}`);
    }
    return inventory.zones.reduce((sum, zone) => sum + (zone.certificatePacks?.length ?? 0) + (zone.customCertificates?.length ?? 0) + (zone.customHostnames?.length ?? 0) + (zone.clientCertificates?.length ?? 0) + (zone.fallbackOrigin == null ? 0 : 1), 0);
  } finally {
    await client.close();
  }
}

async function repeat(label: string, runs: number, thread: SimulatorThread, run: () => Promise<number>): Promise<Measured> {
  const results: Measured[] = [];
  for (let index = 0; index < runs; index++) {
    const result = await measure(thread, run);
    console.log(`  ${label} run ${index + 1}/${runs}: ${(result.wallMs / 1000).toFixed(2)} s, ${result.requests} requests, ${result.items} objects`);
    results.push(result);
  }
  return {
    wallMs: median(results.map((result) => result.wallMs)),
    requests: median(results.map((result) => result.requests)),
    items: median(results.map((result) => result.items)),
    peakHeapMb: Math.max(...results.map((result) => result.peakHeapMb)),
  };
}

interface RateLimitedRun {
  /** Shared-clock milliseconds from the first request to the last answer, and of those skipped waiting for a window. */
  readonly simulatedMs: number;
  readonly skippedMs: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly items: number;
  readonly budget: number;
}

/** One inventory with the simulator's rate limit on: a fresh simulator, so its window starts empty. */
async function rateLimitedRun(): Promise<RateLimitedRun> {
  const skipped = WindowSkippingClock.buffer();
  const clock = new WindowSkippingClock(skipped);
  const { thread, apiBaseUrl, token } = await SimulatorThread.start({ account: ACCOUNT, latencyMs: LATENCY_MS, rateLimit: { skipped } });
  const budget = new RateBudget({ clock });
  const client = new CloudflareClient({ baseUrl: apiBaseUrl, credentials: { kind: 'token', token }, clock, rateBudget: budget, concurrency: CONCURRENCY });
  try {
    const started = clock.now();
    const inventory = await gatherInventory(client);
    const simulatedMs = clock.now() - started;
    if (!inventory.complete) throw new Error(`the inventory was incomplete: ${JSON.stringify(inventory.errors.slice(0, 3))}`);
    const items = inventory.zones.reduce((sum, zone) => sum + (zone.certificatePacks?.length ?? 0) + (zone.customCertificates?.length ?? 0) + (zone.customHostnames?.length ?? 0) + (zone.clientCertificates?.length ?? 0) + (zone.fallbackOrigin == null ? 0 : 1), 0);
    const counts = await thread.counts();
    return { simulatedMs, skippedMs: clock.skippedMs, requests: counts.requests, rateLimited: counts.rateLimited, items, budget: budget.capacity };
  } finally {
    await client.close();
    await thread.close();
  }
}

class SkipUnlimited extends Error {}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const floor = requestFloor(ACCOUNT);
  const minimum = floor.reduce((sum, [, count]) => sum + count, 0);
  const timeFloorMs = (minimum * LATENCY_MS) / CONCURRENCY;
  console.log(`Inventory benchmark: ${ACCOUNT.zones} zones, ${ACCOUNT.zones * ACCOUNT.packsPerZone} certificate packs, ${ACCOUNT.customHostnames} custom hostnames; ${LATENCY_MS} ms per request; concurrency ${CONCURRENCY}; rate limit and budget off.`);
  console.log(`Request floor (per_page ${maxPerPage}): ${floor.map(([name, count]) => `${name} ${count}`).join(' · ')} · total ${minimum}`);
  console.log(`Time floor: ${minimum} requests × ${LATENCY_MS} ms ÷ ${CONCURRENCY} = ${seconds(timeFloorMs)}\n`);

  // BENCH_RATE_ONLY=1 runs only the rate-limited part.
  const { thread, apiBaseUrl, token } = await SimulatorThread.start({ account: ACCOUNT, latencyMs: LATENCY_MS });
  try {
    if (process.env['BENCH_RATE_ONLY'] === '1') throw new SkipUnlimited();
    const ourResult = await repeat('ours', OUR_RUNS, thread, () => ours(apiBaseUrl, token));
    const parallel = await repeat(`SDK, ${CONCURRENCY} lists in flight`, SDK_PARALLEL_RUNS, thread, async () => (await sdkParallel(apiBaseUrl, token, CONCURRENCY)).items);
    const sequential = await repeat('SDK, sequential (README style)', SDK_SEQUENTIAL_RUNS, thread, async () => (await sdkSequential(apiBaseUrl, token)).items);

    const ratio = (value: number): string => `${value.toFixed(2)}×`;
    const row = (name: string, runs: number, result: Measured): string =>
      `${name.padEnd(32)} ${String(runs).padStart(4)} ${String(result.requests).padStart(9)} ${ratio(result.requests / minimum).padStart(8)} ${seconds(result.wallMs).padStart(10)} ${ratio(result.wallMs / timeFloorMs).padStart(8)} ${result.peakHeapMb.toFixed(1).padStart(10)}`;
    console.log(`\n${'approach'.padEnd(32)} runs  requests  vs min    wall(md)  vs floor  peak heap MB`);
    console.log(row('ours (gatherInventory)', OUR_RUNS, ourResult));
    console.log(row(`SDK parallel (${CONCURRENCY} in flight)`, SDK_PARALLEL_RUNS, parallel));
    console.log(row('SDK sequential (README)', SDK_SEQUENTIAL_RUNS, sequential));
    if (ourResult.items !== parallel.items || ourResult.items !== sequential.items) {
      console.log(`\nNote: object counts differ (ours ${ourResult.items}, SDK parallel ${parallel.items}, SDK sequential ${sequential.items}).`);
    }
    const check = (ok: boolean): string => (ok ? 'met' : 'MISSED');
    console.log('\nTargets:');
    console.log(`  requests = minimum:              ${ourResult.requests} vs ${minimum} → ${check(ourResult.requests <= minimum)}`);
    console.log(`  wall ≤ 1.2× the floor:           ${ratio(ourResult.wallMs / timeFloorMs)} → ${check(ourResult.wallMs <= 1.2 * timeFloorMs)}`);
    console.log(`  ≥ 10× faster than SDK sequential: ${ratio(sequential.wallMs / ourResult.wallMs)} → ${check(sequential.wallMs >= 10 * ourResult.wallMs)}`);
    console.log(`  no slower than SDK parallel:     ${ratio(parallel.wallMs / ourResult.wallMs)} → ${check(parallel.wallMs >= ourResult.wallMs)}`);
  } catch (error) {
    if (!(error instanceof SkipUnlimited)) throw error;
  } finally {
    await thread.close();
  }

  console.log(`\nWith the rate limit on: the simulator allows 1,200 requests per ${WINDOW_S} s; the client paces itself by its rate budget. Time below is the shared clock's: real time, with the waits for the next window skipped.`);
  const limited: RateLimitedRun[] = [];
  for (let index = 0; index < RATE_RUNS; index++) {
    const run = await rateLimitedRun();
    console.log(`  rate-limited run ${index + 1}/${RATE_RUNS}: ${seconds(run.simulatedMs)} (${seconds(run.skippedMs)} of it waiting for a window, skipped), ${run.requests} requests, ${run.rateLimited} answered 429, ${run.items} objects`);
    limited.push(run);
  }
  const simulated = median(limited.map((run) => run.simulatedMs));
  const requests = median(limited.map((run) => run.requests));
  const budget = limited[0]?.budget ?? 1080;
  const windows = Math.ceil(requests / budget) - 1;
  const rateFloorMs = windows * WINDOW_S * 1000 + (requests * LATENCY_MS) / CONCURRENCY;
  const served429 = Math.max(...limited.map((run) => run.rateLimited));
  const check = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  console.log(`Rate floor: (⌈${requests} ÷ ${budget}⌉ − 1) × ${WINDOW_S} s + ${requests} × ${LATENCY_MS} ms ÷ ${CONCURRENCY} = ${seconds(rateFloorMs)} (budget: 90 % of 1,200)`);
  // The formula counts every request's latency on top of the windows; a sliding window lets the requests of
  // each later window start as the first window's grants leave it, so the tight floor counts only the last window's.
  const tightFloorMs = windows * WINDOW_S * 1000 + ((requests - windows * budget) * LATENCY_MS) / CONCURRENCY;
  console.log(`Tight floor: ${windows} × ${WINDOW_S} s + (${requests} − ${windows * budget}) × ${LATENCY_MS} ms ÷ ${CONCURRENCY} = ${seconds(tightFloorMs)} (the requests of the last window only)`);
  console.log(`\n${'approach'.padEnd(32)} runs  requests   simulated(md)  vs floor   429s`);
  console.log(`${'ours, rate limit on'.padEnd(32)} ${String(RATE_RUNS).padStart(4)} ${String(requests).padStart(9)} ${seconds(simulated).padStart(15)} ${`${(simulated / rateFloorMs).toFixed(3)}×`.padStart(9)} ${String(served429).padStart(6)}`);
  console.log('\nTargets (rate limit on):');
  console.log(`  simulated time ≤ 1.05× the rate floor: ${(simulated / rateFloorMs).toFixed(3)}× → ${check(simulated <= 1.05 * rateFloorMs)} (${(simulated / tightFloorMs).toFixed(3)}× the tight floor)`);
  console.log(`  no 429 from the simulator:            ${served429} → ${check(served429 === 0)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
