/**
 * The heap measurement of bench:scale, in a child process of its own (--expose-gc), so the
 * figure starts from a fresh heap: the extension's ExplorerModel loads the zone's first
 * page, then "Load All" of its 100,000 custom hostnames and the snapshot the view reads;
 * the heap is read after a full GC at both points. Pacing is off here (the simulator's rate limit too): this measures
 * what the hostnames keep, not how long the rate windows take.
 */
import { CloudflareClient } from '../../src/cloudflare';
import type { AccountProfile } from '../../src/domain/accounts';
import { ExplorerModel } from '../../src/explorer/explorerModel';
import { valueOf } from '../../src/explorer/loadable';
import { summarize } from '../../src/explorer/summary';
import { systemClock } from '../../src/shared/clock';
import { silentLogger } from '../../src/shared/logger';

export interface HeapResult {
  readonly heapFirstPage: number;
  readonly heapAll: number;
  readonly hostnames: number;
  readonly requests: number;
  readonly loadMs: number;
}

const profile: AccountProfile = { key: 'bench', label: 'Bench', origin: 'stored', authKind: 'token' };
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();

async function main(): Promise<void> {
  const baseUrl = process.env['BENCH_API_BASE_URL'];
  const token = process.env['BENCH_TOKEN'];
  if (baseUrl === undefined || token === undefined) throw new Error('heapChild runs as a child of bench/scale/main.ts');
  const client = new CloudflareClient({ baseUrl, credentials: { kind: 'token', token }, concurrency: 8, rateBudget: false });
  const model = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock: systemClock, logger: silentLogger, onDidChange: () => undefined });
  await model.loadZones(profile.key);
  await model.whenIdle();
  const zone = [...(model.account(profile.key)?.zoneStates.keys() ?? [])][0] ?? '';
  gc();
  const heapFirstPage = process.memoryUsage().heapUsed;
  const requests = client.stats.requests;
  const started = performance.now();
  await model.loadHostnames(profile.key, zone, { all: true });
  const loadMs = performance.now() - started;
  // What the view keeps too: the published snapshot, every object judged once (the summary
  // behind the badge and the status bar walks them all).
  const snapshot = model.snapshot({ now: Date.now(), thresholds: { warningDays: 30, criticalDays: 7 } });
  summarize(snapshot);
  gc();
  gc();
  const heapAll = process.memoryUsage().heapUsed;
  const state = model.zone(profile.key, zone)?.hostnames;
  const hostnames = state === undefined ? 0 : (valueOf(state)?.items.length ?? 0);
  const result: HeapResult = { heapFirstPage, heapAll, hostnames, requests: client.stats.requests - requests, loadMs };
  process.send?.(result);
  // Kept alive until the heap was read.
  void snapshot;
  model.dispose();
  await client.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
