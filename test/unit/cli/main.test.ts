import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import { captureIo } from '../../support/cliIo';

describe('cfcerts', () => {
  it('prints its usage and exits 2 when no command is given', async () => {
    const io = captureIo();
    assert.equal(await runCli([], io), 2);
    assert.match(io.out.join(''), /Usage: cfcerts <command>/);
  });

  it('exits 0 for --help', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--help'], io), 0);
  });

  it('names an unknown command on stderr and exits 2', async () => {
    const io = captureIo();
    assert.equal(await runCli(['frobnicate'], io), 2);
    assert.match(io.err.join(''), /unknown command 'frobnicate'/);
  });
});
