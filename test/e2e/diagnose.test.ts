/**
 * Diagnose in a real workbench, from the packaged .vsix, against the simulator's DNS and
 * HTTP servers set up as `npm run demo` sets them: Diagnose from the context menu, the
 * Diagnosis section in dark and light themes, its copy button, the tree's tooltip and
 * badge, and Diagnose Zone cancelled. The screenshots in test-output/e2e/ are looked at
 * by a person; one is the README's.
 */
import * as assert from 'node:assert/strict';
import type { BrowserGlobals } from './browserGlobals';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { assertReadable } from './textContrast';
import { expandTreeRow, hoverTreeRow, openExplorer, scrollToTreeRow } from './workbenchUi';
import { findWebview, runFromContextMenu, settleForScreenshot, webviewButton, webviewText } from './webviewUi';

/** The demo's acme.com pack held in Pending Validation: shop.acme.com's TXT holds a stale value. */
const stalePack = { row: 'shop.acme.com', expected: 'pVNhGkTXkEgpi0gnMq_AFu553iCJfRbKsqug79NTTSw' };

for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
  const slug = theme.includes('Dark') ? 'dark' : 'light';

  describe(`Diagnose (${slug} theme)`, () => {
    // In the dark run every DNS answer takes a second, so Diagnose Zone runs long enough to cancel.
    const suite = useSimulatorWorkbench({ theme, failureScreenshot: `failed-diagnose-${slug}`, probeTheEdge: true, simulator: slug === 'dark' ? { dns: { latencyMs: 1000 } } : {} });

    before(async () => {
      await suite.workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openExplorer(suite.workbench.page);
    });

    it('Diagnose from the context menu opens the Diagnosis section: the problem, who acts, the fix, what was checked', async () => {
      const { page } = suite.workbench;
      await expandTreeRow(page, 'acme.com');
      await runFromContextMenu(page, await scrollToTreeRow(page, stalePack.row), 'Diagnose');
      const frame = await findWebview(page, stalePack.row, { timeout: 20_000 });
      await frame.locator('h2', { hasText: /^Fixes$/ }).waitFor({ timeout: 60_000 });
      const text = await webviewText(frame);
      assert.match(text, /Diagnosis/);
      assert.match(text, /Problem/);
      assert.match(text, /Domain owner/);
      assert.match(text, /_acme-challenge\.shop\.acme\.com holds 1 other TXT value/);
      assert.match(text, /What was checked/);
      assert.ok(text.includes(stalePack.expected), 'the fix names the value to add');
      await assertReadable(frame);
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-diagnosis-${slug}`);
    });

    it('copies the record value of the fix from its copy button', async () => {
      const { page } = suite.workbench;
      const frame = await findWebview(page, stalePack.row);
      // The Fixes table comes before the validation records: its button is the first of its kind.
      await webviewButton(frame, /^Copy TXT value/).click();
      await page.locator('.part.statusbar', { hasText: /Copied TXT value/ }).waitFor();
      const clipboard = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
      assert.equal(clipboard, stalePack.expected);
    });

    it('marks the row with a badge, and its tooltip carries the headline finding', async () => {
      const { page } = suite.workbench;
      const row = await scrollToTreeRow(page, stalePack.row);
      assert.ok((await row.locator('[class*="monaco-decoration"]').count()) > 0, 'the row carries a decoration');
      const hover = await hoverTreeRow(page, stalePack.row, 'Diagnosed');
      assert.match((await hover.textContent()) ?? '', /Problem \(Domain owner must act\)/);
      await suite.workbench.screenshot(`explorer-diagnosis-tooltip-${slug}`);
      await settleForScreenshot(page);
    });

    if (slug === 'dark') {
      it('Diagnose Zone shows progress with Cancel, and says how far it got once cancelled', async () => {
        const { page } = suite.workbench;
        await expandTreeRow(page, 'tenantly.app');
        const progress = page.locator('.notification-toast', { hasText: /Diagnosing \d+ objects of tenantly\.app/ });
        await runFromContextMenu(page, await scrollToTreeRow(page, 'tenantly.app'), 'Diagnose Zone');
        await progress.waitFor({ timeout: 20_000 });
        const cancel = progress.getByRole('button', { name: 'Cancel' });
        await cancel.waitFor();
        await settleForScreenshot(page);
        await suite.workbench.screenshot('diagnose-zone-progress-dark');
        await cancel.click();
        const summary = page.locator('.notification-toast', { hasText: /Cancelled after \d+ of \d+ object\(s\) of tenantly\.app/ });
        await summary.waitFor({ timeout: 30_000 });
        await suite.workbench.screenshot('diagnose-zone-cancelled-dark');
      });
    }
  });
}
