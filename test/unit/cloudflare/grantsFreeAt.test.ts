import assert from 'node:assert/strict';
import { type GrantBlock, grantsFreeAt } from '../../../src/cloudflare/grantLedger';

describe('grantsFreeAt: when more grants fit the window', () => {
  const limits = { capacity: 10, sharedCapacity: 8, windowMs: 1_000, leaseMs: 0 };
  const blocks: GrantBlock[] = [[100, 4, 'a'], [300, 4, 'a'], [500, 2, 'b']];

  it('is now when they fit already', () => {
    assert.equal(grantsFreeAt([[100, 4, 'a']], 600, limits, 10, 6), 600);
  });

  it('is when enough of the oldest blocks have left the window', () => {
    assert.equal(grantsFreeAt(blocks, 600, limits, 10, 1), 1_100);
    assert.equal(grantsFreeAt(blocks, 600, limits, 10, 5), 1_300);
    assert.equal(grantsFreeAt(blocks, 600, limits, 10, 10), 1_500);
  });

  it('forgets blocks already out of the window and counts the lease on top', () => {
    assert.equal(grantsFreeAt(blocks, 1_150, limits, 10, 4), 1_150);
    assert.equal(grantsFreeAt(blocks, 1_150, limits, 10, 5), 1_300);
    assert.equal(grantsFreeAt(blocks, 600, { ...limits, leaseMs: 200 }, 10, 1), 1_300);
  });
});
