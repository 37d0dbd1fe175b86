import * as assert from 'node:assert/strict';
import { emptyGrantState, type GrantLimits, parseGrantState, takeGrants, usedGrants } from '../../../src/cloudflare/grantLedger';

const limits: GrantLimits = { capacity: 10, sharedCapacity: 8, windowMs: 1000, leaseMs: 100 };

describe('grant ledger arithmetic', () => {
  it('grants up to the capacity, then says when the oldest block leaves the window and its lease', () => {
    const first = takeGrants(emptyGrantState, { holder: 'a', wanted: 6, now: 0, limits });
    const second = takeGrants(first.state, { holder: 'a', wanted: 6, now: 10, limits });
    assert.deepEqual([first.answer.granted, second.answer.granted, second.answer.retryInMs], [6, 4, 1090]);
    assert.equal(usedGrants(second.state, 1099, limits), 10);
    assert.equal(usedGrants(second.state, 1100, limits), 4);
  });

  it('keeps more headroom once another holder is seen in the window, and less once it is gone', () => {
    const other = takeGrants(emptyGrantState, { holder: 'b', wanted: 1, now: 0, limits });
    const shared = takeGrants(other.state, { holder: 'a', wanted: 20, now: 0, limits });
    assert.deepEqual([shared.answer.sharers, shared.answer.granted], [1, 7]);
    const alone = takeGrants(shared.state, { holder: 'a', wanted: 20, now: 1100, limits });
    assert.deepEqual([alone.answer.sharers, alone.answer.granted], [0, 10]);
  });

  it('counts a stamp from the future as now, so it leaves the window like one made now', () => {
    const stored = { version: 1, blocks: [[5_000_000, 10, 'b']], holders: { b: 5_000_000 } };
    const state = parseGrantState(JSON.parse(JSON.stringify(stored)), 0);
    assert.equal(takeGrants(state, { holder: 'a', wanted: 1, now: 0, limits }).answer.granted, 0);
    assert.equal(takeGrants(state, { holder: 'a', wanted: 1, now: 1100, limits }).answer.granted, 1);
  });

  it('takes back what a holder did not use, and records requests already spent whatever the room', () => {
    const taken = takeGrants(emptyGrantState, { holder: 'a', wanted: 10, now: 0, limits });
    const returned = takeGrants(taken.state, { holder: 'a', wanted: 3, now: 5, limits, unused: { at: 0, count: 8 } });
    assert.deepEqual([returned.answer.granted, returned.answer.used], [3, 5]);
    const spent = takeGrants(returned.state, { holder: 'a', wanted: 50, now: 6, limits, spent: true });
    assert.equal(spent.answer.used, 55);
  });

  it('drops what is malformed in a stored state', () => {
    const state = parseGrantState({ version: 1, blocks: [[0, 2, 'a'], ['x', 1, 'a'], [0, -1, 'a'], [0, 1, ''], [0, 1.5, 'a']], holders: { a: 'soon', b: 3 } }, 10);
    assert.deepEqual(state, { version: 1, blocks: [[0, 2, 'a']], holders: { b: 3 } });
    assert.deepEqual(parseGrantState('nonsense', 0), emptyGrantState);
  });
});
