import * as assert from 'node:assert/strict';
import { Agent, type Dispatcher } from 'undici';
import { CloudflareClient, gatherInventory, RateBudget } from '../../../src/cloudflare';
import { AcceleratedClock, type Clock } from '../../../src/shared/clock';
import { generateLargeAccount, startSimulator } from '../../../src/simulator';

const windowMs = 300_000;
const cloudflareLimit = 1200;

/** The most requests any `windowMs` span holds (stamps ascending). */
function busiestWindow(stamps: readonly number[]): number {
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < stamps.length; end++) {
    while ((stamps[end] ?? 0) - (stamps[start] ?? 0) >= windowMs) {
      start++;
    }
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

/** An agent that notes the clock's time as each request leaves. */
function stampingAgent(clock: Clock, stamps: number[]): Dispatcher {
  return new Agent().compose((dispatch) => (options, handler) => {
    stamps.push(clock.now());
    return dispatch(options, handler);
  });
}

describe('client against the simulator: the 5-minute rate limit', () => {
  it('paces a 500-zone inventory past 1,200 requests without a single 429', async function () {
    // Two 5-minute windows and more of simulated time: a few real seconds at 100×.
    this.timeout(60_000);
    const clock = new AcceleratedClock(100);
    const scenario = generateLargeAccount({ zones: 500, packsPerZone: 2, customHostnames: 200, seed: 11 });
    const sim = await startSimulator({ scenario, lifecycle: false, rateLimit: true, clock });
    const stamps: number[] = [];
    const dispatcher = stampingAgent(clock, stamps);
    const budget = new RateBudget({ clock });
    const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, clock, rateBudget: budget, dispatcher });
    try {
      const inventory = await gatherInventory(client);
      assert.equal(inventory.zones.length, 500);
      assert.equal(inventory.complete, true, JSON.stringify(inventory.errors));
      assert.equal(client.stats.rateLimited, 0, 'no 429 was served');
      assert.equal(client.stats.retries, 0);
      assert.equal(stamps.length, inventory.requests);
      assert.equal(sim.requests, inventory.requests);
      assert.ok(inventory.requests > cloudflareLimit, `the run needs more than one window's worth (${inventory.requests} requests)`);
      const busiest = busiestWindow(stamps);
      // Stamps are taken as requests leave, a little after their budget grant, so on a 100×
      // clock a window can show a request or two over the budget; Cloudflare's limit is the test.
      assert.ok(busiest <= cloudflareLimit, `busiest 5-minute window held ${busiest} requests`);
    } finally {
      await client.close();
      await dispatcher.close();
      await sim.close();
    }
  });
});
