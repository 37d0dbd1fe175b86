import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { SerialMemento } from '../../../src/platform/serialMemento';

/** A Memento whose writes take a tick and which records how many overlap. */
class SlowMemento implements vscode.Memento {
  readonly values = new Map<string, unknown>();
  inFlight = 0;
  maxInFlight = 0;
  readonly order: string[] = [];
  failNext = false;

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }

  async update(key: string, value: unknown): Promise<void> {
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((resolve) => setTimeout(resolve, 2));
    this.inFlight -= 1;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    this.values.set(key, value);
    this.order.push(key);
  }
}

describe('SerialMemento', () => {
  it('runs writes one at a time, in the order they were asked for', async () => {
    const inner = new SlowMemento();
    const memento = new SerialMemento(inner);
    await Promise.all([memento.update('accounts', []), memento.update('view', { text: 'x' }), memento.update('accounts', ['a'])]);
    assert.equal(inner.maxInFlight, 1);
    assert.deepEqual(inner.order, ['accounts', 'view', 'accounts']);
    assert.deepEqual(memento.get('accounts'), ['a']);
  });

  it('reports a failed write to its caller and still runs the next one', async () => {
    const inner = new SlowMemento();
    const memento = new SerialMemento(inner);
    inner.failNext = true;
    const failed = memento.update('a', 1);
    const next = memento.update('b', 2);
    await assert.rejects(Promise.resolve(failed), /disk full/);
    await next;
    assert.equal(memento.get('b'), 2);
  });

  it('reads like the Memento it wraps, defaults included', () => {
    const inner = new SlowMemento();
    inner.values.set('off', false);
    const memento = new SerialMemento(inner);
    assert.equal(memento.get('off', true), false);
    assert.equal(memento.get('missing', 'fallback'), 'fallback');
    assert.equal(memento.get('missing'), undefined);
    assert.deepEqual(memento.keys(), ['off']);
  });
});
