import assert from 'node:assert/strict';
import { ProbeRunLog } from '../../../src/probing/probeRunLog';
import { outcome, probeResult, run } from '../../support/probe/probeResults';

describe('ProbeRunLog', () => {
  it('keeps each run under one key, prefixed for this window', () => {
    const log = new ProbeRunLog('abcd');
    const first = run([outcome(probeResult())]);
    const key = log.keep(first);
    assert.match(key, /^abcd-\d+$/);
    assert.equal(log.keep(first), key, 'the same run keeps its key');
    assert.equal(log.get(key), first);
    assert.equal(new ProbeRunLog('other').get(key), undefined, "another window's key finds nothing");
  });

  it('lets the oldest go past its limit', () => {
    const log = new ProbeRunLog('p', 2);
    const keys = [1, 2, 3].map(() => log.keep(run([outcome(probeResult())])));
    assert.equal(log.get(keys[0] ?? ''), undefined);
    assert.ok(log.get(keys[1] ?? '') !== undefined && log.get(keys[2] ?? '') !== undefined);
  });
});
