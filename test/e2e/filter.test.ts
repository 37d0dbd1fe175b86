import * as assert from 'node:assert/strict';
import type { CustomHostname } from '../../src/cloudflare';
import { objectHealth } from '../../src/domain/objectHealth';
import { problemGroups, statusGroupOf } from '../../src/explorer/statusGroups';
import { generateLargeAccount } from '../../src/simulator';
import { expireSoon } from '../support/simulator/expiringCertificate';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { expandTreeRow, openExplorer, runFromPalette, scrollToTreeRow, treeRow } from './workbenchUi';

describe('The status bar item and "show only problems" (dark theme)', () => {
  // One certificate expires soon, so the status bar counts expiring ones too.
  const suite = useSimulatorWorkbench({ theme: 'Default Dark Modern', failureScreenshot: 'failed-filter-dark', prepare: expireSoon });

  it('counts the problems in the status bar once the view has loaded', async () => {
    const { page } = suite.workbench;
    await openExplorer(page);
    await treeRow(page, 'tenantly.app').waitFor();
    const item = page.locator('.part.statusbar .statusbar-item', { hasText: /need action/ });
    await item.waitFor();
    assert.match((await item.textContent()) ?? '', /\d+ need action\s*·\s*\d+ expiring/);
  });

  it('shows only the problems when the status bar item is clicked', async () => {
    const { page } = suite.workbench;
    await page.locator('.part.statusbar .statusbar-item', { hasText: /need action/ }).click();
    await page.locator('.part.sidebar', { hasText: 'Problems only' }).first().waitFor();
    // tenantly.dev has nothing wrong: it leaves the tree.
    await treeRow(page, 'tenantly.dev').waitFor({ state: 'detached' });
    await treeRow(page, 'tenantly.app').click();
    await treeRow(page, 'docs.initech.com').waitFor();
    assert.equal(await treeRow(page, 'app.northwind-traders.com').count(), 0, 'a hostname pending validation is no problem');
    await page.mouse.move(900, 400);
    await suite.workbench.screenshot('explorer-problems-dark');
  });
});

describe('The tree grouped by status (light theme)', () => {
  // One certificate expires soon, so the status bar counts expiring ones too.
  const suite = useSimulatorWorkbench({ theme: 'Default Light Modern', failureScreenshot: 'failed-filter-light', prepare: expireSoon });

  it('groups the objects of every zone under their status, naming each one\'s zone', async () => {
    const { page } = suite.workbench;
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
    await suite.workbench.screenshot('explorer-by-status-light');
  });
});

describe('"Show only problems" over a zone whose hostnames are not all loaded (dark theme)', () => {
  // 1,000 custom hostnames: 20 pages, of which expanding the zone loads the first.
  const suite = useSimulatorWorkbench({
    theme: 'Default Dark Modern',
    failureScreenshot: 'failed-problems-partial-dark',
    simulator: { scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: 1_000, seed: 18 }) },
  });

  it('lists every problem hostname of the zone, found by status, with an honest count', async () => {
    const { page } = suite.workbench;
    const [zone] = suite.simulator.state.zones;
    assert.ok(zone !== undefined);
    const judge = { now: Date.now(), thresholds: { warningDays: 30, criticalDays: 7 } };
    const hostnames = zone.customHostnames.all() as unknown as CustomHostname[];
    const problems = hostnames.filter((object) => problemGroups.includes(statusGroupOf(objectHealth({ kind: 'customHostname', object }, judge)))).map((object) => object.hostname);
    // The first page holds a few of them at most; the last one, in the API's order, is pages away.
    const last = problems.at(-1) ?? '';
    assert.ok(problems.length > 10 && hostnames.findIndex((object) => object.hostname === last) >= 50, `${problems.length} problems, the last ${last}`);

    await openExplorer(page);
    await expandTreeRow(page, zone.spec.name);
    await expandTreeRow(page, 'Custom hostnames');
    const group = page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: 'Custom hostnames' }) });
    await group.locator('.label-description', { hasText: '50 of 1000' }).waitFor();
    await scrollToTreeRow(page, 'Load more…');

    await runFromPalette(page, 'Cloudflare: Show Only Problems');
    await scrollToTreeRow(page, 'Custom hostnames');
    await group.locator('.label-description', { hasText: `${problems.length} problem hostnames ·` }).waitFor();
    await scrollToTreeRow(page, last);
    const list = page.locator('.part.sidebar .monaco-list').first();
    await list.focus();
    await page.keyboard.press('Home');
    await treeRow(page, zone.spec.name).waitFor();
    // Wider, so the rows' descriptions (the count) are not cut: drag the sidebar's edge.
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar !== null) {
      await page.mouse.move(sidebar.x + sidebar.width, sidebar.y + sidebar.height / 2);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 260, sidebar.y + sidebar.height / 2, { steps: 5 });
      await page.mouse.up();
    }
    await page.mouse.move(1200, 400);
    await suite.workbench.screenshot('explorer-problems-partial-dark');
  });
});
