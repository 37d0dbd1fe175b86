import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplorerNode } from '../../src/explorer/nodes';
import { objectKey } from '../../src/domain/objectRef';
import { objectRefOf } from '../../src/explorer/objectLookup';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { Block, PanelDocument } from '../../src/panels/document';
import { isPanelDocument } from '../../src/webview/documentGuards';
import { extensionApi, flatten, setApiBaseUrl } from '../support/vscode/extensionHost';

/** Replaces members of a VS Code API object for one test; returns the restore function. */
function stub(target: object, members: Record<string, unknown>): () => void {
  const record = target as Record<string, unknown>;
  const originals = Object.fromEntries(Object.keys(members).map((key) => [key, record[key]]));
  Object.assign(record, members);
  return () => Object.assign(record, originals);
}

/** Answers quick picks in order, each by a predicate on the items offered; records what was offered. */
function quickPicks(...choose: ((item: vscode.QuickPickItem) => boolean)[]): { showQuickPick: unknown; offered: vscode.QuickPickItem[][] } {
  const offered: vscode.QuickPickItem[][] = [];
  const showQuickPick = (items: readonly vscode.QuickPickItem[]): Promise<vscode.QuickPickItem | undefined> => {
    offered.push([...items]);
    const predicate = choose.shift();
    return Promise.resolve(predicate === undefined ? undefined : items.find(predicate));
  };
  return { showQuickPick, offered };
}

/**
 * Input boxes that "type" each of their texts in turn (firing the change event, as typing
 * does), note the validation message after each, then press Enter.
 */
function inputBoxes(...typed: string[][]): { createInputBox: unknown; messages: (string | undefined)[] } {
  const messages: (string | undefined)[] = [];
  const createInputBox = (): Partial<vscode.InputBox> => {
    const texts = typed.shift() ?? [];
    const change = new vscode.EventEmitter<string>();
    const accept = new vscode.EventEmitter<void>();
    const hide = new vscode.EventEmitter<void>();
    const box: Partial<vscode.InputBox> & { value: string } = {
      value: '',
      onDidChangeValue: change.event,
      onDidAccept: accept.event,
      onDidHide: hide.event,
      onDidTriggerButton: new vscode.EventEmitter<vscode.QuickInputButton>().event,
      hide: () => hide.fire(),
      dispose: () => undefined,
      show: () => {
        setTimeout(() => {
          if (texts.length === 0) return hide.fire();
          for (const text of texts) {
            box.value = text;
            change.fire(text);
            messages.push(typeof box.validationMessage === 'string' ? box.validationMessage : undefined);
          }
          accept.fire();
        }, 0);
      },
    };
    return box;
  };
  return { createInputBox, messages };
}

function callout(document: PanelDocument | undefined): Extract<Block, { kind: 'callout' }> {
  const first = document?.blocks[0];
  assert.ok(first?.kind === 'callout', `the verdict first in ${document?.title ?? 'no document'}`);
  return first;
}

describe('Probing from VS Code', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  let edge: NonNullable<RunningSimulator['tls']>;
  let restore: () => void = () => undefined;
  let shopKey = '';
  const probeSettings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('cloudflareCertificates.probe');

  async function treeNode(predicate: (node: ExplorerNode) => boolean): Promise<ExplorerNode> {
    const found = flatten(await api.snapshotTree()).find((item) => predicate(item.node));
    assert.ok(found, 'a tree item');
    return found.node;
  }

  before(async () => {
    simulator = await startSimulator({ lifecycle: false, tlsPort: 0 });
    assert.ok(simulator.tls);
    edge = simulator.tls;
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    // As `npm run demo` sets them: every name to the simulator's edge, its root trusted.
    await probeSettings().update('caFile', edge.caFile, vscode.ConfigurationTarget.Global);
    await probeSettings().update('resolve', { '*': `${edge.host}:${edge.port}` }, vscode.ConfigurationTarget.Global);
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
    await probeSettings().update('resolve', undefined, vscode.ConfigurationTarget.Global);
    await probeSettings().update('caFile', undefined, vscode.ConfigurationTarget.Global);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  it('probes a custom hostname through the fallback origin, records the result and shows it, verdict first', async () => {
    const node = await treeNode((candidate) => candidate.type === 'customHostname' && candidate.hostname.hostname === 'shop.bluebottle-coffee.com');
    const picks = quickPicks((item) => item.description === 'fallback.tenantly.app');
    restore = stub(vscode.window, { showQuickPick: picks.showQuickPick });
    await vscode.commands.executeCommand('cloudflareCertificates.probe', node);
    assert.deepEqual(
      picks.offered[0]?.map((item) => item.description),
      ['shop.bluebottle-coffee.com', 'fallback.tenantly.app', undefined],
      "the hostname's DNS, the fallback origin, a CNAME target",
    );
    const ref = objectRefOf(node);
    assert.ok(ref);
    shopKey = objectKey(ref);
    const [result, ...others] = api.probeResultsOf(shopKey);
    assert.equal(others.length, 0);
    assert.equal(result?.verdict, 'ok', result?.reasons.join(' '));
    assert.deepEqual([result?.sni, result?.target.host, result?.target.address, result?.target.port], ['shop.bluebottle-coffee.com', 'fallback.tenantly.app', edge.host, edge.port]);
    assert.equal(result?.trust?.extraRootsLabel, edge.caFile.split(/[\\/]/).pop());
    const document = api.probePanelDocument();
    assert.ok(isPanelDocument(document));
    assert.equal(document.title, 'Probe shop.bluebottle-coffee.com');
    assert.equal(document.status?.label, 'OK');
    assert.match(document.subtitle ?? '', /via the fallback origin/);
    assert.equal(callout(document).tone, 'ok');
    assert.deepEqual(document.actions.map((action) => action.id), ['probeAgain', 'copyJson', 'copyOpenssl', 'openServedChain', 'showDetails']);
  });

  it('copies the openssl command and the JSON, and probes again from the panel', async () => {
    await api.runProbePanelAction('copyOpenssl');
    assert.equal(await vscode.env.clipboard.readText(), `openssl s_client -connect ${edge.host}:${edge.port} -servername shop.bluebottle-coffee.com -showcerts </dev/null`);
    await api.runProbePanelAction('copyJson');
    assert.equal((JSON.parse(await vscode.env.clipboard.readText()) as { verdict?: string }).verdict, 'ok');
    const before = api.probeResultsOf(shopKey)[0]?.probedAt ?? '';
    await api.runProbePanelAction('probeAgain');
    assert.ok((api.probeResultsOf(shopKey)[0]?.probedAt ?? '') > before, 'a new probe was recorded');
    assert.equal(api.probePanelDocument()?.status?.label, 'OK');
    await vscode.env.clipboard.writeText('unchanged');
    await api.runProbePanelAction('notAnAction');
    assert.equal(await vscode.env.clipboard.readText(), 'unchanged', 'an action the panel does not offer does nothing');
  });

  it('probes every name of a zone with progress and a summary, and cancels halfway', async () => {
    const zoneId = simulator.state.zones.find((item) => item.spec.name === 'tenantly.app')?.spec.id;
    const zone = await treeNode((candidate) => candidate.type === 'zone' && candidate.zone === zoneId);
    const hostnames = new Set(flatten(await api.snapshotTree()).flatMap((item) => (item.node.type === 'customHostname' && item.node.zone === zoneId && !item.node.hostname.hostname.startsWith('*') ? [item.node.hostname.hostname] : [])));
    const names = hostnames.size + 1; // and tenantly.app, the pack's one name that is not a wildcard; wildcards are left out
    // Only the probe's own summaries: a status-change notification from an earlier suite's
    // objects may still arrive through the same stubbed window functions.
    const messages: string[] = [];
    const answer = (message: string): Promise<string> => Promise.resolve(void (/ probed[:.]|^Cancelled after /.test(message) && messages.push(message))).then(() => 'Show Results');
    restore = stub(vscode.window, { showInformationMessage: answer, showWarningMessage: answer });
    await vscode.commands.executeCommand('cloudflareCertificates.probeZone', zone);
    assert.ok(hostnames.size > 10);
    assert.match(messages[0] ?? '', new RegExp(`^${names} probed: .*\\b\\d+ OK\\b`), `every custom hostname and the pack host, once each: ${messages[0] ?? 'no message'}`);
    const full = api.probePanelDocument();
    assert.equal(full?.title, 'Probe all in tenantly.app');
    assert.ok(full?.blocks.some((block) => block.kind === 'table' && block.title === 'Names' && block.rows.length === names));
    restore();

    restore = stub(vscode.window, {
      showInformationMessage: answer,
      showWarningMessage: answer,
      // The notification's Cancel, pressed as the first name is done.
      withProgress: (_options: vscode.ProgressOptions, task: (progress: vscode.Progress<unknown>, token: vscode.CancellationToken) => Thenable<unknown>) => {
        const cancel = new vscode.CancellationTokenSource();
        return task({ report: () => cancel.cancel() }, cancel.token);
      },
    });
    await vscode.commands.executeCommand('cloudflareCertificates.probeZone', zone);
    assert.match(messages[1] ?? '', new RegExp(`^Cancelled after (\\d+) of ${names}\\. \\1 probed`));
    assert.match(api.probePanelDocument()?.note ?? '', new RegExp(`cancelled after \\d+ of ${names}`));
    const done = Number(/^Cancelled after (\d+)/.exec(messages[1] ?? '')?.[1]);
    assert.ok(done >= 1 && done < names, `${done} of ${names} probed before the cancel took effect`);
  });

  it('probes a hostname typed by hand, checked as it is typed, and offers it again', async () => {
    const inputs = inputBoxes(['bad..name', 'Shop.Bluebottle-Coffee.com'], ['fallback.tenantly.app']);
    const picks = quickPicks((item) => /New Probe/.test(item.label));
    restore = stub(vscode.window, { createInputBox: inputs.createInputBox, showQuickPick: picks.showQuickPick });
    await vscode.commands.executeCommand('cloudflareCertificates.probeHostname');
    assert.match(inputs.messages[0] ?? '', /^Invalid host 'bad\.\.name': empty label/);
    assert.deepEqual(inputs.messages.slice(1), [undefined, undefined]);
    const document = api.probePanelDocument();
    assert.equal(document?.title, 'Probe Shop.Bluebottle-Coffee.com');
    assert.equal(document?.status?.label, 'OK', 'judged against the custom hostname it names');
    assert.ok(document?.actions.some((action) => action.id === 'showDetails'));
    restore();

    const again = quickPicks((item) => item.label.includes('Shop.Bluebottle-Coffee.com'));
    restore = stub(vscode.window, { showQuickPick: again.showQuickPick, createInputBox: () => assert.fail('no input for a recent probe') });
    await vscode.commands.executeCommand('cloudflareCertificates.probeHostname');
    assert.match(again.offered[0]?.find((item) => item.label.includes('Shop.Bluebottle-Coffee.com'))?.description ?? '', /via fallback\.tenantly\.app · probe again/);
    assert.ok(again.offered[0]?.some((item) => /Clear Recent Probes/.test(item.label)));
    assert.equal(api.probePanelDocument()?.status?.label, 'OK');
  });

  it('says why a client certificate cannot be probed', async () => {
    const node = await treeNode((candidate) => candidate.type === 'clientCertificate');
    const errors: string[] = [];
    restore = stub(vscode.window, { showErrorMessage: (message: string) => Promise.resolve(void errors.push(message)) });
    await vscode.commands.executeCommand('cloudflareCertificates.probe', node);
    assert.match(errors[0] ?? '', /not served by it: there is nothing to probe/);
  });
});
