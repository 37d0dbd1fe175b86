import assert from 'node:assert/strict';
import { CloudflareClient, type PacedProgress, RateBudget } from '../../../src/cloudflare';
import type { AccountProfile } from '../../../src/domain/accounts';
import { ExplorerModel } from '../../../src/explorer/explorerModel';
import { describeLoadAllProgress } from '../../../src/explorer/loadAllPacing';
import { valueOf } from '../../../src/explorer/loadable';
import { AcceleratedClock } from '../../../src/shared/clock';
import { silentLogger } from '../../../src/shared/logger';
import { generateLargeAccount, startSimulator } from '../../../src/simulator';

const profile: AccountProfile = { key: 'saas', label: 'SaaS', origin: 'stored', authKind: 'token' };

describe('explorer: Load All paced by the rate budget, against the simulator', () => {
  it('loads every hostname across rate windows, reports where it stands, and draws no 429', async function () {
    // Simulated windows pass in real seconds; a loaded machine may need more than the default.
    this.timeout(120_000);
    const clock = new AcceleratedClock(10);
    const limit = 100;
    const windowMs = 60_000;
    const sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: 4_000, seed: 9 }), lifecycle: false, rateLimit: { limit, windowMs }, clock });
    const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, clock, rateBudget: new RateBudget({ limit, windowMs, clock }) });
    const model = new ExplorerModel({ listProfiles: () => [profile], clientFor: () => Promise.resolve(client), clock, logger: silentLogger, onDidChange: () => undefined });
    try {
      await model.loadZones(profile.key);
      await model.whenIdle();
      const zone = sim.state.zones[0]?.spec.id ?? '';
      assert.equal(valueOf(model.zone(profile.key, zone)?.hostnames ?? { status: 'idle' })?.pagesLoaded, 1);
      const progress: PacedProgress[] = [];
      await model.loadHostnames(profile.key, zone, { all: true, onProgress: (step) => progress.push(step) });
      const state = model.zone(profile.key, zone)?.hostnames;
      assert.equal(state?.status, 'ready');
      assert.equal(valueOf(state ?? { status: 'idle' })?.items.length, 4_000);
      assert.equal(sim.rateLimited, 0);
      const waiting = progress.find((step) => step.resumeAt !== undefined);
      assert.ok(waiting !== undefined, 'waited for the window at least once');
      assert.match(describeLoadAllProgress(waiting), /^\d+ of 80 pages · the rest from \d\d:\d\d$/);
    } finally {
      model.dispose();
      await client.close();
      await sim.close();
    }
  });

  it('describes progress in the words of the notification', () => {
    const at = new Date(2026, 11, 5, 14, 4, 10).getTime();
    assert.equal(describeLoadAllProgress({ pagesLoaded: 1080, totalPages: 2000, resumeAt: at }), '1,080 of 2,000 pages · the rest from 14:05');
    assert.equal(describeLoadAllProgress({ pagesLoaded: 1080, totalPages: 2000 }), '1,080 of 2,000 pages');
    assert.equal(describeLoadAllProgress({ pagesLoaded: 3, totalPages: undefined }), '3 pages');
  });
});
