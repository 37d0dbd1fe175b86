import assert from 'node:assert/strict';
import { CloudflareClient, type CustomHostname, maxPerPage, pagesToReadNow, type PacedProgress, RateBudget, readPagesPaced } from '../../../src/cloudflare';
import { AcceleratedClock } from '../../../src/shared/clock';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';

const windowMs = 60_000;
const limit = 100;

describe('paced Load All against the simulator’s rate limit', () => {
  let sim: RunningSimulator;
  let clock: AcceleratedClock;
  let zone: string;
  const hostnames = 5_000;
  beforeEach(async function () {
    // Simulated windows pass in real seconds; a loaded machine may need more than the default.
    this.timeout(120_000);
    // A small limit (100 per simulated minute) makes 100 pages span two windows; at 10× that is a few seconds, and a window stays long against the time a page takes.
    clock = new AcceleratedClock(10);
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: hostnames, seed: 5 }), lifecycle: false, rateLimit: { limit, windowMs }, clock });
    zone = sim.state.zones[0]?.spec.id ?? '';
  });
  afterEach(async () => {
    await sim.close();
  });

  function pacedClient(): { client: CloudflareClient; budget: RateBudget } {
    const budget = new RateBudget({ limit, windowMs, clock });
    return { client: new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, clock, rateBudget: budget }), budget };
  }

  it('reads every page across rate windows, says when the rest comes, and draws no 429', async function () {
    this.timeout(120_000);
    const { client, budget } = pacedClient();
    const progress: PacedProgress[] = [];
    try {
      const read = await readPagesPaced<CustomHostname>((request) => client.customHostnamesPage(zone, { page: request.page, urgent: request.urgent }, request.signal), {
        what: 'custom hostnames',
        budget,
        clock,
        onProgress: (step) => progress.push({ ...step, ...(step.resumeAt === undefined ? {} : { resumeAt: step.resumeAt - clock.now() }) }),
      });
      assert.equal(read.items.length, hostnames);
      assert.equal(read.lastPage, hostnames / maxPerPage);
      assert.equal(read.more, false);
      assert.equal(read.stopped, undefined);
      assert.equal(client.stats.rateLimited, 0, 'no 429 from the simulator');
      const waits = progress.filter((step) => step.resumeAt !== undefined);
      assert.ok(waits.length >= 1, `waited for the window: ${JSON.stringify(progress)}`);
      // Each wait says how far it got, out of how many, and a time still to come.
      for (const wait of waits) {
        assert.equal(wait.totalPages, hostnames / maxPerPage);
        assert.ok(wait.pagesLoaded > 0 && wait.pagesLoaded < hostnames / maxPerPage);
        assert.ok((wait.resumeAt ?? 0) > 0);
      }
      const loaded = progress.map((step) => step.pagesLoaded);
      assert.deepEqual(loaded, [...loaded].sort((a, b) => a - b), 'progress only moves forward');
    } finally {
      await client.close();
    }
  });

  it('leaves a reserve of the budget to other work while it paces', async function () {
    this.timeout(120_000);
    const { client, budget } = pacedClient();
    let lowest = Infinity;
    try {
      await readPagesPaced<CustomHostname>(
        async (request) => {
          const page = await client.customHostnamesPage(zone, { page: request.page, urgent: request.urgent }, request.signal);
          lowest = Math.min(lowest, budget.available);
          return page;
        },
        { what: 'custom hostnames', budget, clock, reserveShare: 0.25 },
      );
      assert.ok(lowest >= Math.ceil(budget.capacity * 0.25) - 1, `kept ${lowest} of ${budget.capacity} for other work`);
    } finally {
      await client.close();
    }
  });

  it('keeps the pages read when cancelled between chunks', async () => {
    const { client, budget } = pacedClient();
    const controller = new AbortController();
    try {
      const read = await readPagesPaced<CustomHostname>((request) => client.customHostnamesPage(zone, { page: request.page, urgent: request.urgent }, request.signal), {
        what: 'custom hostnames',
        budget,
        clock,
        signal: controller.signal,
        // Cancelled as soon as the first chunk is in: the next step, a wait or a read, ends at once.
        onProgress: () => controller.abort(),
      });
      assert.equal(read.more, true);
      assert.ok(read.lastPage > 0 && read.lastPage < hostnames / maxPerPage);
      assert.equal(read.items.length, read.lastPage * maxPerPage);
      assert.equal(new Set(read.items.map((item) => item.id)).size, read.items.length);
    } finally {
      await client.close();
    }
  });

  it('pagesToReadNow: what the budget has beyond the reserve, at most what is left', () => {
    assert.equal(pagesToReadNow(2_000, 1_080, 216), 864);
    assert.equal(pagesToReadNow(100, 1_080, 216), 100);
    assert.equal(pagesToReadNow(100, 200, 216), 0);
    assert.equal(pagesToReadNow(0, 1_080, 216), 0);
  });
});
