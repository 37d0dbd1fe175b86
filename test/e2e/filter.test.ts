import * as assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { expireSoon } from '../helpers/expiringCertificate';
import { openWorkbench, type Workbench } from './workbench';
import { noCredentials, openExplorer, runFromPalette, treeRow } from './workbenchUi';

/** A demo workbench on the simulator in the given theme; closed by the returned function. */
async function demoWorkbench(theme: string): Promise<{ workbench: Workbench; simulator: RunningSimulator }> {
  const simulator = await startSimulator({ lifecycle: false });
  expireSoon(simulator);
  const workbench = await openWorkbench({
    env: { ...noCredentials, CLOUDFLARE_API_TOKEN: simulator.demoToken },
    settings: { 'workbench.colorTheme': theme, 'cloudflareCertificates.apiBaseUrl': simulator.apiBaseUrl },
  });
  return { workbench, simulator };
}

describe('The status bar item and "show only problems" (dark theme)', () => {
  let simulator: RunningSimulator;
  let workbench: Workbench;

  before(async () => {
    ({ workbench, simulator } = await demoWorkbench('Default Dark Modern'));
  });

  after(async () => {
    await workbench?.close();
    await simulator?.close();
  });

  it('counts the problems in the status bar once the view has loaded', async () => {
    const { page } = workbench;
    await openExplorer(page);
    await treeRow(page, 'tenantly.app').waitFor();
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /need action/ });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /\d+ need action\s*·\s*\d+ expiring/);
  });

  it('shows only the problems when the status bar item is clicked', async () => {
    const { page } = workbench;
    await page.locator('.part.statusbar .statusbar-item', { hasText: /need action/ }).click();
    await page.locator('.part.sidebar', { hasText: 'Problems only' }).first().waitFor();
    // tenantly.dev has nothing wrong: it leaves the tree.
    await treeRow(page, 'tenantly.dev').waitFor({ state: 'detached' });
    await treeRow(page, 'tenantly.app').click();
    await treeRow(page, 'docs.initech.com').waitFor();
    assert.equal(await treeRow(page, 'app.northwind-traders.com').count(), 0, 'a hostname pending validation is no problem');
    await page.mouse.move(900, 400);
    await workbench.screenshot('explorer-problems-dark');
  });
});

describe('The tree grouped by status (light theme)', () => {
  let simulator: RunningSimulator;
  let workbench: Workbench;

  before(async () => {
    ({ workbench, simulator } = await demoWorkbench('Default Light Modern'));
  });

  after(async () => {
    await workbench?.close();
    await simulator?.close();
  });

  it('groups the objects of every zone under their status, naming each one\'s zone', async () => {
    const { page } = workbench;
    await openExplorer(page);
    await treeRow(page, 'tenantly.app').waitFor();
    await runFromPalette(page, 'Cloudflare: Group by Status');
    await treeRow(page, 'Needs action').waitFor();
    // The worst first: a pack whose validation timed out, its zone named in the description.
    const pack = treeRow(page, 'legacy.acme.com');
    await pack.waitFor();
    assert.match((await pack.textContent()) ?? '', /acme\.com · Timed Out \(Validation\)/);
    await page.mouse.move(900, 400);
    // The activity bar's hover (the badge's tooltip) may linger from opening the view.
    await page.keyboard.press('Escape');
    await page.locator('.workbench-hover').waitFor({ state: 'hidden' });
    await workbench.screenshot('explorer-by-status-light');
  });
});
