import * as assert from 'node:assert/strict';
import { MockAgent } from 'undici';
import { CloudflareClient, RateBudget } from '../../../src/cloudflare';
import { AcceleratedClock } from '../../../src/shared/clock';
import { FakeClock } from '../../support/clock';
import { base, envelope, origin } from '../../support/cloudflare/mockApi';

/** The largest number of times falling in any half-open window [t, t + windowMs). */
function busiestWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let busiest = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) {
      start++;
    }
    busiest = Math.max(busiest, end - start + 1);
  }
  return busiest;
}

describe('RateBudget', () => {
  it('keeps 10 % headroom by default: 1,080 of Cloudflare’s 1,200 per 5 minutes', () => {
    const budget = new RateBudget();
    assert.equal(budget.capacity, 1080);
    assert.equal(budget.windowMs, 300_000);
    assert.throws(() => new RateBudget({ headroom: 1 }), RangeError);
  });

  it('grants at once while the window has room, then waits for the oldest grant to leave it', async () => {
    const clock = new FakeClock({ start: 0, sleeps: 'instant' });
    const budget = new RateBudget({ limit: 5, headroom: 0, windowMs: 1000, clock });
    const granted: number[] = [];
    for (let i = 0; i < 12; i++) {
      await budget.acquire();
      granted.push(clock.now());
    }
    assert.deepEqual(granted, [0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
    assert.equal(budget.used, 2);
  });

  it('grants 1,500 acquires with no 5-minute window holding more than its 1,080', async () => {
    const clock = new FakeClock({ start: 0, sleeps: 'instant' });
    const budget = new RateBudget({ clock });
    const granted: number[] = [];
    await Promise.all(Array.from({ length: 1500 }, () => budget.acquire().then(() => granted.push(clock.now()))));
    assert.equal(granted.length, 1500);
    assert.equal(busiestWindow(granted, 300_000), 1080);
  });

  it('lets an aborted waiter go without holding up the others', async () => {
    const clock = new FakeClock({ start: 0, sleeps: 'instant' });
    const budget = new RateBudget({ limit: 1, headroom: 0, windowMs: 1000, clock });
    await budget.acquire();
    const controller = new AbortController();
    const aborted = budget.acquire(controller.signal);
    const next = budget.acquire();
    controller.abort(new Error('stop'));
    await assert.rejects(aborted, /stop/);
    await next;
    await assert.rejects(budget.acquire(AbortSignal.abort(new Error('already'))), /already/);
  });

  it('leaves no timer behind when its last waiter gives up (on the real clock)', async () => {
    // Were the pump's one-minute sleep left running, mocha would not exit for a minute.
    const budget = new RateBudget({ limit: 1, headroom: 0, windowMs: 60_000 });
    await budget.acquire();
    const controller = new AbortController();
    const waiting = budget.acquire(controller.signal);
    controller.abort(new Error('gave up'));
    await assert.rejects(waiting, /gave up/);
  });

  it('is shared: two clients on one budget stay under it together', async () => {
    // Arrival times are measured, so the clock must not jump while requests are in flight.
    const clock = new AcceleratedClock(1000, 0);
    const budget = new RateBudget({ limit: 10, headroom: 0.5, windowMs: 60_000, clock });
    const agent = new MockAgent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
    agent.disableNetConnect();
    const seen: number[] = [];
    agent
      .get(origin)
      .intercept({ path: `${base}/zones/z`, method: 'GET' })
      .reply(() => {
        seen.push(clock.now());
        return { statusCode: 200, data: envelope({ id: 'z', name: 'z.test' }) };
      })
      .times(30);
    const make = (): CloudflareClient => new CloudflareClient({ credentials: { kind: 'token', token: 'shared-token-123' }, dispatcher: agent, clock, rateBudget: budget });
    const [a, b] = [make(), make()];
    const started = clock.now();
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 === 0 ? a : b).getZone('z')));
    assert.equal(seen.length, 30);
    assert.ok(busiestWindow(seen, 60_000) <= 10, `busiest window: ${busiestWindow(seen, 60_000)}`);
    // From the start, not from the first arrival: on a busy machine the first reply can come
    // late (a real millisecond is a simulated second here) while the last comes at once.
    assert.ok(Math.max(...seen) - started >= 5 * 60_000, 'thirty requests at five per window span at least five windows');
    await agent.close();
  });

  it('paces 1,500 requests on a shared AcceleratedClock so no 5-minute window holds more than the budget', async () => {
    const clock = new AcceleratedClock(3000, 0);
    const budget = new RateBudget({ clock });
    const agent = new MockAgent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10 });
    agent.disableNetConnect();
    const seen: number[] = [];
    agent
      .get(origin)
      .intercept({ path: `${base}/zones/z`, method: 'GET' })
      .reply(() => {
        seen.push(clock.now());
        return { statusCode: 200, data: envelope({ id: 'z', name: 'z.test' }) };
      })
      .times(1500);
    const client = new CloudflareClient({ credentials: { kind: 'token', token: 'pace-token-123' }, dispatcher: agent, clock, rateBudget: budget });
    await Promise.all(Array.from({ length: 1500 }, () => client.getZone('z')));
    assert.equal(seen.length, 1500);
    const busiest = busiestWindow(seen, 300_000);
    // Measured on arrival, so a few requests' worth of skew is possible (a real
    // millisecond is seconds on this clock): the headroom is what absorbs it.
    assert.ok(busiest <= 1200, `Cloudflare's limit broken: ${busiest} in one window`);
    assert.ok(Math.max(...seen) - Math.min(...seen) >= 300_000, 'the requests past the budget waited for the window');
    assert.equal(client.stats.requests, 1500);
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});
