import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ObjectTransition } from '../../../src/explorer/statusChanges';
import { MemoryLogger } from '../../../src/shared/logger';
import { TransitionStore } from '../../../src/platform/transitionStore';

/** Two stores on one folder are two VS Code windows on one machine. */
describe('TransitionStore shared by two windows', () => {
  let folder: string;
  const logger = new MemoryLogger();

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-transitions-'));
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  function transition(id: string, at: number, from: string, to: string): ObjectTransition {
    const ref = { kind: 'certificatePack', account: 'acct', zone: 'zone1', id } as const;
    return { ref, object: { kind: 'certificatePack', object: { id, status: to } }, field: 'status', at, from, to } as unknown as ObjectTransition;
  }

  it('keeps the transitions both windows saw, not just the last writer’s', async () => {
    const one = new TransitionStore(folder, logger);
    const two = new TransitionStore(folder, logger);
    one.history.record([transition('pack-a', 1000, 'pending_validation', 'active')]);
    two.history.record([transition('pack-b', 2000, 'pending_validation', 'validation_timed_out')]);
    await Promise.all([one.whenSaved(), two.whenSaved()]);
    two.history.record([transition('pack-b', 3000, 'validation_timed_out', 'active')]);
    await two.whenSaved();
    const reloaded = new TransitionStore(folder, logger);
    assert.deepEqual(reloaded.history.keys().length, 2, JSON.stringify(reloaded.history.toJSON()));
    assert.equal(reloaded.history.of(reloaded.history.keys()[0] ?? '').length, 1, 'pack-a, changed first, stays first');
    assert.equal(reloaded.history.of(reloaded.history.keys()[1] ?? '').length, 2);
    for (const store of [one, two, reloaded]) store.dispose();
  });

  it('lets only one window claim a notification, and remembers both windows’ claims', async () => {
    const one = new TransitionStore(folder, logger);
    const two = new TransitionStore(folder, logger);
    const [first, second] = await Promise.all([one.claimNotified(['x', 'y'], 1000), two.claimNotified(['y', 'z'], 1000)]);
    assert.deepEqual([...(first ?? []), ...(second ?? [])].sort(), ['x', 'y', 'z'], 'y is claimed by exactly one window');
    const reloaded = new TransitionStore(folder, logger);
    for (const id of ['x', 'y', 'z']) assert.ok(reloaded.notified.has(id, 2000), id);
    for (const store of [one, two, reloaded]) store.dispose();
  });
});
