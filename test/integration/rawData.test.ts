import * as assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { objectKey } from '../../src/domain/objectRef';
import { objectRefOf } from '../../src/explorer/objectLookup';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { rawDataScheme } from '../../src/panels/rawDataUri';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { extensionApi, flatten, setApiBaseUrl } from '../support/vscode/extensionHost';

/** The document of the active editor, once it is one of ours (opening is asynchronous in the workbench). */
async function activeRawDocument(): Promise<vscode.TextDocument> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const document = vscode.window.activeTextEditor?.document;
    if (document?.uri.scheme === rawDataScheme) return document;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no raw data document became active (active: ${vscode.window.activeTextEditor?.document.uri.toString() ?? 'none'})`);
}

function pemBlocks(text: string): string[] {
  return [...text.matchAll(/-----BEGIN CERTIFICATE-----\n[\s\S]*?-----END CERTIFICATE-----\n/g)].map((match) => match[0]);
}

describe('Raw data documents', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  const probeSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('cloudflareCertificates.probe');

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, tlsPort: 0 });
    assert.ok(simulator.tls);
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    await probeSettings().update('caFile', simulator.tls.caFile, vscode.ConfigurationTarget.Global);
    await probeSettings().update('resolve', { '*': `${simulator.tls.host}:${simulator.tls.port}` }, vscode.ConfigurationTarget.Global);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    await api.snapshotTree();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await probeSettings().update('resolve', undefined, vscode.ConfigurationTarget.Global);
    await probeSettings().update('caFile', undefined, vscode.ConfigurationTarget.Global);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  async function treeNode(predicate: (node: ExplorerNode) => boolean, what: string): Promise<ExplorerNode> {
    const found = flatten(await api.snapshotTree()).find((item) => predicate(item.node));
    assert.ok(found, what);
    return found.node;
  }

  it('opens a pack as Cloudflare sent it: read-only JSON, its fields in the order of the API answer', async () => {
    const pack = await treeNode((node) => node.type === 'pack' && (node.pack.hosts ?? []).includes('shop.acme.com'), 'the shop.acme.com pack');
    assert.ok(pack.type === 'pack');
    await vscode.commands.executeCommand('cloudflareCertificates.openApiObject', pack);
    const document = await activeRawDocument();
    assert.equal(document.languageId, 'json');
    assert.match(document.uri.path, /^\/api-object\/.*\.json$/);
    assert.ok(!document.uri.toString().includes('pending_validation'), 'the URI carries the reference, not the data');
    const text = document.getText();
    assert.deepEqual(JSON.parse(text), pack.pack);
    assert.deepEqual(Object.keys(JSON.parse(text) as object), Object.keys(pack.pack), 'in the order of the answer');
    assert.equal(text, `${JSON.stringify(pack.pack, null, 2)}\n`);
    // No file system stands behind the scheme, so nothing can be saved back. (The extension API's
    // editor.edit still applies to such a model; typing is refused, which the e2e test checks.)
    assert.equal(vscode.workspace.fs.isWritableFileSystem(document.uri.scheme), undefined);
  });

  it('opens an object named by an ObjectRef, as a lifecycle panel and other extensions call it', async () => {
    const hostname = await treeNode((node) => node.type === 'customHostname' && node.hostname.hostname === 'portal.contoso.io', 'portal.contoso.io');
    assert.ok(hostname.type === 'customHostname');
    const ref = objectRefOf(hostname);
    assert.ok(ref);
    await vscode.commands.executeCommand('cloudflareCertificates.openApiObject', ref);
    const document = await activeRawDocument();
    assert.deepEqual(JSON.parse(document.getText()), hostname.hostname);
  });

  it('opens the chain a probe was served as PEM, from the results panel, the command and the tree', async () => {
    const node = await treeNode((candidate) => candidate.type === 'customHostname' && candidate.hostname.hostname === 'shop.bluebottle-coffee.com', 'shop.bluebottle-coffee.com');
    const ref = objectRefOf(node);
    assert.ok(ref);
    // Where to connect: the hostname's own DNS (the resolve rule sends it to the edge).
    const window = vscode.window as unknown as Record<string, unknown>;
    const showQuickPick = window['showQuickPick'];
    window['showQuickPick'] = (items: readonly vscode.QuickPickItem[]) => Promise.resolve(items[0]);
    try {
      await vscode.commands.executeCommand('cloudflareCertificates.probe', node);
    } finally {
      window['showQuickPick'] = showQuickPick;
    }
    const [result] = api.probeResultsOf(objectKey(ref));
    assert.ok(result && result.chain.length >= 2, 'the edge served a chain');
    assert.ok(api.probePanelDocument()?.actions.some((action) => action.id === 'openServedChain'), 'the results panel offers it');

    await api.runProbePanelAction('openServedChain');
    const fromPanel = await activeRawDocument();
    assert.match(fromPanel.uri.path, /^\/served-chain\/.*\.pem$/);
    assert.match(fromPanel.uri.query, /^run:[0-9a-f]+-\d+$/);
    const blocks = pemBlocks(fromPanel.getText());
    assert.deepEqual(blocks, result.chain.map((certificate) => certificate.pem));
    assert.equal(new X509Certificate(blocks[0] ?? '').serialNumber.toUpperCase(), result.chain[0]?.serialNumber);
    assert.ok(new X509Certificate(blocks[0] ?? '').checkHost('shop.bluebottle-coffee.com'));

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('cloudflareCertificates.openServedChain');
    assert.deepEqual(pemBlocks((await activeRawDocument()).getText()), blocks, 'without arguments: the run the panel shows');

    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.commands.executeCommand('cloudflareCertificates.openServedChain', node);
    const fromTree = await activeRawDocument();
    assert.match(fromTree.uri.query, /^object:customHostname\//);
    assert.deepEqual(pemBlocks(fromTree.getText()), blocks, "from the tree: the object's latest probe");
  });

  it('shows what it showed last when the source is gone, and says so for a key it never knew', async () => {
    const unknown = vscode.Uri.from({ scheme: rawDataScheme, path: '/served-chain/gone.pem', query: 'run:0000-1' });
    const document = await vscode.workspace.openTextDocument(unknown);
    assert.match(document.getText(), /^# This probe is no longer kept/);
  });
});
