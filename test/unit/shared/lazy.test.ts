import * as assert from 'node:assert/strict';
import { lazy } from '../../../src/shared/lazy';

describe('lazy', () => {
  it('loads on the first call only, and never before', () => {
    let loads = 0;
    const load = lazy(() => {
      loads += 1;
      return { value: loads };
    });
    assert.equal(loads, 0);
    const first = load();
    assert.equal(load(), first);
    assert.equal(loads, 1);
  });

  it('remembers a loaded undefined too', () => {
    let loads = 0;
    const load = lazy(() => {
      loads += 1;
      return undefined;
    });
    load();
    load();
    assert.equal(loads, 1);
  });
});
