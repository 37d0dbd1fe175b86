import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cliCommands } from '../../../src/cli/commands';
import { cliVersion, runCli } from '../../../src/cli/main';
import { captureIo } from '../../support/cliIo';

/** The modules a fresh process has loaded after `runCli(args)`, relative to out/. */
function modulesLoadedBy(args: readonly string[]): string[] {
  const main = require.resolve('../../../src/cli/main');
  const script = `
    const { runCli } = require(${JSON.stringify(main)});
    const io = { stdout: () => {}, stderr: () => {}, env: {}, signal: new AbortController().signal };
    runCli(${JSON.stringify(args)}, io).then(() => process.stdout.write(JSON.stringify(Object.keys(require.cache))));
  `;
  return (JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[]).filter((file) => !file.includes('[eval]'));
}

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

  it('prints its version for --version', async () => {
    const io = captureIo();
    assert.equal(await runCli(['--version'], io), 0);
    assert.equal(io.out.join(''), `cfcerts ${cliVersion}\n`);
  });

  it('loads no command for --help and --version, and only its own for a command', () => {
    for (const args of [['--help'], ['--version']]) {
      const loaded = modulesLoadedBy(args);
      assert.deepEqual(loaded.filter((file) => /Command\.js$|[/\\](cloudflare|probe|diagnose|simulator)[/\\]|node_modules/.test(file)), [], `cfcerts ${args.join(' ')}`);
    }
    const probe = modulesLoadedBy(['probe', '--help']);
    assert.ok(probe.some((file) => file.endsWith('probeCommand.js')));
    assert.deepEqual(probe.filter((file) => /(inventory|diagnose|simulate)Command\.js$|[/\\]cloudflare[/\\]|undici/.test(file)), []);
  });

  it('lists each command with the summary the command itself gives', () => {
    for (const entry of cliCommands) {
      const command = entry.load();
      assert.equal(command.name, entry.name);
      assert.equal(command.summary, entry.summary);
    }
  });

  it('names an unknown command on stderr and exits 2', async () => {
    const io = captureIo();
    assert.equal(await runCli(['frobnicate'], io), 2);
    assert.match(io.err.join(''), /unknown command 'frobnicate'/);
  });
});
