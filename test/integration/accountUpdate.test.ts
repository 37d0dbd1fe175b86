import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WalkedItem } from '../../src/explorer/walkTree';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { demoTokens } from '../support/simulator/demoTokens';
import { answers, extensionApi, filesContaining, flatten, removeStoredAccounts, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

const label = 'Rotating';

describe('Updating the token of a stored account', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let restore: () => void = () => undefined;
  const shown = { errors: [] as string[], warnings: [] as string[], inputs: 0 };

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    restore = stubWindow({ showInputBox: answers(demoTokens.zoneOnly, label), showInformationMessage: () => Promise.resolve(undefined) });
    await vscode.commands.executeCommand('cloudflareCertificates.addApiToken');
    restore();
  });

  afterEach(() => restore());

  after(async () => {
    // Later suites start from no stored account.
    await removeStoredAccounts(api);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  async function accountItem(name = label): Promise<WalkedItem> {
    const account = (await api.snapshotTree()).find((item) => item.label === name);
    assert.ok(account, `the account "${name}" is shown`);
    return account;
  }

  /** Runs "Update Token…" on the account, answering the input boxes and the warning. */
  async function updateToken(node: unknown, inputs: readonly string[], warningAnswer?: string): Promise<void> {
    const queue = [...inputs];
    restore = stubWindow({
      showInputBox: () => {
        shown.inputs += 1;
        return Promise.resolve(queue.shift());
      },
      showWarningMessage: (message: string) => {
        shown.warnings.push(message);
        return Promise.resolve(warningAnswer);
      },
      showErrorMessage: (message: string) => {
        shown.errors.push(message);
        return Promise.resolve(undefined);
      },
      showInformationMessage: () => Promise.resolve(undefined),
    });
    await vscode.commands.executeCommand('cloudflareCertificates.updateToken', node);
    restore();
  }

  const missingPermissions = (account: WalkedItem): number => flatten(account.children).filter((item) => /^Missing permission/.test(item.label)).length;
  const zones = (account: WalkedItem): number => flatten(account.children).filter((item) => item.node.type === 'zone').length;

  it('starts from a token that can list zones but not read certificates', async () => {
    const account = await accountItem();
    assert.equal(zones(account), 11);
    assert.ok(missingPermissions(account) > 0);
  });

  it('refuses an expired token and keeps the stored one', async () => {
    const before = await accountItem();
    await updateToken(before.node, [demoTokens.expired]);
    assert.match(shown.errors.at(-1) ?? '', /expired|disabled|invalid/i);
    const after = await accountItem();
    assert.equal(zones(after), 11);
    assert.ok(missingPermissions(after) > 0, 'still the old token');
  });

  it('replaces the token with one of the same accounts, keeps the name, and reloads the account', async () => {
    const warnings = shown.warnings.length;
    await updateToken((await accountItem()).node, [demoTokens.readOnly]);
    assert.equal(shown.warnings.length, warnings, 'no warning: the new token reaches both accounts');
    const account = await accountItem();
    assert.equal(zones(account), 11);
    assert.equal(missingPermissions(account), 0, 'the new token reads certificates');
    assert.ok(flatten(account.children).some((item) => item.node.type === 'pack'));
  });

  it('warns before a token that does not reach an account, and keeps the old one when not confirmed', async () => {
    await updateToken((await accountItem()).node, [demoTokens.scoped], undefined);
    assert.match(shown.warnings.at(-1) ?? '', /does not reach the Cloudflare account "Acme Corp"/);
    assert.equal(zones(await accountItem()), 11, 'unchanged');
  });

  it('uses that token when confirmed: only the zones it reaches stay', async () => {
    await updateToken((await accountItem()).node, [demoTokens.scoped], 'Use It Anyway');
    const account = await accountItem();
    assert.deepEqual(flatten(account.children).filter((item) => item.node.type === 'zone').map((item) => item.label), ['tenantly.app']);
  });

  it('is not offered for the account from the environment, and says how to change it', async () => {
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    try {
      const environment = await accountItem('From environment');
      assert.match(environment.tooltip ?? '', /restart VS Code/);
      const inputs = shown.inputs;
      await updateToken(environment.node, [demoTokens.readOnly]);
      assert.equal(shown.inputs, inputs, 'no input box');
      assert.match(shown.errors.at(-1) ?? '', /CLOUDFLARE_API_TOKEN.*restart VS Code/);
    } finally {
      delete process.env['CLOUDFLARE_API_TOKEN'];
    }
  });

  it('writes no token to settings, state or logs', () => {
    for (const token of [demoTokens.zoneOnly, demoTokens.readOnly, demoTokens.scoped, demoTokens.expired]) {
      assert.deepEqual(filesContaining(token), [], `${token.slice(0, 20)}… found on disk`);
    }
  });
});
