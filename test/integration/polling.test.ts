import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { WalkedItem } from '../../src/explorer/walkTree';
import { extensionApi, flatten, setApiBaseUrl } from '../support/vscode/extensionHost';

/** Reads the tree until `found` picks an item, or gives up after `attempts` reads. */
async function waitForItem(api: CloudflareCertificatesApi, found: (item: WalkedItem) => boolean, attempts = 400): Promise<WalkedItem | undefined> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    const item = flatten(await api.snapshotTree()).find(found);
    if (item !== undefined) return item;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return undefined;
}

describe('Polling pending objects', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    api = await extensionApi();
    // The real schedule starts at 15 s; a fraction of a second keeps the test quick.
    api.setPendingPollSchedule([200, 400, 800]);
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    // Polling runs only while the view is visible.
    await vscode.commands.executeCommand('cloudflareCertificates.explorer.focus');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    api.setPendingPollSchedule(undefined);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  it('shows a pending pack as Active once Cloudflare activates it, with no refresh', async () => {
    const pending = flatten(await api.snapshotTree()).find((item) => item.node.type === 'pack' && item.node.pack.status === 'pending_validation');
    assert.ok(pending?.node.type === 'pack', 'a pack in Pending Validation');
    assert.match(pending.description ?? '', /Pending Validation/);
    const packId = pending.node.pack.id;
    const located = simulator.state.find(packId);
    assert.ok(located);
    simulator.state.setStatus(located, 'active');
    const active = await waitForItem(api, (item) => item.node.type === 'pack' && item.node.pack.id === packId && item.node.pack.status === 'active');
    assert.ok(active, 'the tree shows the pack as Active');
    assert.match(active.description ?? '', /Active/);
    assert.equal(active.icon?.id, 'pass-filled');
  });
});
