import * as assert from 'node:assert/strict';
import { autoRefreshMinutes } from '../../../src/settings/autoRefreshMinutes';

describe('autoRefreshMinutes: a whole number, 0 (off) or 1 to 1440', () => {
  it('keeps valid values without a word', () => {
    for (const value of [0, 1, 5, 1440]) assert.deepEqual(autoRefreshMinutes(value), { value });
    assert.deepEqual(autoRefreshMinutes(undefined), { value: 5 });
  });

  it('turns a fraction of a minute into one minute, and says so', () => {
    // 0.001 once gave 49 refreshes in 3 s, each cancelling the last.
    const corrected = autoRefreshMinutes(0.001);
    assert.equal(corrected.value, 1);
    assert.match(corrected.problem ?? '', /cloudflareCertificates\.autoRefreshMinutes.*using 1 instead of 0\.001/);
  });

  it('rounds other fractions and clamps out-of-range values, and says so', () => {
    assert.equal(autoRefreshMinutes(2.6).value, 3);
    assert.equal(autoRefreshMinutes(1.2).value, 1);
    assert.equal(autoRefreshMinutes(99999).value, 1440);
    assert.equal(autoRefreshMinutes(-3).value, 0);
    for (const given of [2.6, 99999, -3]) assert.ok(autoRefreshMinutes(given).problem, String(given));
  });

  it('uses the default for what is not a number', () => {
    for (const given of ['5', Number.NaN, Number.POSITIVE_INFINITY, null, {}]) {
      const corrected = autoRefreshMinutes(given);
      assert.equal(corrected.value, 5);
      assert.ok(corrected.problem);
    }
  });
});
