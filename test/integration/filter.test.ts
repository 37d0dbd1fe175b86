import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { CloudflareCertificatesApi } from '../../src/extension';
import type { WalkedItem } from '../../src/explorer/walkTree';
import { expireSoon } from '../support/simulator/expiringCertificate';
import { extensionApi, flatten, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

const objectTypes = ['pack', 'customCertificate', 'customHostname', 'clientCertificate'];

/** The certificate objects among already flattened items. */
function objects(items: readonly WalkedItem[]): WalkedItem[] {
  return items.filter((item) => objectTypes.includes(item.node.type));
}

/**
 * What the environment account shows. Suites before this one may have stored accounts of
 * their own (on the same simulator data); the badge and status bar count those too.
 */
function environmentAccount(items: readonly WalkedItem[]): WalkedItem[] {
  const [first] = items;
  assert.equal(first?.label, 'From environment');
  return flatten(first.children);
}

describe('Filter, problems only and grouping in the explorer', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;

  /** Runs "Cloudflare: Filter…" answering `text`; returns what the input box was prefilled with. */
  async function filterBy(text: string): Promise<string | undefined> {
    let prefilled: string | undefined;
    const restore = stubWindow({
      showInputBox: (options) => {
        prefilled = options?.value;
        return Promise.resolve(text);
      },
    });
    try {
      await vscode.commands.executeCommand('cloudflareCertificates.filter');
    } finally {
      restore();
    }
    return prefilled;
  }

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    expireSoon(simulator);
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    await api.snapshotTree();
  });

  after(async () => {
    // Leave the view as the other suites expect it.
    await vscode.commands.executeCommand('cloudflareCertificates.clearFilter');
    await vscode.commands.executeCommand('cloudflareCertificates.groupByZone');
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  it('starts unfiltered, with the refresh time in the message and the problems in the badge and status bar', async () => {
    const state = api.viewState();
    assert.deepEqual(state.options, { text: '', problemsOnly: false, groupBy: 'zone' });
    assert.match(state.message ?? '', /^API: 127\.0\.0\.1:\d+ · Refreshed \d\d:\d\d$/);
    const problems = objects(flatten(await api.snapshotTree())).filter((item) => item.severity === 'warning' || item.severity === 'error');
    assert.ok(problems.length > 0);
    assert.deepEqual(state.badge, { value: problems.length, tooltip: `${problems.length} certificates need action` });
    assert.match(state.statusBar?.text ?? '', /^\$\(error\) \d+ need action · \$\(warning\) \d+ expiring$/);
    assert.match(state.statusBar?.tooltip ?? '', /From environment: Needs action \d+/);
  });

  it('filters by name with "Cloudflare: Filter…", says so in the message, and remembers it', async () => {
    assert.equal(await filterBy('  NorthWind '), '');
    const shown = objects(environmentAccount(await api.snapshotTree()));
    assert.deepEqual(
      shown.map((item) => item.label),
      ['app.northwind-traders.com'],
    );
    const state = api.viewState();
    assert.equal(state.options.text, 'NorthWind');
    assert.deepEqual(state.stored, state.options, 'stored for the next window');
    assert.match(state.message ?? '', /^API: 127\.0\.0\.1:\d+ · Refreshed \d\d:\d\d · Filter: NorthWind$/);
    assert.ok((state.badge?.value ?? 0) > 1, 'the badge counts every loaded problem, not only the shown ones');
    assert.equal(await filterBy('NorthWind'), 'NorthWind', 'the input box offers the current filter');
  });

  it('combines the filter with "Show Only Problems", down to one row that clears the filter', async () => {
    await vscode.commands.executeCommand('cloudflareCertificates.showOnlyProblems');
    const items = await api.snapshotTree();
    assert.equal(items.length, 1);
    assert.equal(items[0]?.label, "No problems match 'NorthWind'");
    assert.equal(items[0]?.command?.id, 'clearFilter');
    const state = api.viewState();
    assert.deepEqual(state.stored, { text: 'NorthWind', problemsOnly: true, groupBy: 'zone' });
    assert.match(state.message ?? '', / · Filter: NorthWind · Problems only$/);
  });

  it('"Show Problems" (the status bar\'s command) drops the text and keeps every problem', async () => {
    await vscode.commands.executeCommand('cloudflareCertificates.showProblems');
    const state = api.viewState();
    assert.deepEqual(state.options, { text: '', problemsOnly: true, groupBy: 'zone' });
    const shown = objects(flatten(await api.snapshotTree()));
    assert.ok(shown.length > 0);
    assert.ok(
      shown.every((item) => item.severity === 'warning' || item.severity === 'error'),
      shown.map((item) => `${item.label}: ${item.severity ?? ''}`).join('\n'),
    );
    assert.equal(shown.length, state.badge?.value, 'the demo has no unknown statuses: problems are exactly what the badge counts');
    const items = await api.snapshotTree();
    const zones = environmentAccount(items).filter((item) => item.node.type === 'zone').length;
    assert.ok(zones > 0 && zones < 11);
    assert.equal(items[0]?.description, `${zones} of 11 zones`);
  });

  it('groups by status and back, remembering the choice', async () => {
    await vscode.commands.executeCommand('cloudflareCertificates.showAllCertificates');
    const byZone = objects(environmentAccount(await api.snapshotTree())).map((item) => item.id.replace(/^byStatus\//, ''));
    await vscode.commands.executeCommand('cloudflareCertificates.showOnlyProblems');
    await vscode.commands.executeCommand('cloudflareCertificates.groupByStatus');
    const problems = environmentAccount(await api.snapshotTree());
    assert.deepEqual(
      problems.filter((item) => item.node.type === 'statusGroup').map((item) => item.label),
      ['Needs action', 'Expiring soon'],
    );
    assert.equal(api.viewState().stored.groupBy, 'status');
    await vscode.commands.executeCommand('cloudflareCertificates.showAllCertificates');
    const all = environmentAccount(await api.snapshotTree());
    assert.ok(all.some((item) => item.label === 'Active' && item.node.type === 'statusGroup'));
    const byStatus = objects(all).map((item) => item.id.replace(/^byStatus\//, ''));
    assert.deepEqual(byStatus.sort(), byZone.sort(), 'every object once, in one group or the other arrangement');
    await vscode.commands.executeCommand('cloudflareCertificates.groupByZone');
    assert.equal(api.viewState().stored.groupBy, 'zone');
    assert.ok(environmentAccount(await api.snapshotTree()).some((item) => item.node.type === 'zone'));
  });

  it('clears the filter with "Clear Filter"', async () => {
    await filterBy('acme');
    await vscode.commands.executeCommand('cloudflareCertificates.showOnlyProblems');
    await vscode.commands.executeCommand('cloudflareCertificates.clearFilter');
    const state = api.viewState();
    assert.deepEqual(state.stored, { text: '', problemsOnly: false, groupBy: 'zone' });
    assert.match(state.message ?? '', /^API: 127\.0\.0\.1:\d+ · Refreshed \d\d:\d\d$/);
    const items = environmentAccount(await api.snapshotTree());
    assert.equal(items.filter((item) => item.node.type === 'customHostname').length, 33);
    assert.equal(items.filter((item) => item.node.type === 'zone').length, 11);
  });

  it('an empty answer clears the text, a cancelled one keeps it', async () => {
    await filterBy('tenantly');
    const restore = stubWindow({ showInputBox: () => Promise.resolve(undefined) });
    try {
      await vscode.commands.executeCommand('cloudflareCertificates.filter');
    } finally {
      restore();
    }
    assert.equal(api.viewState().options.text, 'tenantly');
    await filterBy('');
    assert.equal(api.viewState().options.text, '');
  });
});
