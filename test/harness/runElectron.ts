import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, workspaceFixture } from './paths';

/**
 * The integration suite through @vscode/test-electron, for machines that can download
 * desktop VS Code: the minimum engine the manifest allows, then stable.
 */
async function main(): Promise<void> {
  const extensionTestsPath = path.join(repoRoot, 'out', 'test', 'integration', 'index.js');
  for (const version of ['1.100.0', 'stable']) {
    process.stdout.write(`[harness] integration suite on VS Code ${version}\n`);
    await runTests({
      version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      launchArgs: [workspaceFixture, '--disable-extensions', '--disable-workspace-trust'],
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
