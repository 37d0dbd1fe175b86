import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryLogger } from '../../../src/shared/logger';
import { JsonFile } from '../../../src/platform/jsonFile';

describe('JsonFile', () => {
  let folder: string;
  let logger: MemoryLogger;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-jsonfile-'));
    logger = new MemoryLogger();
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads nothing, quietly, before the first save', () => {
    assert.equal(new JsonFile(path.join(folder, 'none.json'), logger).read(), undefined);
    assert.equal(logger.entries.length, 0);
  });

  it('saves into a folder it creates and reads the document back', async () => {
    const file = new JsonFile(path.join(folder, 'nested', 'state.json'), logger);
    file.save(() => ({ a: [1, 2] }));
    await file.whenSaved();
    assert.deepEqual(new JsonFile(path.join(folder, 'nested', 'state.json'), logger).read(), { a: [1, 2] });
    assert.deepEqual(fs.readdirSync(path.join(folder, 'nested')), ['state.json'], 'no temporary file left');
  });

  it('coalesces a burst of saves into at most two writes, ending with the latest value', async () => {
    const file = new JsonFile(path.join(folder, 'state.json'), logger);
    let snapshots = 0;
    let value = 0;
    for (let index = 1; index <= 50; index += 1) {
      value = index;
      file.save(() => {
        snapshots += 1;
        return { value };
      });
    }
    await file.whenSaved();
    assert.ok(snapshots <= 2, `${snapshots} writes`);
    assert.deepEqual(file.read(), { value: 50 });
  });

  it('starts empty from a corrupt document, then moves it aside (kept, named in the log) instead of overwriting it', async () => {
    const target = path.join(folder, 'state.json');
    fs.writeFileSync(target, '{ not json');
    const file = new JsonFile(target, logger);
    assert.equal(file.read(), undefined);
    assert.ok(logger.entries.some((entry) => entry.level === 'warn' && /state\.json/.test(entry.message)));
    file.save(() => ({ fresh: true }));
    await file.whenSaved();
    const aside = fs.readdirSync(folder).filter((name) => name.startsWith('state.json.corrupt-'));
    assert.equal(aside.length, 1, fs.readdirSync(folder).join(', '));
    assert.equal(fs.readFileSync(path.join(folder, aside[0] ?? ''), 'utf8'), '{ not json', 'the corrupt document is kept');
    assert.ok(logger.entries.some((entry) => entry.level === 'warn' && entry.message.includes(path.join(folder, aside[0] ?? ''))), 'the log names where it went');
    assert.deepEqual(file.read(), { fresh: true });
  });

  it('merges with what another writer stored since it was read', async () => {
    const target = path.join(folder, 'state.json');
    const one = new JsonFile(target, logger);
    const two = new JsonFile(target, logger);
    const union = (mine: readonly number[]) => (stored: unknown): number[] => [...new Set([...(Array.isArray(stored) ? (stored as number[]) : []), ...mine])].sort();
    await Promise.all([one.update(union([1, 2])), two.update(union([3])), one.update(union([4]))]);
    assert.deepEqual(one.read(), [1, 2, 3, 4]);
  });

  // /dev/full answers every write with ENOSPC: a full disk, for real.
  (fs.existsSync('/dev/full') ? it : it.skip)('leaves no temporary file and the previous document whole when the disk is full', async () => {
    const target = path.join(folder, 'state.json');
    const file = new JsonFile(target, logger);
    file.save(() => ({ version: 1 }));
    await file.whenSaved();
    fs.symlinkSync('/dev/full', `${target}.${process.pid}.tmp`);
    file.save(() => ({ version: 2 }));
    await file.whenSaved();
    assert.deepEqual(fs.readdirSync(folder).filter((name) => name.endsWith('.tmp')), [], 'the temporary file is removed');
    assert.deepEqual(file.read(), { version: 1 });
    assert.ok(logger.entries.some((entry) => entry.level === 'warn' && /Saving state\.json failed/.test(entry.message)));
  });
});
