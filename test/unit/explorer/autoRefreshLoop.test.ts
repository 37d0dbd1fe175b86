import assert from 'node:assert/strict';
import { AutoRefreshLoop } from '../../../src/explorer/autoRefreshLoop';
import { silentLogger } from '../../../src/shared/logger';
import { FakeClock } from '../../support/clock';

describe('AutoRefreshLoop: on the Clock, only while visible', () => {
  function setup(minutes = 1): { clock: FakeClock; loop: AutoRefreshLoop; refreshes: number[] } {
    const clock = new FakeClock();
    const refreshes: number[] = [];
    const start = clock.now();
    const loop = new AutoRefreshLoop({ clock, intervalMinutes: () => minutes, refresh: () => { refreshes.push((clock.now() - start) / 60_000); return Promise.resolve(); }, logger: silentLogger });
    return { clock, loop, refreshes };
  }

  it('refreshes every interval while visible', async () => {
    const { clock, loop, refreshes } = setup(2);
    loop.setVisible(true);
    await clock.advance(7 * 60_000);
    assert.deepEqual(refreshes, [2, 4, 6]);
    loop.dispose();
  });

  it('makes no request while hidden, and catches up at once when shown after the interval', async () => {
    const { clock, loop, refreshes } = setup(2);
    loop.setVisible(false);
    await clock.advance(5 * 60_000);
    assert.deepEqual(refreshes, []);
    loop.setVisible(true);
    await clock.advance(0);
    assert.deepEqual(refreshes, [5]);
    loop.dispose();
  });

  it('counts the interval from a manual refresh, and stops when disposed', async () => {
    const { clock, loop, refreshes } = setup(2);
    loop.setVisible(true);
    await clock.advance(90_000);
    loop.reschedule(true);
    await clock.advance(60_000);
    assert.deepEqual(refreshes, []);
    await clock.advance(60_000);
    assert.deepEqual(refreshes, [3.5]);
    loop.dispose();
    await clock.advance(10 * 60_000);
    assert.deepEqual(refreshes, [3.5]);
  });
});
