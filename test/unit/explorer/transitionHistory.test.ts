import * as assert from 'node:assert/strict';
import { MemoryLogger } from '../../../src/shared/logger';
import { objectKey, type ObjectRef } from '../../../src/domain/objectRef';
import { TransitionHistory } from '../../../src/explorer/transitionHistory';
import type { ObjectTransition, TransitionField } from '../../../src/explorer/statusChanges';

function packRef(id: string): ObjectRef {
  return { account: 'acct', zone: 'zone1', kind: 'certificatePack', id };
}

function seen(id: string, at: number, to: string, from?: string, field: TransitionField = 'status'): ObjectTransition {
  const ref = packRef(id);
  return { ref, object: { kind: 'certificatePack', object: { id, status: to } }, at, field, to, ...(from === undefined ? {} : { from }) };
}

describe('Transition history', () => {
  it('keeps every transition per object key, oldest first, and tells listeners which keys changed', () => {
    const history = new TransitionHistory();
    const heard: string[][] = [];
    const subscription = history.onDidChange((keys) => heard.push([...keys]));
    history.record([seen('p1', 1, 'pending_validation')]);
    history.record([seen('p1', 2, 'active', 'pending_validation'), seen('p2', 2, 'active')]);
    subscription.dispose();
    history.record([seen('p1', 3, 'expired', 'active')]);
    const key = objectKey(packRef('p1'));
    assert.deepEqual(history.of(key), [
      { at: 1, field: 'status', to: 'pending_validation' },
      { at: 2, field: 'status', from: 'pending_validation', to: 'active' },
      { at: 3, field: 'status', from: 'active', to: 'expired' },
    ]);
    assert.deepEqual(heard, [[key], [key, objectKey(packRef('p2'))]]);
    assert.deepEqual(history.of('certificatePack/acct/zone1/unknown'), []);
  });

  it('ignores a "first seen" that repeats the last status known (a reload), and turns a different one into a change', () => {
    const history = new TransitionHistory();
    history.record([seen('p1', 1, 'pending_validation')]);
    assert.deepEqual(history.record([seen('p1', 2, 'pending_validation')]), []);
    const [change] = history.record([seen('p1', 3, 'active')]);
    assert.equal(change?.from, 'pending_validation');
    assert.equal(change?.to, 'active');
    assert.equal(history.of(objectKey(packRef('p1'))).length, 2);
  });

  it('keeps the two fields of a custom hostname apart', () => {
    const history = new TransitionHistory();
    history.record([seen('h1', 1, 'pending'), seen('h1', 1, 'initializing', undefined, 'sslStatus')]);
    const recorded = history.record([seen('h1', 2, 'pending'), seen('h1', 2, 'pending_validation', undefined, 'sslStatus')]);
    assert.deepEqual(recorded.map((entry) => `${entry.field} ${entry.from}>${entry.to}`), ['sslStatus initializing>pending_validation']);
  });

  it('keeps only the last transitions of an object', () => {
    const history = new TransitionHistory({ perObject: 3, objects: 10, total: 100 });
    for (let index = 0; index < 6; index += 1) history.record([seen('p1', index, `s${index}`)]);
    assert.deepEqual(history.of(objectKey(packRef('p1'))).map((entry) => entry.to), ['s3', 's4', 's5']);
  });

  it('evicts the objects whose last change is oldest, by object count and by total', () => {
    const history = new TransitionHistory({ perObject: 10, objects: 2, total: 100 });
    history.record([seen('p1', 1, 'active')]);
    history.record([seen('p2', 2, 'active')]);
    history.record([seen('p1', 3, 'expired')]);
    history.record([seen('p3', 4, 'active')]);
    assert.deepEqual(history.keys(), [objectKey(packRef('p1')), objectKey(packRef('p3'))], 'p2 changed least recently');
    const small = new TransitionHistory({ perObject: 10, objects: 100, total: 3 });
    small.record([seen('p1', 1, 'a'), seen('p1', 2, 'b')]);
    small.record([seen('p2', 3, 'a'), seen('p2', 4, 'b')]);
    assert.deepEqual(small.keys(), [objectKey(packRef('p2'))]);
  });

  it('survives a round trip through JSON', () => {
    const history = new TransitionHistory();
    history.record([seen('p1', 1, 'pending_validation'), seen('p2', 1, 'active')]);
    history.record([seen('p1', 2, 'active', 'pending_validation'), seen('h1', 2, 'pending_validation', undefined, 'sslStatus')]);
    const logger = new MemoryLogger();
    const restored = TransitionHistory.restore(JSON.parse(JSON.stringify(history)), logger);
    assert.deepEqual(restored.keys(), history.keys());
    for (const key of history.keys()) assert.deepEqual(restored.of(key), history.of(key));
    assert.equal(logger.entries.length, 0);
  });

  it('starts empty and silent when nothing is stored', () => {
    const logger = new MemoryLogger();
    assert.deepEqual(TransitionHistory.restore(undefined, logger).keys(), []);
    assert.equal(logger.entries.length, 0);
  });

  it('drops malformed or hostile stored entries one by one, with a warning each, and keeps the rest', () => {
    const good = objectKey(packRef('p1'));
    const stored = {
      version: 1,
      objects: [
        [good, [[1, 'status', null, 'active'], [2, 'status', 'active', 'expired'], [Number.NaN, 'status', null, 'x'], [3, 'color', null, 'x'], [4, 'status', 5, 'x'], [5, 'status', null, 'x'.repeat(500)], 'junk']],
        ['__proto__', [[1, 'status', null, 'active']]],
        ['certificatePack/acct/zone1/a/b', [[1, 'status', null, 'active']]],
        ['notAKind/acct/zone1/p9', [[1, 'status', null, 'active']]],
        [good, [[9, 'status', null, 'active']]],
        [objectKey(packRef('p2')), 'not a list'],
        null,
        42,
      ],
    };
    const logger = new MemoryLogger();
    const history = TransitionHistory.restore(stored, logger);
    assert.deepEqual(history.keys(), [good]);
    assert.deepEqual(history.of(good), [
      { at: 1, field: 'status', to: 'active' },
      { at: 2, field: 'status', from: 'active', to: 'expired' },
    ]);
    assert.equal(logger.entries.filter((entry) => entry.level === 'warn').length, 12);
    assert.equal(Object.prototype.hasOwnProperty.call({}, 'active'), false, 'nothing leaked onto Object.prototype');
  });

  it('drops a stored value of an unknown format whole, with one warning, never throwing', () => {
    for (const stored of [null, 'text', 42, [], { version: 2, objects: [] }, { objects: [] }, { version: 1, objects: {} }]) {
      const logger = new MemoryLogger();
      assert.deepEqual(TransitionHistory.restore(stored, logger).keys(), []);
      assert.equal(logger.entries.length, 1, JSON.stringify(stored));
    }
  });

  it('counts, rather than logs, dropped entries past twenty', () => {
    const logger = new MemoryLogger();
    TransitionHistory.restore({ version: 1, objects: Array.from({ length: 100 }, () => 'junk') }, logger);
    assert.equal(logger.entries.length, 21);
    assert.match(logger.entries[20]?.message ?? '', /80 more/);
  });

  it('applies its limits to what it reads back', () => {
    const objects = Array.from({ length: 5 }, (_, index) => [objectKey(packRef(`p${index}`)), Array.from({ length: 4 }, (__, at) => [at, 'status', null, `s${at}`])]);
    const history = TransitionHistory.restore({ version: 1, objects }, new MemoryLogger(), { perObject: 2, objects: 3, total: 100 });
    assert.deepEqual(history.keys(), ['p2', 'p3', 'p4'].map((id) => objectKey(packRef(id))));
    assert.deepEqual(history.of(objectKey(packRef('p4'))).map((entry) => entry.to), ['s2', 's3']);
  });
});
