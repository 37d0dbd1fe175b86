/**
 * Explorer benchmark (`npm run bench:explorer`). Not a test: prints medians and ratios,
 * never fails a build.
 *
 * One SaaS zone with 20,000 custom hostnames, served by the simulator with 50 ms of
 * latency per request. Each measurement runs the extension's ExplorerModel in a child
 * process of its own (fresh heap, --expose-gc; see measure.ts); the simulator runs here,
 * in this otherwise idle process, so serving pages costs the measured process nothing.
 * Times are shown against one API round trip measured in the same run:
 *   (a) one round trip (GET /user/tokens/verify, warm connection);
 *   (b) expanding the zone until its first hostname page is presented;
 *   (c) "Load all" and presenting all 20,000;
 *   (d) the heap the 20,000 hostnames keep;
 *   (e) the bytes one redraw ships to the workbench, and the tooltips it leaves to hover;
 *   (f) the bytes refreshing one hostname (as its lifecycle panel or a poll does) ships to the
 *       workbench: moved along (no count changes), and become a problem (its counts change).
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { maxPerPage } from '../../src/cloudflare';
import { generateLargeAccount, startSimulator, type LargeAccountOptions } from '../../src/simulator';
import type { MeasureMode, MeasureResult } from './measure';

const ACCOUNT: LargeAccountOptions = { zones: 1, packsPerZone: 10, customHostnames: 20_000, seed: 2026 };
const LATENCY_MS = 50;
const EXPAND_RUNS = 5;
const LOAD_ALL_RUNS = 3;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function measure<M extends MeasureMode>(mode: M, env: Record<string, string>): Promise<Extract<MeasureResult, { mode: M }>> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'measure.js'), [mode], { execArgv: ['--expose-gc'], env: { ...process.env, ...env } });
    let result: MeasureResult | undefined;
    child.on('message', (message: MeasureResult) => {
      result = message;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (result?.mode === mode) resolve(result as Extract<MeasureResult, { mode: M }>);
      else reject(new Error(`the ${mode} measurement exited with ${String(code)} and no result`));
    });
  });
}

async function runs<M extends MeasureMode>(mode: M, count: number, env: Record<string, string>, describe: (result: Extract<MeasureResult, { mode: M }>) => string): Promise<Array<Extract<MeasureResult, { mode: M }>>> {
  const results: Array<Extract<MeasureResult, { mode: M }>> = [];
  for (let index = 0; index < count; index++) {
    const result = await measure(mode, env);
    console.log(`  ${mode} run ${index + 1}/${count}: ${describe(result)}`);
    results.push(result);
  }
  return results;
}

const ms = (value: number): string => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`);
const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;
const kb = (bytes: number): string => (bytes >= 1_048_576 ? mb(bytes) : `${(bytes / 1024).toFixed(1)} KB`);
const ratio = (value: number): string => `${value.toFixed(1)}×`;

async function main(): Promise<void> {
  const hostnames = ACCOUNT.customHostnames;
  const pages = Math.ceil(hostnames / maxPerPage);
  console.log(`Explorer benchmark: one zone with ${hostnames.toLocaleString('en')} custom hostnames (${pages} pages of ${maxPerPage}) and ${ACCOUNT.packsPerZone} certificate packs; ${LATENCY_MS} ms per request; Node ${process.version}.`);
  console.log('Each run is a child process with a fresh heap; the simulator serves from this process.\n');
  const sim = await startSimulator({ scenario: generateLargeAccount(ACCOUNT), lifecycle: false, latencyMs: LATENCY_MS, rateLimit: false });
  const env = { BENCH_API_BASE_URL: sim.apiBaseUrl, BENCH_TOKEN: sim.demoToken };
  try {
    const [trip] = await runs('roundTrip', 1, env, (result) => `median ${ms(median(result.samplesMs))} over ${result.samplesMs.length} requests`);
    const rtt = median(trip?.samplesMs ?? []);
    const expands = await runs('expand', EXPAND_RUNS, env, (result) => `${ms(result.ms)}, ${result.requests} requests, ${result.presented} items (${result.hostnames} hostnames), ${result.redraws} redraws`);
    const loads = await runs('loadAll', LOAD_ALL_RUNS, env, (result) => `load ${ms(result.loadMs)} (${result.requests} requests; ${result.redraws} redraws took ${ms(result.redrawMs)}), present ${ms(result.presentMs)} (${result.presented} items), heap ${mb(result.heapAll - result.heapFirstPage)} kept`);

    const expandMs = median(expands.map((result) => result.ms));
    const loadMs = median(loads.map((result) => result.loadMs));
    const redraws = median(loads.map((result) => result.redraws));
    const redrawMs = median(loads.map((result) => result.redrawMs));
    const presentMs = median(loads.map((result) => result.presentMs));
    const totalMs = median(loads.map((result) => result.loadMs + result.presentMs));
    const kept = median(loads.map((result) => result.heapAll - result.heapFirstPage));
    const heapAll = median(loads.map((result) => result.heapAll));
    const peak = Math.max(...loads.map((result) => result.peakExtra));
    const loaded = loads[0]?.hostnames ?? 0;
    const newlyLoaded = loaded - maxPerPage;
    const row = (name: string, runCount: number, value: string, versus = ''): string => `${name.padEnd(52)} ${String(runCount).padStart(4)} ${value.padStart(10)} ${versus.padStart(12)}`;

    console.log(`\n${'measure'.padEnd(52)} runs ${'median'.padStart(10)} ${'vs 1 trip'.padStart(12)}`);
    console.log(row('(a) one API round trip (GET /user/tokens/verify)', trip?.samplesMs.length ?? 0, ms(rtt), ratio(1)));
    console.log(row(`(b) expand zone → first ${maxPerPage} hostnames presented`, EXPAND_RUNS, ms(expandMs), ratio(expandMs / rtt)));
    console.log(row(`(c) load all ${loaded.toLocaleString('en')} (${pages - 1} more pages)`, LOAD_ALL_RUNS, ms(loadMs), ratio(loadMs / rtt)));
    console.log(row(`    of which ${redraws} redraws while pages arrive`, LOAD_ALL_RUNS, ms(redrawMs), ratio(redrawMs / rtt)));
    console.log(row(`    present all ${loaded.toLocaleString('en')} once loaded`, LOAD_ALL_RUNS, ms(presentMs)));
    console.log(row('    load all + present', LOAD_ALL_RUNS, ms(totalMs), ratio(totalMs / rtt)));
    console.log(row(`(d) heap kept by ${newlyLoaded.toLocaleString('en')} more hostnames`, LOAD_ALL_RUNS, mb(kept), `${Math.round(kept / newlyLoaded)} B/host`));
    console.log(row(`    heap used with all ${loaded.toLocaleString('en')} loaded (after GC)`, LOAD_ALL_RUNS, mb(heapAll)));
    console.log(row('    peak heap over first-page heap, load + present', LOAD_ALL_RUNS, mb(peak)));
    const itemBytes = median(loads.map((result) => result.itemBytes));
    const tooltipBytes = median(loads.map((result) => result.tooltipBytes));
    console.log(row(`(e) one redraw ships ${loaded.toLocaleString('en')} items to the workbench`, LOAD_ALL_RUNS, mb(itemBytes)));
    console.log(row('    tooltips left to resolveTreeItem (hover)', LOAD_ALL_RUNS, mb(tooltipBytes), `${ratio((itemBytes + tooltipBytes) / itemBytes)} less`));
    const refreshItems = median(loads.map((result) => result.refreshOneItems));
    const refreshBytes = median(loads.map((result) => result.refreshOneBytes));
    console.log(row(`(f) refresh one hostname: ${refreshItems.toLocaleString('en')} items shipped`, LOAD_ALL_RUNS, kb(refreshBytes)));
    const problemItems = median(loads.map((result) => result.refreshProblemItems));
    const problemBytes = median(loads.map((result) => result.refreshProblemBytes));
    console.log(row(`    …that became a problem (counts change): ${problemItems.toLocaleString('en')} items`, LOAD_ALL_RUNS, kb(problemBytes)));
    console.log(`\nFor scale: ${pages - 1} pages one after another would take ${ms((pages - 1) * rtt)} (${pages - 1} round trips).`);
  } finally {
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
