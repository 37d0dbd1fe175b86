import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { demoTokens } from '../support/simulator/demoTokens';
import { answers, extensionApi, filesContaining, flatten, removeStoredAccounts, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

const { readOnly: readOnlyToken, expired: expiredToken, zoneOnly: zoneOnlyToken } = demoTokens;

describe('Explorer against the simulator', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let closed = false;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
  });

  after(async () => {
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    if (!closed) await simulator.close();
  });

  it('shows the environment account with every zone and every object of the demo scenario', async () => {
    const items = flatten(await api.snapshotTree());
    assert.equal(items[0]?.label, 'From environment');
    assert.equal(items.filter((item) => item.node.type === 'zone').length, 11);
    assert.equal(items.filter((item) => item.node.type === 'customHostname').length, 33);
    assert.ok(items.filter((item) => item.node.type === 'pack').length >= 30);
    const icons = new Set(items.map((item) => item.icon?.id));
    for (const icon of ['pass-filled', 'error', 'warning', 'sync~spin', 'clock']) assert.ok(icons.has(icon), `${icon} among ${[...icons].join(', ')}`);
  });

  it('shows a transition after a refresh', async () => {
    const before = flatten(await api.snapshotTree()).find((item) => item.label === 'app.northwind-traders.com');
    assert.match(before?.description ?? '', /Pending Validation/);
    const hostname = before?.node.type === 'customHostname' ? before.node.hostname : undefined;
    assert.ok(hostname);
    const located = simulator.state.find(hostname.id);
    assert.ok(located);
    simulator.state.setStatus(located, 'active', 'status');
    simulator.state.setStatus(located, 'active', 'ssl.status');
    await api.refresh();
    const after = flatten(await api.snapshotTree()).find((item) => item.label === 'app.northwind-traders.com');
    assert.equal(after?.icon?.id, 'pass-filled');
    assert.match(after?.description ?? '', /^Active/);
  });

  it('restarts validation of a pack after confirmation, and refreshes only that pack', async () => {
    const pack = flatten(await api.snapshotTree()).find((item) => item.node.type === 'pack' && /\brestartable\b/.test(item.contextValue));
    assert.ok(pack, 'a restartable pack');
    const requestsBefore = simulator.requests;
    const restore = stubWindow({ showWarningMessage: () => Promise.resolve('Restart Validation') });
    try {
      await vscode.commands.executeCommand('cloudflareCertificates.restartValidation', pack.node);
    } finally {
      restore();
    }
    assert.equal(simulator.requests - requestsBefore, 2, 'one write and one read of that pack');
  });

  it('keeps the tree, marked stale, when a refresh fails', async () => {
    await simulator.close();
    closed = true;
    await api.refresh();
    const items = await api.snapshotTree();
    assert.equal(items[0]?.label, 'From environment');
    assert.match(items[0]?.description ?? '', /11 zones · stale/);
    assert.equal(flatten(items).filter((item) => item.node.type === 'zone').length, 11, 'what was shown stays');
  });
});

describe('Adding an API token', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  const errors: string[] = [];
  let restore: () => void = () => undefined;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await removeStoredAccounts(api);
  });

  afterEach(() => restore());

  after(async () => {
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  function addToken(...inputs: string[]): Thenable<unknown> {
    restore = stubWindow({
      showInputBox: answers(...inputs),
      showErrorMessage: (message: string) => {
        errors.push(message);
        return Promise.resolve(undefined);
      },
      showInformationMessage: () => Promise.resolve(undefined),
      showWarningMessage: () => Promise.resolve('Remove'),
    });
    return vscode.commands.executeCommand('cloudflareCertificates.addApiToken');
  }

  it('refuses an expired token with a clear message and stores nothing', async () => {
    await addToken(expiredToken, 'Expired');
    assert.match(errors.at(-1) ?? '', /expired|disabled|invalid/i);
    assert.equal((await api.snapshotTree()).length, 0, 'no account: the welcome view shows');
  });

  it('verifies and stores a valid token, then lists its zones', async () => {
    await addToken(readOnlyToken, 'Read-only');
    const items = flatten(await api.snapshotTree());
    assert.equal(items[0]?.label, 'Read-only');
    assert.equal(items.filter((item) => item.node.type === 'zone').length, 11);
  });

  it('names the missing permission of a token that can list zones but not certificates', async () => {
    await addToken(zoneOnlyToken, 'Zones only');
    const items = flatten(await api.snapshotTree());
    const account = items.find((item) => item.label === 'Zones only');
    assert.ok(account);
    assert.ok(flatten(account.children).some((item) => /Missing permission: SSL and Certificates: Read/.test(item.label)));
  });

  it('removes a stored account after confirmation', async () => {
    const account = (await api.snapshotTree()).find((item) => item.label === 'Zones only');
    assert.ok(account);
    restore = stubWindow({ showWarningMessage: () => Promise.resolve('Remove') });
    await vscode.commands.executeCommand('cloudflareCertificates.removeAccount', account.node);
    assert.ok(!(await api.snapshotTree()).some((item) => item.label === 'Zones only'));
  });

  it('writes no token to settings, state or logs', () => {
    for (const token of [readOnlyToken, zoneOnlyToken, expiredToken, simulator.demoToken]) {
      assert.deepEqual(filesContaining(token), [], `${token.slice(0, 20)}… found on disk`);
    }
  });
});
