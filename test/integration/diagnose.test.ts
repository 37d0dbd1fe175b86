import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { objectKey } from '../../src/domain/objectRef';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { objectRefOf } from '../../src/explorer/objectLookup';
import type { CloudflareCertificatesApi } from '../../src/extension';
import type { Block, PanelDocument } from '../../src/panels/document';
import { LifecycleHeadings } from '../../src/panels/lifecycleDocument';
import { simulatorNetworkSettings, startSimulator, type RunningSimulator } from '../../src/simulator';
import { isPanelDocument } from '../../src/webview/documentGuards';
import { extensionApi, flatten, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

function blockTitled<K extends Block['kind']>(document: PanelDocument | undefined, kind: K, title: string): Extract<Block, { kind: K }> {
  const found = document?.blocks.find((block): block is Extract<Block, { kind: K }> => block.kind === kind && 'title' in block && block.title === title);
  assert.ok(found, `a ${kind} "${title}" in ${document?.title ?? 'no document'}`);
  return found;
}

/** Waits for a condition the extension reaches on its own (a quiet diagnosis after a refresh). */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 400 && !condition(); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  assert.ok(condition(), what);
}

describe('Diagnose in VS Code', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let restore: () => void = () => undefined;
  let settingNames: string[] = [];

  async function node(test: (candidate: ExplorerNode) => boolean, what: string): Promise<ExplorerNode> {
    const found = flatten(await api.snapshotTree()).find((item) => test(item.node));
    assert.ok(found, what);
    return found.node;
  }
  async function zoneNamed(name: string): Promise<ExplorerNode> {
    const found = flatten(await api.snapshotTree()).find((item) => item.node.type === 'zone' && item.label === name);
    assert.ok(found, `the zone ${name}`);
    return found.node;
  }
  const keyOf = (target: ExplorerNode): string => {
    const ref = objectRefOf(target);
    assert.ok(ref);
    return objectKey(ref);
  };
  const documentOf = (key: string): PanelDocument | undefined => api.lifecyclePanels().find((panel) => panel.key === key)?.document;
  const codesOf = (key: string): string[] => api.diagnosisOf(key)?.diagnosis.findings.map((finding) => finding.code) ?? [];
  const packWith = (host: string) => (candidate: ExplorerNode): boolean => candidate.type === 'pack' && (candidate.pack.hosts ?? []).includes(host) && candidate.pack.status !== 'active';
  const hostnameNamed = (name: string) => (candidate: ExplorerNode): boolean => candidate.type === 'customHostname' && candidate.hostname.hostname === name;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, tlsPort: 0 });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    // As `npm run demo` sets them: the simulator's DNS and HTTP servers, its edge, the second CNAME target.
    const settings = simulatorNetworkSettings(simulator);
    settingNames = Object.keys(settings);
    const config = vscode.workspace.getConfiguration();
    for (const [name, value] of Object.entries(settings)) await config.update(name, value, vscode.ConfigurationTarget.Global);
    const port = simulator.dns?.port;
    for (let attempt = 0; attempt < 200 && !(await api.settingsApplied()).dnsServers.some((server) => server.port === port); attempt += 1) await new Promise((resolve) => setTimeout(resolve, 10));
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
    const config = vscode.workspace.getConfiguration();
    for (const name of settingNames) await config.update(name, undefined, vscode.ConfigurationTarget.Global);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  it('Diagnose on a pack opens its panel with the Diagnosis section: findings worst first, the fix to copy, what was checked', async () => {
    const pack = await node(packWith('shop.acme.com'), 'the pending shop.acme.com pack');
    const key = keyOf(pack);
    await vscode.commands.executeCommand('cloudflareCertificates.diagnose', pack);
    assert.deepEqual(codesOf(key).slice(0, 1), ['txt-mismatch']);
    assert.ok(codesOf(key).includes('txt-ok') && codesOf(key).includes('caa-ok'), codesOf(key).join(', '));
    const document = documentOf(key);
    assert.ok(isPanelDocument(document));
    assert.equal(blockTitled(document, 'callout', LifecycleHeadings.diagnosis).tone, 'error');
    const findings = blockTitled(document, 'table', LifecycleHeadings.diagnosisFindings);
    assert.equal(findings.rows[0]?.[0]?.text, 'Problem');
    assert.equal(findings.rows[0]?.[4]?.text, 'Domain owner');
    const fix = blockTitled(document, 'table', LifecycleHeadings.diagnosisFixes).rows[0];
    assert.deepEqual(fix?.slice(1, 3).map((value) => value.text), ['TXT', '_acme-challenge.shop.acme.com']);
    const value = fix?.[3];
    assert.ok(value?.copyLabel === 'TXT value');
    await api.sendToLifecyclePanel(key, { type: 'copy', text: value.text, label: value.copyLabel });
    assert.equal(await vscode.env.clipboard.readText(), value.text);
    assert.match(blockTitled(document, 'facts', LifecycleHeadings.diagnosisChecked).rows.find((row) => row.label === 'DNS servers')?.value.text ?? '', new RegExp(`:${simulator.dns?.port ?? 0}$`));
    assert.ok(document.actions.some((action) => action.id === 'diagnose' && action.label === 'Diagnose Again'));
  });

  it('the tree row gets the headline finding in its tooltip and a badge; running again is one click in the panel', async () => {
    const pack = await node(packWith('shop.acme.com'), 'the pending shop.acme.com pack');
    const key = keyOf(pack);
    const row = api.diagnosisRowOf(key);
    assert.equal(row.badge, '!');
    assert.match(row.tooltip ?? '', /Problem.*Domain owner must act/);
    const first = api.diagnosisOf(key);
    const requests = simulator.requests;
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'diagnose' });
    assert.notEqual(api.diagnosisOf(key), first, 'a new diagnosis');
    assert.ok(simulator.requests - requests <= 1, 'at most the one API fact the run asks again (GET /ips)');
  });

  it('the Diagnosis section updates when the object refreshes with another status', async () => {
    const pack = await node(packWith('shop.acme.com'), 'the pending shop.acme.com pack');
    const key = keyOf(pack);
    const before = api.diagnosisOf(key);
    const located = simulator.state.find(pack.type === 'pack' ? pack.pack.id : '');
    assert.ok(located);
    simulator.state.setStatus(located, 'pending_issuance');
    await api.sendToLifecyclePanel(key, { type: 'action', id: 'refresh' });
    await eventually(() => api.diagnosisOf(key) !== before && api.diagnosisOf(key)?.diagnosis.status === 'pending_issuance', 'diagnosed again after the refresh');
    assert.ok(!codesOf(key).some((code) => code.startsWith('txt-')), 'no TXT check once validation is over');
    simulator.state.setStatus(located, 'pending_validation');
  });

  it('Diagnose Zone diagnoses every object of the zone that is not active, honours the CNAME target setting, and sums up', async () => {
    const zone = await zoneNamed('tenantly.app');
    const messages: string[] = [];
    restore = stubWindow({ showWarningMessage: (message: string) => Promise.resolve(void messages.push(message)) });
    await vscode.commands.executeCommand('cloudflareCertificates.diagnoseZone', zone);
    assert.match(messages[0] ?? '', /^Diagnosed \d+ object\(s\) of tenantly\.app: \d+ with a problem/);
    const wayne = keyOf(await node(hostnameNamed('test1.wayne-enterprises.com'), 'test1.wayne-enterprises.com'));
    assert.ok(codesOf(wayne).includes('proxied-elsewhere'), codesOf(wayne).join(', '));
    const checkout = keyOf(await node(hostnameNamed('checkout.dunder-mifflin.com'), 'checkout.dunder-mifflin.com'));
    assert.ok(codesOf(checkout).includes('cname-ok') && codesOf(checkout).includes('proxied-ok'), `the second CNAME target counts: ${codesOf(checkout).join(', ')}`);
    const active = keyOf(await node(hostnameNamed('shop.bluebottle-coffee.com'), 'an active hostname'));
    assert.equal(api.diagnosisOf(active), undefined, 'active objects are left alone');
  });

  it('Diagnose Zone cancelled says how far it got and records only what finished', async () => {
    const zone = await zoneNamed('acme.com');
    const messages: string[] = [];
    const cancelled: vscode.CancellationToken = { isCancellationRequested: true, onCancellationRequested: (listener: (event: unknown) => unknown) => {
      setImmediate(() => listener(undefined));
      return { dispose: () => undefined };
    } };
    const window = vscode.window as unknown as Record<string, unknown>;
    const withProgress = window['withProgress'];
    window['withProgress'] = (_options: unknown, task: (progress: unknown, token: vscode.CancellationToken) => unknown) => task({ report: () => undefined }, cancelled);
    const restoreMessages = stubWindow({ showWarningMessage: (message: string) => Promise.resolve(void messages.push(message)), showInformationMessage: (message: string) => Promise.resolve(void messages.push(message)) });
    restore = () => {
      window['withProgress'] = withProgress;
      restoreMessages();
    };
    await vscode.commands.executeCommand('cloudflareCertificates.diagnoseZone', zone);
    assert.match(messages[0] ?? '', /^Cancelled after \d+ of \d+ object\(s\) of acme\.com/);
    const trial = keyOf(await node(packWith('trial.acme.com'), 'the trial.acme.com pack'));
    assert.ok(!(api.diagnosisOf(trial)?.diagnosis.findings ?? []).some((finding) => /cancelled/.test(finding.message)), 'no half-done diagnosis recorded');
  });
});
