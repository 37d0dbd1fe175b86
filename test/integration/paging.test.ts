import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { WalkedItem } from '../../src/explorer/walkTree';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../src/simulator';
import { answers, extensionApi, flatten, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

/** One SaaS zone with a few hundred custom hostnames: seven pages of 50. */
const hostnameCount = 320;

describe('Paging custom hostnames', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let restore: () => void = () => undefined;

  before(async () => {
    simulator = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 2, customHostnames: hostnameCount, seed: 5 }), lifecycle: false });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
  });

  afterEach(() => restore());

  after(async () => {
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  /** The "Custom hostnames" group of the zone, expanded as a user would. */
  async function hostnamesGroup(): Promise<WalkedItem> {
    const account = (await api.snapshotTree()).find((item) => item.label === 'From environment');
    assert.ok(account, 'the account from the environment is shown');
    const group = flatten(account.children).find((item) => item.node.type === 'group' && item.label === 'Custom hostnames');
    assert.ok(group, 'the zone has a custom hostnames group');
    return group;
  }

  const hostnames = (group: WalkedItem): WalkedItem[] => group.children.filter((item) => item.node.type === 'customHostname');
  const loadMoreRow = (group: WalkedItem): WalkedItem | undefined => group.children.find((item) => item.node.type === 'loadMore');

  it('shows the first page and a "Load more" row with the counts', async () => {
    const group = await hostnamesGroup();
    assert.equal(hostnames(group).length, 50);
    assert.match(group.description ?? '', new RegExp(`^50 of ${hostnameCount}\\b`));
    assert.equal(loadMoreRow(group)?.description, `50 of ${hostnameCount}`);
    assert.equal(group.children.at(-1)?.node.type, 'loadMore', 'the row comes last');
  });

  it('appends the next page on "Load more", in the API\'s order', async () => {
    const before = await hostnamesGroup();
    const firstPage = hostnames(before).map((item) => item.label);
    const row = loadMoreRow(before);
    assert.ok(row);
    await vscode.commands.executeCommand('cloudflareCertificates.loadMoreHostnames', row.node);
    const after = await hostnamesGroup();
    const names = hostnames(after).map((item) => item.label);
    assert.equal(names.length, 100);
    assert.deepEqual(names.slice(0, 50), firstPage, 'the first page stays where it was');
    assert.equal(new Set(names).size, 100, 'no hostname twice');
    assert.equal(loadMoreRow(after)?.description, `100 of ${hostnameCount}`);
  });

  it('loads every remaining page on "Load all", and the row goes', async () => {
    await vscode.commands.executeCommand('cloudflareCertificates.loadAllHostnames', (await hostnamesGroup()).node);
    const group = await hostnamesGroup();
    assert.equal(hostnames(group).length, hostnameCount);
    assert.equal(new Set(hostnames(group).map((item) => item.label)).size, hostnameCount);
    assert.equal(loadMoreRow(group), undefined);
    assert.match(group.description ?? '', new RegExp(`^${hostnameCount}\\b`));
  });

  it('searches with the API\'s hostname filter, then clears the search', async () => {
    const all = await hostnamesGroup();
    const wanted = hostnames(all)[123]?.label;
    assert.ok(wanted !== undefined);
    restore = stubWindow({ showInputBox: answers(wanted.toUpperCase()) });
    const requests = simulator.requests;
    await vscode.commands.executeCommand('cloudflareCertificates.searchHostnames', all.node);
    restore();
    assert.ok(simulator.requests > requests, 'the search asked the API, not the loaded list');
    const found = await hostnamesGroup();
    assert.deepEqual(hostnames(found).map((item) => item.label), [wanted]);
    assert.ok(found.children.some((item) => item.node.type === 'message' && item.label === `Search: hostname "${wanted}"`), 'the filter is shown');
    assert.equal(loadMoreRow(found), undefined);

    await vscode.commands.executeCommand('cloudflareCertificates.clearHostnameSearch', found.node);
    const cleared = await hostnamesGroup();
    assert.equal(hostnames(cleared).length, 50, 'back to the first page');
    assert.ok(!cleared.children.some((item) => item.node.type === 'message' && /^Search: hostname/.test(item.label)));
    assert.equal(loadMoreRow(cleared)?.description, `50 of ${hostnameCount}`);
  });
});
