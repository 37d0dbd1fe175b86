import assert from 'node:assert/strict';
import { startSimulator } from '../../../src/simulator';
import { FakeClock } from '../../support/clock';
import { call, demoTokens, firstError } from '../../support/simulator/simulatorFixture';

/** A clock that moves only when told: "accelerated" to whatever a test needs. */
const manualClock = (): FakeClock => new FakeClock({ start: Date.UTC(2026, 10, 26, 12), sleeps: 'instant' });

describe('simulator rate limit', () => {
  it('allows 1,200 requests per 5 minutes, then answers 429 for the rest of the window', async () => {
    const clock = manualClock();
    const sim = await startSimulator({ lifecycle: false, rateLimit: true, clock });
    try {
      const batch = async (count: number): Promise<number[]> => {
        const statuses: number[] = [];
        for (let sent = 0; sent < count; sent += 50) {
          const responses = await Promise.all(Array.from({ length: Math.min(50, count - sent) }, () => call(sim, '/user/tokens/verify')));
          statuses.push(...responses.map((response) => response.status));
        }
        return statuses;
      };
      assert.ok((await batch(1200)).every((status) => status === 200));
      const over = await call(sim, '/user/tokens/verify');
      assert.equal(over.status, 429);
      assert.equal(firstError(over).code, 971);
      assert.equal(over.headers.get('retry-after'), '300');
      assert.match(over.headers.get('ratelimit-policy') ?? '', /q=1200;w=300/);
      await clock.advance(240_000);
      const later = await call(sim, '/user/tokens/verify');
      assert.equal(later.status, 429, 'still locked four minutes in');
      assert.equal(later.headers.get('retry-after'), '60');
      await clock.advance(60_000);
      assert.equal((await call(sim, '/user/tokens/verify')).status, 200, 'a new window opens');
    } finally {
      await sim.close();
    }
  });

  it('counts per token and reports the remaining budget in the Ratelimit header', async () => {
    const clock = manualClock();
    const sim = await startSimulator({ lifecycle: false, rateLimit: { limit: 3, windowMs: 60_000 }, clock });
    try {
      const first = await call(sim, '/zones');
      assert.equal(first.headers.get('ratelimit'), '"default";r=2;t=60');
      await call(sim, '/zones');
      await call(sim, '/zones');
      assert.equal((await call(sim, '/zones')).status, 429);
      assert.equal((await call(sim, '/zones', { token: demoTokens.readOnly })).status, 200, 'another token has its own budget');
      sim.advance(60_000);
      assert.equal((await call(sim, '/zones')).status, 200, 'advance() moves the window too');
    } finally {
      await sim.close();
    }
  });
});
