import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultBaseUrl } from '../../src/cloudflare';
import { environmentAccountKey } from '../../src/domain/accounts';
import type { WalkedItem } from '../../src/explorer/walkTree';
import type { CloudflareCertificatesApi } from '../../src/extension';

export const extensionId = 'cfcerts.cloudflare-certificates';

export async function extensionApi(): Promise<CloudflareCertificatesApi> {
  const extension = vscode.extensions.getExtension<CloudflareCertificatesApi | undefined>(extensionId);
  if (extension === undefined) throw new Error(`${extensionId} is not installed`);
  const api = await extension.activate();
  if (api === undefined) throw new Error(`${extensionId} exported no test hooks: they exist only in ExtensionMode.Test (extensionTestsPath set)`);
  return api;
}

/**
 * Points the extension at another API and waits until it has switched: the change event
 * reaches the extension some time after `update` resolves, and a test that ran meanwhile
 * would verify its token against the previous (perhaps closed) simulator.
 */
export async function setApiBaseUrl(url: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('cloudflareCertificates').update('apiBaseUrl', url, vscode.ConfigurationTarget.Global);
  const expected = (url ?? defaultBaseUrl).replace(/\/+$/, '');
  const api = await extensionApi();
  while ((await api.settingsApplied()).apiBaseUrl !== expected) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export { flattenTree as flatten } from '../../src/explorer/walkTree';

type WindowStubs = Partial<Pick<typeof vscode.window, 'showInputBox' | 'showWarningMessage' | 'showErrorMessage' | 'showInformationMessage'>>;

/**
 * Replaces prompts on vscode.window for one test, so command flows run unattended; the
 * extension and the tests share one API object. Returns the restore function.
 */
export function stubWindow(stubs: WindowStubs): () => void {
  const target = vscode.window as unknown as Record<string, unknown>;
  const originals = Object.fromEntries(Object.keys(stubs).map((key) => [key, target[key]]));
  Object.assign(target, stubs);
  return () => Object.assign(target, originals);
}

/**
 * Removes every account stored in VS Code through the Remove command, so a suite starts
 * from the environment account alone whatever the suites before it left; fails loudly,
 * with the messages shown, if one stays.
 */
export async function removeStoredAccounts(api: CloudflareCertificatesApi): Promise<void> {
  const errors: string[] = [];
  const stored = async (): Promise<WalkedItem[]> => (await api.snapshotTree()).filter((item) => item.node.type === 'account' && item.node.account !== environmentAccountKey);
  const restore = stubWindow({
    showWarningMessage: () => Promise.resolve('Remove'),
    showErrorMessage: (message: string) => Promise.resolve(void errors.push(message)),
  });
  try {
    for (const account of await stored()) {
      await vscode.commands.executeCommand('cloudflareCertificates.removeAccount', account.node);
    }
  } finally {
    restore();
  }
  const left = (await stored()).map((item) => item.label);
  if (left.length > 0) throw new Error(`Stored accounts left after removal: ${left.join(', ')}; messages: ${errors.join(' | ') || 'none'}`);
}

/** Answers input boxes in order; a missing answer cancels (undefined). */
export function answers(...values: string[]): typeof vscode.window.showInputBox {
  const queue = [...values];
  return () => Promise.resolve(queue.shift());
}

/** Every file under the server's user-data folder (settings, state, logs) that contains `text`. */
export function filesContaining(text: string): string[] {
  const root = process.env['CFCERTS_TEST_USER_DATA'];
  if (root === undefined || !fs.existsSync(root)) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && fs.statSync(file).size < 20_000_000 && fs.readFileSync(file).includes(text)) found.push(file);
    }
  };
  walk(root);
  return found;
}
