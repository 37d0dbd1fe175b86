import * as assert from 'node:assert/strict';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import { resolveSource, shouldFetch, type SourceState } from '../../../src/panels/panelSource';

const copy = (status: string): CertificateObject => ({ kind: 'certificatePack', object: { id: 'p1', status } });
const state = (overrides: Partial<SourceState>): SourceState => ({ model: {}, fetching: false, ...overrides });

describe('lifecycle panel source', () => {
  it('loads by id when nothing is known, and shows "loading" meanwhile', () => {
    assert.equal(shouldFetch(state({})), true);
    assert.equal(shouldFetch(state({ fetching: true })), false);
    assert.deepEqual(resolveSource(state({ fetching: true })), { kind: 'loading' });
  });

  it('shows the explorer’s copy, fresh, without fetching', () => {
    const item = copy('active');
    const source = state({ model: { item, at: 100 } });
    assert.equal(shouldFetch(source), false);
    assert.deepEqual(resolveSource(source), { kind: 'show', item, freshness: { state: 'fresh', at: 100 } });
  });

  it('marks the explorer’s copy stale when its last load failed', () => {
    const item = copy('active');
    assert.deepEqual(resolveSource(state({ model: { item, at: 100, staleReason: 'Cloudflare could not be reached.' } })), {
      kind: 'show',
      item,
      freshness: { state: 'stale', at: 100, reason: 'Cloudflare could not be reached.' },
    });
  });

  it('prefers the freshest copy: one fetched after the explorer loaded wins, and loses to a later load', () => {
    const older = copy('pending_validation');
    const newer = copy('active');
    assert.equal((resolveSource(state({ model: { item: older, at: 100 }, fetched: { item: newer, at: 200 } })) as { item: CertificateObject }).item, newer);
    assert.equal((resolveSource(state({ model: { item: newer, at: 300 }, fetched: { item: older, at: 200 } })) as { item: CertificateObject }).item, newer);
  });

  it('says "refreshing" while a fetch runs over data already shown', () => {
    assert.deepEqual(resolveSource(state({ fetched: { item: copy('active'), at: 5 }, fetching: true })), { kind: 'show', item: copy('active'), freshness: { state: 'refreshing', at: 5 } });
  });

  it('keeps the last known data when the object is gone, and says so', () => {
    const item = copy('active');
    const gone = state({ model: { item, at: 100 }, failure: { at: 150, gone: true, message: 'not found' } });
    assert.deepEqual(resolveSource(gone), { kind: 'show', item, freshness: { state: 'gone', at: 100 } });
    // A later load that lists the object again means it is back.
    assert.deepEqual(resolveSource(state({ model: { item, at: 200 }, failure: { at: 150, gone: true, message: 'not found' } })), { kind: 'show', item, freshness: { state: 'fresh', at: 200 } });
  });

  it('keeps the explorer’s last copy when the explorer drops the object, then says it is gone on "not found"', () => {
    const item = copy('active');
    const dropped = state({ model: { at: 200 }, remembered: { item, at: 100 } });
    assert.equal(shouldFetch(dropped), true, 'asks Cloudflare whether it still exists');
    assert.deepEqual(resolveSource({ ...dropped, fetching: true }), { kind: 'show', item, freshness: { state: 'refreshing', at: 100 } });
    assert.deepEqual(resolveSource({ ...dropped, failure: { at: 250, gone: true, message: 'not found' } }), { kind: 'show', item, freshness: { state: 'gone', at: 100 } });
  });

  it('marks a fetched copy stale when a later fetch failed', () => {
    const item = copy('active');
    assert.deepEqual(resolveSource(state({ fetched: { item, at: 100 }, failure: { at: 150, gone: false, message: 'Timed out.' } })), { kind: 'show', item, freshness: { state: 'stale', at: 100, reason: 'Timed out.' } });
  });

  it('explains what it cannot show when nothing was ever loaded', () => {
    assert.deepEqual(resolveSource(state({ failure: { at: 1, gone: true, message: 'No such object.' } })), { kind: 'unavailable', reason: 'No such object.', gone: true });
    assert.equal(shouldFetch(state({ failure: { at: 1, gone: false, message: 'x' } })), false, 'no retry loop: the user retries');
  });

  it('fetches again when the explorer loaded the collection since, without the object in it', () => {
    const fetched = { item: copy('active'), at: 100 };
    assert.equal(shouldFetch(state({ model: { at: 50 }, fetched })), false, 'the load is older than the copy');
    assert.equal(shouldFetch(state({ model: { at: 150 }, fetched })), true, 'a newer load did not list it: deleted, or on another page');
    assert.equal(shouldFetch(state({ model: { item: copy('active'), at: 150 }, fetched })), false, 'the explorer has it');
  });
});
