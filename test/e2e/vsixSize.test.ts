import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { vsixPath } from '../harness/paths';

/** The design's target: the packaged extension stays under 1 MB (npm run test:e2e packages it first). */
describe('vsixSize', () => {
  it('keeps the .vsix under 1 MB', () => {
    const size = fs.statSync(vsixPath).size;
    process.stdout.write(`      ${vsixPath.split('/').pop() ?? ''}: ${size} bytes (${(size / 1024).toFixed(1)} KiB)\n`);
    assert.ok(size < 1024 * 1024, `the .vsix is ${size} bytes`);
  });
});
