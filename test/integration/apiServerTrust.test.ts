import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { demoTokens } from '../support/simulator/demoTokens';
import { startProxyServer, type ProxyTestServer } from '../support/servers/httpTestServer';
import { answers, extensionApi, removeStoredAccounts, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

/** Never resolves (.invalid): requests to it only ever reach the recording proxy. */
const otherServer = 'https://consent-check.invalid/client/v4';
const otherOrigin = 'https://consent-check.invalid';

interface Asked {
  readonly message: string;
  readonly modal: boolean;
}

/**
 * The rule that guards the user's credentials, in a real extension host: before the first
 * credential goes to an API server that is neither Cloudflare's nor this machine's, a modal
 * names the origin and asks once. Every request of the extension's clients goes through a
 * recording proxy here, so "nothing was sent" is observed, not assumed.
 */
describe("Credentials and API servers other than Cloudflare's", () => {
  let simulator: RunningSimulator;
  let proxy: ProxyTestServer;
  let api: CloudflareCertificatesApi;
  let restore: () => void = () => undefined;
  const proxyEnv = ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'] as const;
  const savedEnv = new Map<string, string | undefined>();
  const asked: Asked[] = [];
  const errors: string[] = [];

  /** Answers the consent modal with `choice` and records every warning and error shown. */
  function answerConsent(choice: string | undefined): void {
    restore = stubWindow({
      showWarningMessage: ((message: string, ...rest: unknown[]) => {
        const options = rest[0];
        asked.push({ message, modal: typeof options === 'object' && options !== null && (options as vscode.MessageOptions).modal === true });
        return Promise.resolve(choice);
      }),
      showErrorMessage: ((message: string) => Promise.resolve(void errors.push(message))),
      showInformationMessage: () => Promise.resolve(undefined),
      showInputBox: answers(demoTokens.demo, 'Never stored'),
    });
  }

  const treeText = async (): Promise<string> => JSON.stringify(await api.snapshotTree());
  const consentQuestions = (): Asked[] => asked.filter((entry) => entry.message.includes('Send your Cloudflare credentials'));

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    proxy = await startProxyServer();
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    delete process.env['CLOUDFLARE_API_TOKEN'];
    for (const name of proxyEnv) savedEnv.set(name, process.env[name]);
    Object.assign(process.env, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    restore = stubWindow({ showInputBox: answers(demoTokens.demo, 'Stored'), showInformationMessage: () => Promise.resolve(undefined) });
    await vscode.commands.executeCommand('cloudflareCertificates.addApiToken');
    restore();
    assert.match(await treeText(), /acme\.com/, 'the stored account loads from the simulator on loopback, unasked');
    assert.equal(asked.length, 0);
  });

  afterEach(() => restore());

  after(async () => {
    for (const [name, value] of savedEnv) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    restore = stubWindow({ showInformationMessage: () => Promise.resolve(undefined) });
    await vscode.commands.executeCommand('cloudflareCertificates.forgetApiServerAnswers');
    restore();
    await setApiBaseUrl(simulator.apiBaseUrl);
    await removeStoredAccounts(api);
    await setApiBaseUrl(undefined);
    await proxy.close();
    await simulator.close();
  });

  it('asks once, naming the origin, and sends nothing when the user declines', async () => {
    answerConsent("Don't Send");
    await setApiBaseUrl(otherServer);
    const text = await treeText();
    assert.equal(consentQuestions().length, 1, 'one question for every load in flight');
    assert.equal(consentQuestions()[0]?.modal, true);
    assert.match(consentQuestions()[0]?.message ?? '', new RegExp(otherOrigin.replace(/\./g, '\\.')));
    assert.match(text, /chose not to send Cloudflare credentials to https:\/\/consent-check\.invalid/);
    assert.deepEqual(proxy.seen, []);
  });

  it('keeps the answer: "Add API Token…", "Update Token…" and refreshes send nothing and do not ask again', async () => {
    answerConsent('Send Credentials');
    await vscode.commands.executeCommand('cloudflareCertificates.addApiToken');
    const account = (await api.snapshotTree()).find((item) => item.label === 'Stored');
    assert.ok(account);
    restore();
    answerConsent('Send Credentials');
    await vscode.commands.executeCommand('cloudflareCertificates.updateToken', account.node);
    await api.refresh();
    await treeText();
    assert.equal(consentQuestions().length, 1, 'not asked again');
    assert.ok(errors.length >= 2, 'each command says why it stopped');
    for (const error of errors) assert.match(error, /consent-check\.invalid/);
    assert.deepEqual(proxy.seen, []);
  });

  it('sends once the user allows the origin, after "Forget API Server Answers"', async () => {
    answerConsent('Send Credentials');
    await vscode.commands.executeCommand('cloudflareCertificates.forgetApiServerAnswers');
    await treeText();
    assert.equal(consentQuestions().length, 2, 'asked again after forgetting');
    assert.ok(proxy.seen.includes('CONNECT consent-check.invalid:443'), `requests went to the allowed server: ${proxy.seen.join(', ')}`);
  });

  it('never sends over plain http to another machine, and does not ask', async () => {
    answerConsent('Send Credentials');
    const before = { asked: consentQuestions().length, seen: proxy.seen.length };
    await setApiBaseUrl('http://192.0.2.1:9977/client/v4');
    assert.match(await treeText(), /not sent over plain http to http:\/\/192\.0\.2\.1:9977/);
    assert.equal(consentQuestions().length, before.asked);
    assert.equal(proxy.seen.length, before.seen);
  });

  it("names a server other than Cloudflare's in the view header", async () => {
    assert.equal(api.viewState().description, 'API: 192.0.2.1:9977');
    assert.match(api.viewState().message ?? '', /^API: 192\.0\.2\.1:9977/, 'and on the message line, which a narrow sidebar does not cut off');
    await setApiBaseUrl(undefined);
    assert.equal(api.viewState().description, undefined);
    assert.doesNotMatch(api.viewState().message ?? '', /API:/);
  });
});
