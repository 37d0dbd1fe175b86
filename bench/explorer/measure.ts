/**
 * One measurement of the explorer benchmark, in a child process of its own (started by
 * main.ts with --expose-gc), so every figure starts from a fresh heap. The model is the
 * extension's own ExplorerModel over the client the extension builds (concurrency 8, a
 * rate budget). The VS Code side is imitated, not drawn: on every change the model
 * reports, a redraw is scheduled at most once per tick (as ExplorerProvider.redraw does)
 * and builds, with `present()`, every item VS Code asks for again: the open zone, its
 * groups, and the children of the open groups, custom hostnames included.
 */
import { CloudflareClient, RateBudget, type CustomHostname } from '../../src/cloudflare';
import type { AccountProfile } from '../../src/domain/accounts';
import { systemClock } from '../../src/shared/clock';
import { childrenOf } from '../../src/explorer/children';
import { ExplorerModel, type ModelChange } from '../../src/explorer/explorerModel';
import { nodeId, type ExplorerNode } from '../../src/explorer/nodes';
import { present } from '../../src/explorer/presentation';
import type { TreeItemModel } from '../../src/explorer/treeItemModel';
import type { ExplorerSnapshot, SnapshotInputs } from '../../src/explorer/snapshot';
import { TreeElements } from '../../src/explorer/treeElements';
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
      /** What refreshing one hostname (as its lifecycle panel or a poll does) ships to the workbench: items redrawn, and their bytes as JSON; Cloudflare moved it along (no count above it changes). */
      readonly refreshOneItems: number;
      readonly refreshOneBytes: number;
      /** The same for a hostname that became a problem: the counts of its group and zone change too. */
      readonly refreshProblemItems: number;
      readonly refreshProblemBytes: number;
    };

const ROUND_TRIP_WARMUP = 5;
const ROUND_TRIP_SAMPLES = 30;
const profile: AccountProfile = { key: 'bench', label: 'Bench', origin: 'stored', authKind: 'token' };

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

/**
 * What the tree provider and the workbench do together on model changes: the provider
 * (TreeElements, as ExplorerProvider uses it) says which rows changed, at most once per
 * tick; the workbench asks for each such row's item again and, when the row is open, for
 * its children (VS Code's refresh(element) updates the subtree); "all" redraws the whole
 * open tree. `zone` is the zone the user opened, once known: the tree is open down to its
 * groups and the children of its open groups.
 */
class WorkbenchImitation {
  zone: string | undefined;
  count = 0;
  ms = 0;
  /** Items shipped to the workbench by the redraws so far, and their bytes as JSON (tooltips left to hover). */
  items = 0;
  bytes = 0;
  readonly elements = new TreeElements();
  /** Rows whose children the workbench holds (open rows). */
  private readonly open = new Set<string>();
  private changes: ModelChange[] | undefined;

  constructor(private readonly snapshot: () => ExplorerSnapshot) {}

  request(change: ModelChange): void {
    if (this.zone === undefined) return;
    if (this.changes !== undefined) {
      this.changes.push(change);
      return;
    }
    this.changes = [change];
    setImmediate(() => {
      const changes = this.changes ?? [];
      this.changes = undefined;
      if (this.zone === undefined) return;
      const started = performance.now();
      const drawn = this.redraw(changes);
      this.ms += performance.now() - started;
      this.count++;
      this.items += drawn.presented;
      this.bytes += drawn.bytes;
    });
  }

  /** The whole open tree, as the workbench draws it first (or after a whole redraw). */
  drawAll(): { presented: number; hostnames: number; bytes: number } {
    this.open.clear();
    return this.drawChildren(undefined, 0, this.snapshot());
  }

  private redraw(changes: readonly ModelChange[]): { presented: number; bytes: number } {
    const snapshot = this.snapshot();
    const rows = new Map<string, ExplorerNode>();
    for (const change of changes) {
      const redraw = this.elements.redraw(change, snapshot);
      if (redraw.kind === 'all') return this.drawAll();
      for (const row of redraw.rows) rows.set(nodeId(row), row);
    }
    let presented = 0;
    let bytes = 0;
    for (const [id, row] of rows) {
      bytes += shipped(this.elements.item(row, snapshot));
      presented++;
      if (!this.open.has(id)) continue;
      const below = this.drawChildren(row, depthOf(row), snapshot);
      presented += below.presented;
      bytes += below.bytes;
    }
    return { presented, bytes };
  }

  private drawChildren(parent: ExplorerNode | undefined, depth: number, snapshot: ExplorerSnapshot): { presented: number; hostnames: number; bytes: number } {
    if (parent !== undefined) this.open.add(nodeId(parent));
    let presented = 0;
    let hostnames = 0;
    let bytes = 0;
    for (const child of this.elements.children(parent, snapshot).nodes) {
      const item = this.elements.item(child, snapshot);
      bytes += shipped(item);
      presented++;
      if (child.type === 'customHostname') hostnames++;
      if (!this.opens(child, item)) continue;
      const below = this.drawChildren(child, depth + 1, snapshot);
      presented += below.presented;
      hostnames += below.hostnames;
      bytes += below.bytes;
    }
    return { presented, hostnames, bytes };
  }

  /** The account (open by default), the zone the user opened, and its open groups (the hostnames always). */
  private opens(node: ExplorerNode, item: TreeItemModel): boolean {
    if (node.type === 'account') return item.collapsible === 'expanded';
    if (node.type === 'zone') return node.zone === this.zone;
    if (node.type === 'group') return item.collapsible === 'expanded' || node.group === 'customHostnames';
    return false;
  }
}

function depthOf(node: ExplorerNode): number {
  return node.type === 'account' ? 1 : node.type === 'zone' ? 2 : 3;
}

const inputs = (): SnapshotInputs => ({ now: Date.now(), thresholds: { warningDays: 30, criticalDays: 7 } });

function setUp(): { client: CloudflareClient; model: ExplorerModel; workbench: WorkbenchImitation } {
  const baseUrl = process.env['BENCH_API_BASE_URL'];
  const token = process.env['BENCH_TOKEN'];
  if (baseUrl === undefined || token === undefined) throw new Error('measure.ts runs as a child of bench/explorer/main.ts');
  // As the extension's ClientPool builds it, with the default settings.
  const client = new CloudflareClient({ baseUrl, credentials: { kind: 'token', token }, concurrency: 8, rateBudget: new RateBudget() });
  const model: ExplorerModel = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock: systemClock, logger: silentLogger, onDidChange: (change) => workbench.request(change) });
  const workbench = new WorkbenchImitation(() => model.snapshot(inputs()));
  return { client, model, workbench };
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

/** The bytes of one item as the workbench receives it: JSON, the tooltip left to resolveTreeItem. */
function shipped(item: TreeItemModel): number {
  const { tooltip: _tooltip, ...rest } = item;
  return JSON.stringify(rest).length;
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
  const { client, model, workbench } = setUp();
  const zone = await zoneShown(model);
  gc();
  const requests = client.stats.requests;
  const started = performance.now();
  workbench.zone = zone;
  await model.loadZone(profile.key, zone);
  const { presented, hostnames } = workbench.drawAll();
  const ms = performance.now() - started;
  const result: MeasureResult = { mode: 'expand', ms, requests: client.stats.requests - requests, presented, hostnames, redraws: workbench.count };
  await client.close();
  return result;
}

/** "Load all" on the expanded zone, then every item of the hostnames group, with the heap before and after. */
async function loadAll(): Promise<MeasureResult> {
  const { client, model, workbench } = setUp();
  const zone = await zoneShown(model);
  workbench.zone = zone;
  workbench.drawAll();
  gc();
  const heapFirstPage = process.memoryUsage().heapUsed;
  let peak = heapFirstPage;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  }, 5);
  const requests = client.stats.requests;
  const started = performance.now();
  await model.loadHostnames(profile.key, zone, { all: true });
  const loaded = performance.now();
  // Presenting the open group's rows as the provider does for the workbench: children, then each item.
  const group = hostnamesGroup(zone);
  const snapshot = model.snapshot(inputs());
  let presented = 0;
  let hostnames = 0;
  for (const child of workbench.elements.children(group, snapshot).nodes) {
    workbench.elements.item(child, snapshot);
    presented++;
    if (child.type === 'customHostname') hostnames++;
  }
  const presentMs = performance.now() - loaded;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  const requestCount = client.stats.requests - requests;
  const { itemBytes, tooltipBytes } = redrawPayload(model, group);
  gc();
  const heapAll = process.memoryUsage().heapUsed;
  const redraws = { count: workbench.count, ms: workbench.ms };
  const refreshOne = await refreshOneHostname(model, client, workbench, zone, 0.5, 'pending');
  const refreshProblem = await refreshOneHostname(model, client, workbench, zone, 0.25, 'blocked');
  const result: MeasureResult = { mode: 'loadAll', loadMs: loaded - started, presentMs, requests: requestCount, hostnames, presented, redraws: redraws.count, redrawMs: redraws.ms, heapFirstPage, heapAll, peakExtra: peak - heapFirstPage, itemBytes, tooltipBytes, refreshOneItems: refreshOne.items, refreshOneBytes: refreshOne.bytes, refreshProblemItems: refreshProblem.items, refreshProblemBytes: refreshProblem.bytes };
  // The model stays reachable until the heap was read.
  if (model.zone(profile.key, zone) === undefined) throw new Error('the zone went away');
  await client.close();
  return result;
}

/**
 * Refreshes one active hostname (the first at or after `at` of the list) as its lifecycle
 * panel or a poll does: the model reads it by id and puts it in place. Cloudflare moved it
 * to `status` meanwhile, so the row has something new to show; counts what the redraw that
 * follows ships.
 */
async function refreshOneHostname(model: ExplorerModel, client: CloudflareClient, workbench: WorkbenchImitation, zone: string, at: number, status: string): Promise<{ items: number; bytes: number }> {
  const items = valueOfHostnames(model, zone);
  const target = items.slice(Math.floor(items.length * at)).find((hostname) => hostname.status === 'active' && hostname.ssl?.status === 'active');
  if (target === undefined) throw new Error('no active hostname to refresh');
  // The simulator serves from the parent process, so the move is made here, on the copy read.
  const read = client.getCustomHostname.bind(client);
  client.getCustomHostname = async (zoneId, id, signal) => ({ ...(await read(zoneId, id, signal)), status });
  // Redraws still due from the load are not this refresh's.
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  const before = { items: workbench.items, bytes: workbench.bytes };
  await model.refreshObject({ account: profile.key, zone, kind: 'customHostname', id: target.id });
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setImmediate(resolve));
  return { items: workbench.items - before.items, bytes: workbench.bytes - before.bytes };
}

function valueOfHostnames(model: ExplorerModel, zone: string): readonly CustomHostname[] {
  const hostnames = model.zone(profile.key, zone)?.hostnames;
  return hostnames?.status === 'ready' ? hostnames.value.items : [];
}

/** The JSON one redraw of the hostnames would ship, split into the items and their tooltips. */
function redrawPayload(model: ExplorerModel, group: ExplorerNode): { itemBytes: number; tooltipBytes: number } {
  let itemBytes = 0;
  let tooltipBytes = 0;
  const snapshot = model.snapshot(inputs());
  for (const child of childrenOf(snapshot, group).nodes) {
    const { tooltip, ...item } = present(child, snapshot);
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
