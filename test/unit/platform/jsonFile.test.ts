import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MemoryLogger } from '../../../src/core/logger';
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

  it('starts empty, with a warning, from a corrupt document', () => {
    fs.writeFileSync(path.join(folder, 'state.json'), '{ not json');
    assert.equal(new JsonFile(path.join(folder, 'state.json'), logger).read(), undefined);
    assert.ok(logger.entries.some((entry) => entry.level === 'warn' && /state\.json/.test(entry.message)));
  });
});
