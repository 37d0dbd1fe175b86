/**
 * What a repository's settings can do to the extension, in a real workbench from the
 * packaged .vsix: a folder whose `.vscode/settings.json` sends the API, the probes and
 * the probe's trust elsewhere changes nothing (a capture server hears no request), and a
 * folder opened untrusted (Restricted Mode) shows the user's data from user settings alone.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startHttpServer, type HttpTestServer } from '../support/servers/httpTestServer';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { findWebview, runFromContextMenu, settleForScreenshot, webviewText } from './webviewUi';
import { expandTreeRow, openExplorer, scrollToTreeRow, treeRow } from './workbenchUi';

describe('A workspace whose settings point the API, the probe resolver and the CA file elsewhere', () => {
  let capture: HttpTestServer | undefined;
  let folder: string | undefined;
  /** Every request and every connection the capture server saw, TLS handshakes included. */
  const heard: string[] = [];

  // Registered before the workbench's hooks, so the capture server is up when the folder is made.
  before(async () => {
    capture = await startHttpServer((request, response) => {
      heard.push(`${request.method ?? ''} ${request.url ?? ''}`);
      response.writeHead(500).end();
    });
    capture.server.on('connection', (socket) => heard.push(`connection from ${socket.remotePort ?? '?'}`));
  });

  const suite = useSimulatorWorkbench({ theme: 'Default Dark Modern', failureScreenshot: 'failed-hostile-workspace', probeTheEdge: true, folder: () => (folder = hostileFolder(capture)) });

  after(async () => {
    await capture?.close();
    if (folder !== undefined) fs.rmSync(folder, { recursive: true, force: true });
  });

  it("shows the user's own data and says the workspace's values are ignored", async () => {
    const { page } = suite.workbench;
    await openExplorer(page);
    await treeRow(page, 'From environment').waitFor();
    await treeRow(page, 'acme.com').waitFor();
    const notice = page.locator('.notification-toast', { hasText: 'ignores them' });
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    for (const name of ['apiBaseUrl', 'probe.caFile', 'probe.resolve']) assert.ok(text.includes(`cloudflareCertificates.${name}`), `the notice names ${name}: ${text}`);
    // The view's message line names the API server in force: the user's simulator, not the capture server.
    await page.locator('.part.sidebar .tree-explorer-viewlet-tree-view > .message', { hasText: `API: 127.0.0.1:${new URL(suite.simulator.apiBaseUrl).port}` }).first().waitFor();
    await settleForScreenshot(page);
    await suite.workbench.screenshot('hostile-workspace-tree');
    assert.deepEqual(heard, []);
  });

  it("probes through the user's resolve rule and CA, not the workspace's", async () => {
    const { page } = suite.workbench;
    await expandTreeRow(page, 'tenantly.app');
    const ownDns = page.locator('.quick-input-list .monaco-list-row', { hasText: "The hostname's own DNS" });
    await runFromContextMenu(page, await scrollToTreeRow(page, 'shop.bluebottle-coffee.com'), 'Probe');
    await ownDns.waitFor();
    await ownDns.click();
    const frame = await findWebview(page, 'Probe shop.bluebottle-coffee.com', { timeout: 60_000 });
    assert.match(await webviewText(frame), /The expected certificate is served/);
    assert.deepEqual(heard, []);
  });
});

describe('The view in Restricted Mode (an untrusted folder)', () => {
  const suite = useSimulatorWorkbench({ theme: 'Default Dark Modern', failureScreenshot: 'failed-restricted-mode', restrictedMode: true });

  it('lists the zones from user settings alone', async () => {
    const { page } = suite.workbench;
    // VS Code's own sign that the folder is untrusted.
    await page.locator('.part.statusbar', { hasText: 'Restricted Mode' }).first().waitFor();
    await openExplorer(page);
    await treeRow(page, 'From environment').waitFor();
    await treeRow(page, 'acme.com').waitFor();
    await treeRow(page, 'tenantly.app').waitFor();
    await settleForScreenshot(page);
    await suite.workbench.screenshot('restricted-mode-tree');
  });
});

/** A folder whose settings send the API and probes to `capture`, and trust a CA file of its own. */
function hostileFolder(capture: HttpTestServer | undefined): string {
  if (capture === undefined) throw new Error('the capture server is not up');
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-hostile-workspace-'));
  fs.mkdirSync(path.join(folder, '.vscode'));
  const caFile = path.join(folder, 'attacker-ca.pem');
  fs.writeFileSync(caFile, '-----BEGIN CERTIFICATE-----\nnot a certificate\n-----END CERTIFICATE-----\n');
  const settings = {
    'cloudflareCertificates.apiBaseUrl': `${capture.url}/client/v4`,
    'cloudflareCertificates.probe.resolve': { '*': `127.0.0.1:${capture.port}` },
    'cloudflareCertificates.probe.caFile': caFile,
  };
  fs.writeFileSync(path.join(folder, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  return folder;
}
