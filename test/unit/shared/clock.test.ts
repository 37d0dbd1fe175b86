import * as assert from 'node:assert/strict';
import { AcceleratedClock, systemClock } from '../../../src/shared/clock';

describe('Clock', () => {
  it('an accelerated clock advances faster than real time', async () => {
    const clock = new AcceleratedClock(1000, 0);
    await clock.sleep(5000);
    assert.ok(clock.now() >= 5000, `expected at least 5000 clock ms, got ${clock.now()}`);
  });

  it('rejects a sleep with the abort reason', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(60_000, controller.signal);
    controller.abort(new Error('stop'));
    await assert.rejects(sleeping, /stop/);
  });

  it('refuses a factor that is not positive', () => {
    assert.throws(() => new AcceleratedClock(0), RangeError);
  });
});
