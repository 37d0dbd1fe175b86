import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { objectKey, type ObjectRef } from '../../src/domain/objectRef';
import { objectRefOf } from '../../src/explorer/objectLookup';
import { LifecycleHeadings } from '../../src/panels/lifecycleDocument';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { Block, PanelDocument } from '../../src/panels/document';
import { isPanelDocument } from '../../src/webview/documentGuards';
import { extensionApi, flatten, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

const showDetails = 'cloudflareCertificates.showDetails';
const lifecycleViewType = 'cloudflareCertificates.lifecycle';

function blockTitled<K extends Block['kind']>(document: PanelDocument | undefined, kind: K, title: string): Extract<Block, { kind: K }> {
  const found = document?.blocks.find((block): block is Extract<Block, { kind: K }> => block.kind === kind && 'title' in block && block.title === title);
  assert.ok(found, `a ${kind} "${title}" in ${document?.title ?? 'no document'}`);
  return found;
}

function currentOf(document: PanelDocument | undefined, title: string): string[] {
  return blockTitled(document, 'diagram', title).nodes.filter((node) => node.state === 'current').map((node) => node.id);
}

function actionIds(document: PanelDocument | undefined): string[] {
  return document?.actions.map((action) => action.id) ?? [];
}

/** The lifecycle panels VS Code shows as editor tabs. */
function lifecycleTabs(): readonly vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(lifecycleViewType));
}

/**
 * The number of lifecycle tabs once the workbench has reported them: tab changes reach the
 * extension host a moment after the panel opened. Waits for `expected` (or a while), then counts.
 */
async function settledTabCount(expected: number): Promise<number> {
  for (let attempt = 0; attempt < 100 && lifecycleTabs().length !== expected; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return lifecycleTabs().length;
}

/** The active tab, once the workbench reports one with this label (or after a while, whatever is active). */
async function activeTabOnceLabelled(label: string): Promise<vscode.Tab | undefined> {
  for (let attempt = 0; attempt < 100 && vscode.window.tabGroups.activeTabGroup.activeTab?.label !== label; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return vscode.window.tabGroups.activeTabGroup.activeTab;
}

describe('Lifecycle panels', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let restore: () => void = () => undefined;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, tlsPort: 0 });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    await api.snapshotTree();
  });

  afterEach(() => {
    restore();
    restore = () => undefined;
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const probeSettings = vscode.workspace.getConfiguration('cloudflareCertificates.probe');
    await probeSettings.update('resolve', undefined, vscode.ConfigurationTarget.Global);
    await probeSettings.update('caFile', undefined, vscode.ConfigurationTarget.Global);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  async function node(test: (node: ExplorerNode) => boolean, what: string): Promise<ExplorerNode> {
    const found = flatten(await api.snapshotTree()).find((item) => test(item.node));
    assert.ok(found, what);
    return found.node;
  }

  const packWith = (status: string, host: string) => (candidate: ExplorerNode): boolean => candidate.type === 'pack' && candidate.pack.status === status && (candidate.pack.hosts ?? []).includes(host);
  const hostnameNamed = (name: string) => (candidate: ExplorerNode): boolean => candidate.type === 'customHostname' && candidate.hostname.hostname === name;

  function keyOf(target: ExplorerNode): string {
    const ref = objectRefOf(target);
    assert.ok(ref);
    return objectKey(ref);
  }

  function documentOf(key: string): PanelDocument | undefined {
    const panels = api.lifecyclePanels().filter((panel) => panel.key === key);
    assert.equal(panels.length, 1, `one panel for ${key}`);
    return panels[0]?.document;
  }

  async function open(target: ExplorerNode | ObjectRef): Promise<PanelDocument | undefined> {
    await vscode.commands.executeCommand(showDetails, target);
    const key = 'type' in target ? keyOf(target) : objectKey(target);
    const document = documentOf(key);
    assert.ok(isPanelDocument(document), 'the panel shows a well-formed document');
    return document;
  }

  function locate(id: string): NonNullable<ReturnType<RunningSimulator['state']['find']>> {
    const located = simulator.state.find(id);
    assert.ok(located, `${id} is in the simulator`);
    return located;
  }

  it('opens a panel for a pack, a custom certificate, a custom hostname and a client certificate', async () => {
    const pack = await node(packWith('pending_validation', 'shop.acme.com'), 'the shop.acme.com pack');
    const packDocument = await open(pack);
    assert.equal(packDocument?.title, 'shop.acme.com +1');
    assert.equal(packDocument?.subtitle, 'Advanced certificate pack · acme.com');
    assert.deepEqual(packDocument?.status, { label: 'Pending Validation', tone: 'progress' });
    assert.deepEqual(currentOf(packDocument, LifecycleHeadings.lifecycle), ['pending_validation']);
    assert.equal(blockTitled(packDocument, 'callout', LifecycleHeadings.next).lines[1], 'Who acts: Domain owner.');
    const records = blockTitled(packDocument, 'table', LifecycleHeadings.records);
    assert.deepEqual(
      records.rows.map((row) => row[2]?.text),
      ['_acme-challenge.acme.com', '_acme-challenge.shop.acme.com'],
    );
    assert.ok(records.rows.every((row) => row[3]?.copyLabel === 'TXT value'));
    assert.ok(actionIds(packDocument).includes('restartValidation'));

    const custom = await node((candidate) => candidate.type === 'customCertificate' && candidate.certificate.status === 'active', 'an active custom certificate');
    const customDocument = await open(custom);
    assert.equal(customDocument?.subtitle, 'Custom certificate · acme.com');
    assert.deepEqual(currentOf(customDocument, LifecycleHeadings.lifecycle), ['active']);
    assert.ok(blockTitled(customDocument, 'facts', LifecycleHeadings.certificate).rows.some((row) => row.label === 'Issuer'));

    const hostname = await node(hostnameNamed('portal.contoso.io'), 'portal.contoso.io');
    const hostnameDocument = await open(hostname);
    assert.equal(hostnameDocument?.title, 'portal.contoso.io');
    assert.equal(hostnameDocument?.status?.label, 'Hostname: Pending · Certificate: Pending Validation');
    assert.deepEqual(currentOf(hostnameDocument, LifecycleHeadings.hostnameLifecycle), ['pending']);
    assert.deepEqual(currentOf(hostnameDocument, LifecycleHeadings.certificateLifecycle), ['pending_validation']);
    assert.ok(actionIds(hostnameDocument).includes('refreshValidation'));

    const client = await node((candidate) => candidate.type === 'clientCertificate' && candidate.certificate.status === 'revoked', 'a revoked client certificate');
    const clientDocument = await open(client);
    assert.equal(clientDocument?.title, 'iot-gateway-eu');
    assert.deepEqual(currentOf(clientDocument, LifecycleHeadings.lifecycle), ['revoked']);
    assert.deepEqual(actionIds(clientDocument), ['refresh', 'openInDashboard', 'openApiObject']);
    assert.equal(blockTitled(clientDocument, 'code', LifecycleHeadings.raw).text, JSON.stringify(client.type === 'clientCertificate' ? client.certificate : undefined, null, 2));

    assert.equal(await settledTabCount(4), 4, 'four tabs');
  });

  it('reveals the open panel instead of opening a second one, from a tree item or an ObjectRef', async () => {
    const pack = await node(packWith('pending_validation', 'shop.acme.com'), 'the shop.acme.com pack');
    const before = api.lifecyclePanels().length;
    await vscode.commands.executeCommand(showDetails, pack);
    const ref = objectRefOf(pack);
    assert.ok(ref);
    await vscode.commands.executeCommand(showDetails, { ...ref });
    assert.equal(api.lifecyclePanels().length, before);
    // Once the workbench reports the pack's tab in front, a duplicate would be there too.
    const active = await activeTabOnceLabelled('shop.acme.com +1');
    assert.ok(active?.input instanceof vscode.TabInputWebview, `the pack's panel is in front (${active?.label ?? 'none'})`);
    assert.equal(lifecycleTabs().length, before, 'no second tab');
  });

  it('updates live when a refresh changes the object, and lists the change in its history', async () => {
    const hostname = await node(hostnameNamed('app.northwind-traders.com'), 'app.northwind-traders.com');
    const key = keyOf(hostname);
    await open(hostname);
    const located = locate(hostname.type === 'customHostname' ? hostname.hostname.id : '');
    simulator.state.setStatus(located, 'active', 'status');
    simulator.state.setStatus(located, 'active', 'ssl.status');
    await api.refresh();
    const document = documentOf(key);
    assert.equal(document?.status?.label, 'Hostname: Active · Certificate: Active');
    assert.deepEqual(currentOf(document, LifecycleHeadings.hostnameLifecycle), ['active']);
    const history = blockTitled(document, 'timeline', LifecycleHeadings.history).entries.map((entry) => entry.label);
    assert.ok(history.includes('Hostname: Pending → Active'), history.join(' | '));
    assert.ok(history.includes('Certificate: Pending Validation → Active'), history.join(' | '));
    assert.equal(blockTitled(document, 'diagram', LifecycleHeadings.hostnameLifecycle).nodes.find((candidate) => candidate.id === 'pending')?.state, 'visited');
  });

  it('Refresh reads only its own object again, and the tree shows the fresher copy too', async () => {
    const pack = await node(packWith('pending_validation', 'trial.acme.com'), 'the trial.acme.com pack');
    const key = keyOf(pack);
    await open(pack);
    simulator.state.setStatus(locate(pack.type === 'pack' ? pack.pack.id : ''), 'pending_issuance');
    const requests = simulator.requests;
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'refresh' });
    assert.equal(simulator.requests - requests, 1, 'one read of that pack');
    assert.deepEqual(documentOf(key)?.status, { label: 'Pending Issuance', tone: 'progress' });
    assert.match(documentOf(key)?.note ?? '', /^Updated /);
    const inTree = flatten(await api.snapshotTree()).find((item) => item.node.type === 'pack' && keyOf(item.node) === key);
    assert.match(inTree?.description ?? '', /Pending Issuance/);
  });

  it('Restart Validation asks first, does nothing when declined, and restarts when confirmed', async () => {
    const pack = await node(packWith('validation_timed_out', 'legacy.acme.com'), 'the timed-out legacy.acme.com pack');
    const key = keyOf(pack);
    assert.ok(actionIds(await open(pack)).includes('restartValidation'));
    const asked: { message: string; modal: boolean }[] = [];
    let answer: string | undefined = undefined;
    restore = stubWindow({
      showWarningMessage: (message: string, options?: unknown) => {
        if (/^Restart validation/.test(message)) asked.push({ message, modal: (options as vscode.MessageOptions | undefined)?.modal === true });
        return Promise.resolve(answer);
      },
    });
    let requests = simulator.requests;
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'restartValidation' });
    assert.equal(asked.length, 1);
    assert.equal(asked[0]?.modal, true, 'a modal confirmation');
    assert.equal(simulator.requests - requests, 0, 'declined: no write, and no read either (the model holds the pack)');
    assert.equal(documentOf(key)?.status?.label, 'Timed Out (Validation)');

    answer = 'Restart Validation';
    requests = simulator.requests;
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'restartValidation' });
    assert.equal(asked.length, 2);
    assert.ok(simulator.requests - requests >= 2, 'a write, then reads');
    const document = documentOf(key);
    assert.equal(document?.status?.label, 'Pending Validation');
    assert.deepEqual(currentOf(document, LifecycleHeadings.lifecycle), ['pending_validation']);
    assert.equal(blockTitled(document, 'timeline', LifecycleHeadings.history).entries[0]?.label, 'Timed Out (Validation) → Pending Validation');
  });

  it('Refresh Validation revives a moved custom hostname after confirmation', async () => {
    const hostname = await node(hostnameNamed('docs.initech.com'), 'docs.initech.com');
    const key = keyOf(hostname);
    const before = await open(hostname);
    assert.match(before?.status?.label ?? '', /Moved/);
    assert.ok(actionIds(before).includes('refreshValidation'));
    let asked = 0;
    restore = stubWindow({
      showWarningMessage: (message: string) => {
        if (/^Refresh /.test(message)) asked += 1;
        return Promise.resolve('Refresh');
      },
    });
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'refreshValidation' });
    assert.equal(asked, 1);
    assert.deepEqual(currentOf(documentOf(key), LifecycleHeadings.hostnameLifecycle), ['pending']);
  });

  it('Open in Dashboard opens the object’s dashboard page', async () => {
    const hostname = await node(hostnameNamed('portal.contoso.io'), 'portal.contoso.io');
    const key = keyOf(hostname);
    await open(hostname);
    const env = vscode.env as unknown as Record<string, unknown>;
    const original = env['openExternal'];
    const opened: string[] = [];
    env['openExternal'] = (uri: vscode.Uri): Promise<boolean> => {
      opened.push(uri.toString(true));
      return Promise.resolve(true);
    };
    try {
      await api.sendToLifecyclePanel(key, { type: 'action', id: 'openInDashboard' });
    } finally {
      env['openExternal'] = original;
    }
    assert.equal(opened.length, 1);
    assert.match(opened[0] ?? '', /^https:\/\/dash\.cloudflare\.com\/.+\/tenantly\.app\/ssl-tls\/custom-hostnames$/);
  });

  it('Probe runs the probe and the panel shows what the edge served', async () => {
    const tls = simulator.tls;
    assert.ok(tls, 'the simulator runs its TLS edge');
    const probeSettings = vscode.workspace.getConfiguration('cloudflareCertificates.probe');
    await probeSettings.update('resolve', { '*': `${tls.host}:${tls.port}` }, vscode.ConfigurationTarget.Global);
    await probeSettings.update('caFile', tls.caFile, vscode.ConfigurationTarget.Global);
    const custom = await node((candidate) => candidate.type === 'customCertificate' && candidate.certificate.status === 'active', 'an active custom certificate');
    const key = keyOf(custom);
    const before = await open(custom);
    assert.equal(blockTitled(before, 'table', LifecycleHeadings.lastProbe).rows.length, 0);
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'probe' });
    const results = api.probeResultsOf(key);
    assert.ok(results.length > 0, 'the probe recorded results for this object');
    const table = blockTitled(documentOf(key), 'table', LifecycleHeadings.lastProbe);
    assert.deepEqual(
      table.rows.map((row) => row[0]?.text),
      results.map((result) => result.servernameUnicode),
    );
    assert.ok(table.rows.every((row) => row[1]?.text !== undefined && row[1].text !== ''));
  });

  it('ignores malformed messages and actions its document does not offer', async () => {
    const pack = await node(packWith('active', '*.acme.com'), 'the active Universal pack of acme.com');
    const key = keyOf(pack);
    const before = await open(pack);
    assert.ok(!actionIds(before).includes('restartValidation'));
    let asked = 0;
    restore = stubWindow({
      showWarningMessage: () => {
        asked += 1;
        return Promise.resolve('Restart Validation');
      },
    });
    const requests = simulator.requests;
    for (const message of [{ type: 'action', id: 'restartValidation' }, { type: 'action', id: '__proto__' }, { type: 'action' }, { type: 'action', id: 7 }, 'refresh', null, { type: 'copy', text: 1, label: 'x' }, { type: 'render' }]) {
      await api.sendToLifecyclePanel(key, message);
    }
    assert.equal(simulator.requests, requests, 'no request reached Cloudflare');
    assert.equal(asked, 0, 'no confirmation was asked');
    assert.deepEqual(documentOf(key), before);
  });

  it('says so when Cloudflare has no such object', async () => {
    const pack = await node(packWith('active', '*.acme.com'), 'a pack of acme.com');
    const ref = objectRefOf(pack);
    assert.ok(ref);
    const document = await open({ ...ref, id: 'no-such-pack' });
    assert.equal(document?.status?.label, 'Not found');
    assert.deepEqual(document?.actions, []);
  });

  it('comes back after a reload from the object key its webview kept, and refuses any other state', async () => {
    const extension = vscode.extensions.all.find((candidate) => candidate.id.toLowerCase() === 'cfcerts.cloudflare-certificates');
    const manifest = extension?.packageJSON as { activationEvents?: string[] } | undefined;
    assert.ok(manifest?.activationEvents?.includes(`onWebviewPanel:${lifecycleViewType}`), 'a restored panel activates the extension');

    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const client = await node((candidate) => candidate.type === 'clientCertificate' && candidate.certificate.status === 'active', 'an active client certificate');
    const key = keyOf(client);
    assert.ok(!api.lifecyclePanels().some((panel) => panel.key === key));
    // What VS Code hands the serializer after a reload: a bare panel of our view type and the saved state.
    const restored = vscode.window.createWebviewPanel(lifecycleViewType, 'restored', vscode.ViewColumn.Active);
    await api.restoreLifecyclePanel(restored, { key });
    const document = documentOf(key);
    assert.equal(document?.title, client.type === 'clientCertificate' ? client.certificate.common_name : undefined);
    assert.deepEqual(currentOf(document, LifecycleHeadings.lifecycle), ['active']);

    for (const state of [undefined, { key: 'zone/environment/z1' }, { key: `${key}/extra` }, { key: 42 }, 'clientCertificate']) {
      const bogus = vscode.window.createWebviewPanel(lifecycleViewType, 'bogus', vscode.ViewColumn.Active);
      let disposed = false;
      bogus.onDidDispose(() => (disposed = true));
      const panels = api.lifecyclePanels().length;
      await api.restoreLifecyclePanel(bogus, state);
      assert.equal(disposed, true, `closed for ${JSON.stringify(state)}`);
      assert.equal(api.lifecyclePanels().length, panels);
    }
  });
});
