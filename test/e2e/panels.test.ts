/**
 * The lifecycle and probe panels in a real workbench, from the packaged .vsix, in dark and
 * light themes: opened from the tree, rendered, copy buttons reaching the clipboard, a
 * reload restoring the panel, and a probe through the simulator's TLS edge. The
 * screenshots in test-output/e2e/ are the README's and are looked at by a person.
 */
import * as assert from 'node:assert/strict';
import type { BrowserGlobals } from './browserGlobals';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { assertReadable } from './textContrast';
import { expandTreeRow, openExplorer, runFromPalette, scrollToTreeRow } from './workbenchUi';
import { findWebview, runFromContextMenu, settleForScreenshot, showDetails, webviewButton, webviewText } from './webviewUi';

/** The demo's acme.com pack held in Pending Validation, with two TXT records. */
const pendingPack = { row: 'shop.acme.com', txtValues: ['7F3_zYtlbLA96GGXQbt2WvaldVoO34Y3AoV3jbwQG8w', 'pVNhGkTXkEgpi0gnMq_AFu553iCJfRbKsqug79NTTSw'] };

for (const theme of ['Default Dark Modern', 'Default Light Modern']) {
  const slug = theme.includes('Dark') ? 'dark' : 'light';

  describe(`The lifecycle and probe panels (${slug} theme)`, () => {
    const suite = useSimulatorWorkbench({ theme, failureScreenshot: `failed-panels-${slug}`, probeTheEdge: true });

    before(async () => {
      await suite.workbench.page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await openExplorer(suite.workbench.page);
    });

    it('shows a certificate pack in Pending Validation: its stage, the TXT records and who acts', async () => {
      const { page } = suite.workbench;
      await expandTreeRow(page, 'acme.com');
      const frame = await showDetails(page, pendingPack.row, pendingPack.row);
      const text = await webviewText(frame);
      assert.match(text, /Pending Validation/);
      for (const value of pendingPack.txtValues) assert.ok(text.includes(value), `the panel shows TXT value ${value}`);
      assert.equal(await frame.locator('.diagram [aria-current="step"]').count(), 1, 'the diagram marks one current stage');
      await assertReadable(frame);
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-pack-pending-validation-${slug}`);
    });

    it('copies a TXT value to the clipboard from its copy button', async () => {
      const { page } = suite.workbench;
      const frame = await findWebview(page, pendingPack.row);
      await webviewButton(frame, /^Copy TXT value/).click();
      await page.locator('.part.statusbar', { hasText: /Copied/ }).waitFor();
      const clipboard = await page.evaluate(() => (globalThis as unknown as BrowserGlobals).navigator.clipboard.readText());
      assert.ok(pendingPack.txtValues.includes(clipboard), `the clipboard holds a TXT value, not ${clipboard.slice(0, 80)}`);
    });

    it('shows a custom hostname whose validation timed out, with its errors', async () => {
      const { page } = suite.workbench;
      await expandTreeRow(page, 'tenantly.app');
      const frame = await showDetails(page, 'docs.initech.com', 'docs.initech.com');
      const text = await webviewText(frame);
      assert.match(text, /Timed Out \(Validation\)/);
      assert.match(text, /token expired/);
      await assertReadable(frame);
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-hostname-timed-out-${slug}`);
    });

    it('shows a revoked client certificate', async () => {
      const { page } = suite.workbench;
      await expandTreeRow(page, 'Client certificates');
      // The row's inline icon this time; the other panels open from the context menu.
      const frame = await showDetails(page, 'iot-gateway-eu', 'iot-gateway-eu', 'inline icon');
      assert.match(await webviewText(frame), /Revoked/);
      await assertReadable(frame);
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-client-revoked-${slug}`);
    });

    it('probes a custom hostname through the TLS edge and shows the verdict', async () => {
      const { page } = suite.workbench;
      // The resolve setting sends "the hostname's own DNS" to the simulator's edge.
      const ownDns = page.locator('.quick-input-list .monaco-list-row', { hasText: "The hostname's own DNS" });
      await runFromContextMenu(page, await scrollToTreeRow(page, 'shop.bluebottle-coffee.com'), 'Probe');
      await ownDns.waitFor();
      await ownDns.click();
      const frame = await findWebview(page, 'Probe shop.bluebottle-coffee.com', { timeout: 60_000 });
      const text = await webviewText(frame);
      assert.match(text, /The expected certificate is served/);
      assert.match(text, /CN=WE1, O=Google Trust Services/);
      await assertReadable(frame);
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-probe-result-${slug}`);
    });

    if (slug === 'dark') {
      it('brings the lifecycle panel back after a window reload', async () => {
        const { page } = suite.workbench;
        await showDetails(page, 'iot-gateway-eu', 'iot-gateway-eu');
        // The command, not page.reload(): it lets the workbench save its open editors first,
        // as a user's reload does; a bare browser reload can outrun that save.
        const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame === page.mainFrame() });
        await runFromPalette(page, 'Developer: Reload Window');
        await reloaded;
        await page.locator('.monaco-workbench').waitFor();
        const frame = await findWebview(page, 'iot-gateway-eu', { timeout: 60_000 });
        assert.match(await webviewText(frame), /Revoked/);
      });
    }
  });
}

/**
 * High-contrast themes draw no backgrounds to tell states apart: the current stage must
 * carry its own border, and every control must be reachable and visibly focused with
 * the keyboard alone.
 */
for (const theme of ['Default High Contrast', 'Default High Contrast Light']) {
  const slug = theme.endsWith('Light') ? 'high-contrast-light' : 'high-contrast';

  describe(`The lifecycle panel (${slug} theme)`, () => {
    const suite = useSimulatorWorkbench({ theme, failureScreenshot: `failed-panels-${slug}` });

    before(async () => {
      await openExplorer(suite.workbench.page);
    });

    it('marks the current stage with a border of its own and reaches every button by keyboard', async () => {
      const { page } = suite.workbench;
      await expandTreeRow(page, 'acme.com');
      const frame = await showDetails(page, pendingPack.row, pendingPack.row);
      assert.equal(await frame.locator('.diagram [aria-current="step"]').count(), 1);
      const outline = await frame.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
        const current = document.querySelector('.diagram [aria-current="step"]');
        if (current === null) return undefined;
        const style = getComputedStyle(current);
        return { style: style.outlineStyle, color: style.outlineColor };
      });
      if (outline === undefined) throw new Error('no current stage');
      await assertReadable(frame);
      assert.equal(outline.style, 'dashed', 'the current stage has the high-contrast outline');
      assert.notEqual(outline.color, 'rgba(0, 0, 0, 0)', 'the outline has a colour');
      // Tab through the panel: every button takes the focus in turn, with a visible outline.
      // Buttons in collapsed sections are not drawn, so not focusable either.
      const buttons = await frame.locator('#root button:visible').count();
      assert.ok(buttons > 3, `the panel offers buttons (${buttons})`);
      await frame.locator('#root').click({ position: { x: 2, y: 2 } });
      const focused = new Set<string>();
      for (let press = 0; press < buttons + 10 && focused.size < buttons; press += 1) {
        await page.keyboard.press('Tab');
        const active = await frame.evaluate(() => {
          const { document, getComputedStyle } = globalThis as unknown as BrowserGlobals;
          const element = document.activeElement;
          if (element === null || element.tagName !== 'BUTTON') return undefined;
          return { name: `${element.getAttribute('aria-label') ?? element.textContent ?? ''}#${[...document.querySelectorAll('#root button')].indexOf(element)}`, outline: getComputedStyle(element).outlineStyle };
        });
        if (active === undefined) continue;
        assert.notEqual(active.outline, 'none', `${active.name} shows that it has the focus`);
        focused.add(active.name);
      }
      assert.equal(focused.size, buttons, 'Tab reaches every button');
      // Back to the top (focusing the buttons scrolled) for the screenshot.
      await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).scrollTo(0, 0));
      await settleForScreenshot(page);
      await suite.workbench.screenshot(`panel-pack-pending-validation-${slug}`);
    });
  });
}
