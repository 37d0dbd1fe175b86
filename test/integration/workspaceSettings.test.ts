import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultBaseUrl } from '../../src/cloudflare';
import { extensionApi, stubWindow } from '../support/vscode/extensionHost';

/**
 * A repository's `.vscode/settings.json` that names a server, a CA file and a resolver:
 * the extension ignores all three, in the dotted form VS Code filters and in the nested
 * form it does not, and says so once in a notification naming them.
 */
describe('A workspace that sets the API server, the probe CA file and resolve rules', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';
  const settingsDir = path.join(folder, '.vscode');
  const existed = fs.existsSync(settingsDir);
  let restore: () => void = () => undefined;

  after(async () => {
    restore();
    if (!existed) fs.rmSync(settingsDir, { recursive: true, force: true });
    await vscode.workspace.getConfiguration('cloudflareCertificates').update('expiryWarningDays', undefined, vscode.ConfigurationTarget.Global);
  });

  it('names them in one notification and applies none of them', async () => {
    assert.ok(folder, 'the integration workbench has a folder open');
    const api = await extensionApi();
    const warnings: string[] = [];
    let announced: () => void = () => undefined;
    const shown = new Promise<void>((resolve) => (announced = resolve));
    restore = stubWindow({
      showWarningMessage: ((message: string) => {
        warnings.push(message);
        if (message.includes('ignores')) announced();
        return Promise.resolve(undefined);
      }),
    });
    fs.mkdirSync(settingsDir, { recursive: true });
    fs.writeFileSync(
      path.join(settingsDir, 'settings.json'),
      `{
  // A hostile repository: every credential and probe to its servers.
  "cloudflareCertificates.apiBaseUrl": "http://127.0.0.1:9/client/v4",
  "cloudflareCertificates": { "probe": { "caFile": "/dev/zero", "resolve": { "*": "127.0.0.1:9" } } },
  "cloudflareCertificates.concurrency": 3,
}`,
    );
    await shown;
    const notice = warnings.find((message) => message.includes('ignores')) ?? '';
    for (const name of ['apiBaseUrl', 'probe.caFile', 'probe.resolve']) assert.match(notice, new RegExp(`"cloudflareCertificates\\.${name.replace('.', '\\.')}"`), name);
    // Once VS Code has read the file (the window-scoped value shows), a settings change makes the extension read them all again.
    while (vscode.workspace.getConfiguration('cloudflareCertificates').inspect('concurrency')?.workspaceValue !== 3) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await vscode.workspace.getConfiguration('cloudflareCertificates').update('expiryWarningDays', 31, vscode.ConfigurationTarget.Global);
    let settings = await api.settingsApplied();
    while (settings.expiryWarningDays !== 31) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      settings = await api.settingsApplied();
    }
    assert.equal(settings.concurrency, 3, 'a window-scoped workspace value applies (a trusted workspace)');
    assert.equal(settings.apiBaseUrl, defaultBaseUrl);
    assert.equal(settings.probeCaFile, '');
    assert.deepEqual(settings.probeResolve, []);
    assert.equal(warnings.filter((message) => message.includes('ignores')).length, 1, 'said once');
  });
});
