import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { extensionId } from './helpers';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]> };
  activationEvents: string[];
}

describe('Activation', () => {
  it('activates', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is installed`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });

  it('exports its test hooks, since the suite runs it in ExtensionMode.Test', async () => {
    // An installed extension (Production mode) exports nothing; e2e, which installs the .vsix, never uses them.
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const hooks: unknown = await extension.activate();
    assert.equal(typeof (hooks as { snapshotTree?: unknown } | undefined)?.snapshotTree, 'function');
  });

  it('registers exactly the commands package.json contributes', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    const manifest = extension.packageJSON as Manifest;
    const contributed = manifest.contributes.commands.map((entry) => entry.command).sort();
    // VS Code adds commands of its own for each view (`<view id>.focus`, …): those are not ours.
    const viewIds = Object.values(manifest.contributes.views).flat().map((view) => `${view.id}.`);
    const registered = (await vscode.commands.getCommands(true))
      .filter((id) => id.startsWith('cloudflareCertificates.') && !viewIds.some((prefix) => id.startsWith(prefix)))
      .sort();
    assert.deepEqual(registered, contributed);
  });

  it('never activates on every start-up', () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    const manifest = extension.packageJSON as Manifest;
    assert.ok(!manifest.activationEvents.includes('*'));
  });

  it('"Cloudflare: Show Logs" runs without error', async () => {
    await vscode.commands.executeCommand('cloudflareCertificates.showLogs');
  });
});
