/**
 * One measurement of the explorer benchmark, in a child process of its own (started by
 * main.ts with --expose-gc), so every figure starts from a fresh heap. The model is the
 * extension's own ExplorerModel over the client the extension builds (concurrency 8, a
 * rate budget). The VS Code side is imitated, not drawn: on every change the model
 * reports, a redraw is scheduled at most once per tick (as ExplorerProvider.redraw does)
 * and builds, with `present()`, every item VS Code asks for again: the open zone, its
 * groups, and the children of the open groups, custom hostnames included.
 */
import { CloudflareClient, RateBudget } from '../../src/cloudflare';
import type { AccountProfile } from '../../src/domain/accounts';
import { systemClock } from '../../src/shared/clock';
import { childrenOf } from '../../src/explorer/children';
import { ExplorerModel } from '../../src/explorer/explorerModel';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { present } from '../../src/explorer/presentation';
import type { PresentationContext } from '../../src/explorer/treeItemModel';
import { silentLogger } from '../../src/shared/logger';

export type MeasureMode = 'roundTrip' | 'expand' | 'loadAll';

export type MeasureResult =
  | { readonly mode: 'roundTrip'; readonly samplesMs: readonly number[] }
  | { readonly mode: 'expand'; readonly ms: number; readonly requests: number; readonly presented: number; readonly hostnames: number; readonly redraws: number }
  | {
      readonly mode: 'loadAll';
      readonly loadMs: number;
      readonly presentMs: number;
      readonly requests: number;
      readonly hostnames: number;
      readonly presented: number;
      readonly redraws: number;
      /** Time spent building items for redraws while loading. */
      readonly redrawMs: number;
      /** Heap after a full GC, with only the first page loaded and with everything. */
      readonly heapFirstPage: number;
      readonly heapAll: number;
      /** The highest heapUsed seen while loading and presenting, over the first-page heap. */
      readonly peakExtra: number;
      /** What one redraw of the zone ships to the workbench, as JSON: the items without tooltips, and the tooltips left to resolveTreeItem. */
      readonly itemBytes: number;
      readonly tooltipBytes: number;
    };

const ROUND_TRIP_WARMUP = 5;
const ROUND_TRIP_SAMPLES = 30;
const profile: AccountProfile = { key: 'bench', label: 'Bench', origin: 'stored', authKind: 'token' };

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/** What the tree provider does on a model change; `zone` is the zone the user opened, once known. */
class RedrawImitation {
  zone: string | undefined;
  count = 0;
  ms = 0;
  private scheduled = false;
  constructor(private readonly draw: (zone: string) => void) {}

  request(): void {
    if (this.scheduled || this.zone === undefined) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.zone === undefined) return;
      const started = performance.now();
      this.draw(this.zone);
      this.ms += performance.now() - started;
      this.count++;
    });
  }
}

function setUp(): { client: CloudflareClient; model: ExplorerModel; context: () => PresentationContext; redraw: RedrawImitation } {
  const baseUrl = process.env['BENCH_API_BASE_URL'];
  const token = process.env['BENCH_TOKEN'];
  if (baseUrl === undefined || token === undefined) throw new Error('measure.ts runs as a child of bench/explorer/main.ts');
  // As the extension's ClientPool builds it, with the default settings.
  const client = new CloudflareClient({ baseUrl, credentials: { kind: 'token', token }, concurrency: 8, rateBudget: new RateBudget() });
  const model: ExplorerModel = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock: systemClock, logger: silentLogger, onDidChange: () => redraw.request() });
  const context = (): PresentationContext => ({ model, now: Date.now(), thresholds: { warningDays: 30, criticalDays: 7 } });
  const redraw = new RedrawImitation((zone) => presentExpandedZone(model, context, zone));
  return { client, model, context, redraw };
}

/** The account's zone list loaded (and, one zone being few, prefetched): what a user sees before expanding the zone. */
async function zoneShown(model: ExplorerModel): Promise<string> {
  await model.loadZones(profile.key);
  await model.whenIdle();
  const zone = [...(model.account(profile.key)?.zoneStates.values() ?? [])][0];
  if (zone === undefined) throw new Error('the benchmark account has no zone');
  return zone.zone.id;
}

function hostnamesGroup(zone: string): ExplorerNode {
  return { type: 'group', account: profile.key, zone, group: 'customHostnames' };
}

/** Builds the items the view shows once the zone and its custom hostnames group are open. */
function presentExpandedZone(model: ExplorerModel, context: () => PresentationContext, zone: string): { presented: number; hostnames: number } {
  const zoneNode: ExplorerNode = { type: 'zone', account: profile.key, zone };
  present(zoneNode, context());
  let presented = 1;
  let hostnames = 0;
  for (const group of childrenOf(model, zoneNode, context()).nodes) {
    const item = present(group, context());
    presented++;
    const open = item.collapsible === 'expanded' || (group.type === 'group' && group.group === 'customHostnames');
    if (!open) continue;
    for (const child of childrenOf(model, group, context()).nodes) {
      present(child, context());
      presented++;
      if (child.type === 'customHostname') hostnames++;
    }
  }
  return { presented, hostnames };
}

async function roundTrip(): Promise<MeasureResult> {
  const { client } = setUp();
  for (let index = 0; index < ROUND_TRIP_WARMUP; index++) await client.verifyToken();
  const samplesMs: number[] = [];
  for (let index = 0; index < ROUND_TRIP_SAMPLES; index++) {
    const started = performance.now();
    await client.verifyToken();
    samplesMs.push(performance.now() - started);
  }
  await client.close();
  return { mode: 'roundTrip', samplesMs };
}

/**
 * Expanding the zone: its certificate lists and the first hostname page, then the items.
 * One zone is prefetched as soon as the zone list arrives, so the zone is loaded again
 * here: the same requests and the same work as a first expand in a large account.
 */
async function expand(): Promise<MeasureResult> {
  const { client, model, context, redraw } = setUp();
  const zone = await zoneShown(model);
  gc();
  const requests = client.stats.requests;
  const started = performance.now();
  redraw.zone = zone;
  await model.loadZone(profile.key, zone);
  const { presented, hostnames } = presentExpandedZone(model, context, zone);
  const ms = performance.now() - started;
  const result: MeasureResult = { mode: 'expand', ms, requests: client.stats.requests - requests, presented, hostnames, redraws: redraw.count };
  await client.close();
  return result;
}

/** "Load all" on the expanded zone, then every item of the hostnames group, with the heap before and after. */
async function loadAll(): Promise<MeasureResult> {
  const { client, model, context, redraw } = setUp();
  const zone = await zoneShown(model);
  gc();
  redraw.zone = zone;
  const heapFirstPage = process.memoryUsage().heapUsed;
  let peak = heapFirstPage;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const requests = client.stats.requests;
  const started = performance.now();
  await model.loadHostnames(profile.key, zone, { all: true });
  const loaded = performance.now();
  const group = hostnamesGroup(zone);
  let presented = 0;
  let hostnames = 0;
  for (const child of childrenOf(model, group, context()).nodes) {
    present(child, context());
    presented++;
    if (child.type === 'customHostname') hostnames++;
  }
  const presentMs = performance.now() - loaded;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const requestCount = client.stats.requests - requests;
  const { itemBytes, tooltipBytes } = redrawPayload(model, context, group);
  gc();
  const heapAll = process.memoryUsage().heapUsed;
  const result: MeasureResult = { mode: 'loadAll', loadMs: loaded - started, presentMs, requests: requestCount, hostnames, presented, redraws: redraw.count, redrawMs: redraw.ms, heapFirstPage, heapAll, peakExtra: peak - heapFirstPage, itemBytes, tooltipBytes };
  // The model stays reachable until the heap was read.
  if (model.zone(profile.key, zone) === undefined) throw new Error('the zone went away');
  await client.close();
  return result;
}

/** The JSON one redraw of the hostnames would ship, split into the items and their tooltips. */
function redrawPayload(model: ExplorerModel, context: () => PresentationContext, group: ExplorerNode): { itemBytes: number; tooltipBytes: number } {
  let itemBytes = 0;
  let tooltipBytes = 0;
  for (const child of childrenOf(model, group, context()).nodes) {
    const { tooltip, ...item } = present(child, context());
    itemBytes += JSON.stringify(item).length;
    tooltipBytes += tooltip === undefined ? 0 : JSON.stringify(tooltip).length;
  }
  return { itemBytes, tooltipBytes };
}

async function main(): Promise<void> {
  const mode = process.argv[2] as MeasureMode;
  const run = { roundTrip, expand, loadAll }[mode];
  if (run === undefined) throw new Error(`unknown mode ${String(mode)}`);
  const result = await run();
  await new Promise<void>((resolve, reject) => process.send?.(result, (error: Error | null) => (error ? reject(error) : resolve())));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
