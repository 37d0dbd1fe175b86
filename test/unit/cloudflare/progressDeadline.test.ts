import * as assert from 'node:assert/strict';
import { CloudflareApiError } from '../../../src/cloudflare';
import { ProgressDeadline } from '../../../src/cloudflare/progressDeadline';
import { FakeClock } from '../../support/clock';

describe('ProgressDeadline: a deadline on no progress, never on total time', () => {
  it('ends a run that receives nothing for the whole deadline, with a no_progress error', async () => {
    const clock = new FakeClock();
    const deadline = new ProgressDeadline({ clock, idleMs: 10_000, what: 'The listing' });
    await clock.advance(9_999);
    assert.equal(deadline.signal.aborted, false);
    await clock.advance(1);
    assert.equal(deadline.signal.aborted, true);
    const reason: unknown = deadline.signal.reason;
    assert.ok(CloudflareApiError.is(reason));
    assert.equal(reason.code, 'no_progress');
    assert.equal(reason.message, 'The listing received nothing new from the Cloudflare API for 10 s and stopped waiting.');
  });

  it('starts again on every sign of progress, however long the run', async () => {
    const clock = new FakeClock();
    const deadline = new ProgressDeadline({ clock, idleMs: 10_000, what: 'The inventory' });
    for (let i = 0; i < 100; i++) {
      await clock.advance(9_000);
      deadline.progress();
    }
    assert.equal(deadline.signal.aborted, false, '15 minutes in, still progressing');
    await clock.advance(10_000);
    assert.equal(deadline.signal.aborted, true);
  });

  it('takes waiting for the rate budget as progress, and says so each time it checks', async () => {
    const clock = new FakeClock();
    let waiting = 3;
    const told: number[] = [];
    const deadline = new ProgressDeadline({ clock, idleMs: 10_000, what: 'The inventory', pacing: () => waiting, onPacing: (count) => told.push(count) });
    await clock.advance(300_000);
    assert.equal(deadline.signal.aborted, false, 'a whole rate window of waiting');
    assert.ok(told.length >= 30 && told.every((count) => count === 3), `${told.length} pacing notes`);
    waiting = 0;
    await clock.advance(20_000);
    assert.equal(deadline.signal.aborted, true, 'the wait is over and nothing came');
  });

  it('stops watching once disposed', async () => {
    const clock = new FakeClock();
    const deadline = new ProgressDeadline({ clock, idleMs: 1_000, what: 'The inventory' });
    deadline.dispose();
    await clock.advance(60_000);
    assert.equal(deadline.signal.aborted, false);
  });
});
