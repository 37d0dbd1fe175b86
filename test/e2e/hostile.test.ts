/**
 * Issue #6, Security: the simulator serves hostile strings (script tags, event handlers,
 * `javascript:` URLs, attribute break-outs, a 10,000-character string) in hostnames, error
 * messages, records and certificate subjects. In Chromium, nothing may run (no payload's
 * mark on any frame, no dialog, no navigation) and the text must show literally.
 */
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { hostile, hostilePayloads, hostileScenario, longString, pwnedAttribute } from '../support/hostile/hostileScenario';
import type { BrowserGlobals } from './browserGlobals';
import { useSimulatorWorkbench } from './simulatorWorkbench';
import { expandTreeRow, hoverTreeRow, openExplorer, scrollToTreeRow } from './workbenchUi';
import { expandAllSections, findWebview, runFromContextMenu, settleForScreenshot, showDetails, webviewText } from './webviewUi';

/** Every payload mark in every frame of the page: the workbench, webview hosts and panels. */
async function marksInAllFrames(page: Page): Promise<string[]> {
  const marks: string[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached()) continue;
    try {
      const mark = await frame.evaluate((attribute) => (globalThis as unknown as BrowserGlobals).document.body?.getAttribute(attribute) ?? null, pwnedAttribute);
      if (mark !== null) marks.push(`${mark} (in ${frame.url().slice(0, 80)})`);
    } catch {
      // A frame that navigated away meanwhile has no document to check.
    }
  }
  return marks;
}

/** Markup the payloads would have created if escaping failed: elements and handlers that must not exist. */
async function injectedMarkup(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const { document } = globalThis as unknown as BrowserGlobals;
    const root = document.getElementById('root');
    if (root === null) return ['no #root'];
    const found: string[] = [];
    for (const element of root.querySelectorAll('*')) {
      if (['SCRIPT', 'IMG', 'SVG', 'A', 'IFRAME', 'OBJECT', 'EMBED', 'FORM', 'INPUT'].includes(element.tagName.toUpperCase())) found.push(`<${element.tagName.toLowerCase()}>`);
      for (const attribute of element.attributes) {
        // The renderer draws no links, images or frames: any URL attribute came from data.
        const isUrl = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc'].includes(attribute.name);
        if (attribute.name.startsWith('on') || attribute.name === 'autofocus' || isUrl) found.push(`${element.tagName.toLowerCase()}[${attribute.name}]`);
      }
    }
    return found;
  });
}

describe('Hostile strings from the API', () => {
  const suite = useSimulatorWorkbench({ theme: 'Default Dark Modern', failureScreenshot: 'failed-hostile', simulator: { scenario: hostileScenario() }, probeTheEdge: true });
  let startUrl: string;
  const dialogs: string[] = [];

  before(() => {
    const { page } = suite.workbench;
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    startUrl = page.url();
  });

  it('the check sees a payload that runs: each one leaves its mark when it is markup', async () => {
    // Without this, "no mark found" could mean the payloads are broken rather than stopped.
    const browser = suite.workbench.page.context().browser();
    if (browser === null) throw new Error('the workbench page has no browser');
    const page = await browser.newPage();
    try {
      const p = hostilePayloads('control');
      await page.setContent(`<body>${p.script}${p.img}${p.svg}<input value="${p.attribute}"></body>`);
      await page.waitForFunction((attribute) => (globalThis as unknown as BrowserGlobals).document.body?.getAttribute(attribute) != null, pwnedAttribute);
      const mark = await page.evaluate((attribute) => (globalThis as unknown as BrowserGlobals).document.body?.getAttribute(attribute), pwnedAttribute);
      assert.match(mark ?? '', /^control:/);
      await page.setContent(`<body>${p.link}</body>`);
      await page.click('a');
      await page.waitForFunction((attribute) => (globalThis as unknown as BrowserGlobals).document.body?.getAttribute(attribute) === 'control:link', pwnedAttribute);
    } finally {
      await page.close();
    }
  });

  it('shows the poisoned tree items literally, tooltips included', async () => {
    const { page } = suite.workbench;
    await openExplorer(page);
    await expandTreeRow(page, 'tenantly.app');
    const hostnameRow = await scrollToTreeRow(page, hostile.hostnameRowText);
    assert.equal(await hostnameRow.locator('.label-name').textContent(), hostile.hostname);
    const hover = await hoverTreeRow(page, hostile.hostnameRowText, hostile.hostnameRowText);
    assert.match(await hover.innerText(), /<img src=x onerror=/);
    await page.mouse.move(900, 400);
    await expandTreeRow(page, 'acme.com');
    await expandTreeRow(page, 'Client certificates');
    const clientRow = await scrollToTreeRow(page, hostile.clientRowText);
    assert.equal(await clientRow.locator('.label-name').textContent(), hostile.clientCommonName);
    await hoverTreeRow(page, hostile.clientRowText, 'Client certificate');
    await page.mouse.move(900, 400);
    assert.deepEqual(await marksInAllFrames(page), []);
  });

  const panels = [
    { what: 'custom hostname', under: ['tenantly.app'], row: hostile.hostnameRowText, title: hostile.hostname, shows: [hostile.hostname, hostilePayloads('hostname').script, hostilePayloads('hostname').link, longString('hostname')] },
    { what: 'certificate pack', under: ['acme.com'], row: 'pack:host', title: 'pack:host', shows: [hostile.packHost, hostilePayloads('pack').script, hostilePayloads('pack').breakout] },
    { what: 'custom certificate', under: ['acme.com'], row: hostile.customCertificateHost, title: hostile.customCertificateHost, shows: [hostile.customCertificateIssuer, hostilePayloads('custom-certificate').script] },
    { what: 'client certificate', under: ['acme.com', 'Client certificates'], row: hostile.clientRowText, title: hostile.clientCommonName, shows: [hostile.clientCommonName, hostilePayloads('client').img, hostilePayloads('client').breakout] },
  ];

  for (const panel of panels) {
    it(`the ${panel.what}'s lifecycle panel shows the hostile text literally and runs nothing`, async () => {
      const { page } = suite.workbench;
      // Each test opens what it needs, so one failure does not hide the others' results.
      await openExplorer(page);
      for (const parent of panel.under) await expandTreeRow(page, parent);
      const frame = await showDetails(page, panel.row, panel.title);
      await expandAllSections(frame);
      const text = await webviewText(frame);
      for (const expected of panel.shows) {
        // Long values are cut in facts and shown whole in the raw API object; the start is enough.
        assert.ok(text.includes(expected.slice(0, 200)), `the panel shows ${expected.slice(0, 80)}`);
      }
      assert.deepEqual(await injectedMarkup(frame), [], 'no element or handler came from the data');
      const overflow = await frame.evaluate(() => {
        const { documentElement } = (globalThis as unknown as BrowserGlobals).document;
        return documentElement.scrollWidth - documentElement.clientWidth;
      });
      assert.ok(overflow <= 1, `the long string wraps instead of widening the panel (${overflow}px too wide)`);
      // Hover and focus every element: an injected handler would fire now.
      await frame.locator('#root').hover();
      for (const button of await frame.locator('#root button').all()) await button.focus();
      await page.keyboard.press('Tab');
      if (panel.what === 'custom hostname') {
        // Back to the top (focusing the buttons scrolled): the title, the errors and the records.
        await frame.evaluate(() => (globalThis as unknown as BrowserGlobals).scrollTo(0, 0));
        await settleForScreenshot(page);
        await suite.workbench.screenshot('panel-hostile-dark');
      }
      assert.deepEqual(await marksInAllFrames(page), []);
    });
  }

  it('the probe result shows a served certificate\'s hostile issuer literally and runs nothing', async () => {
    const { page } = suite.workbench;
    await openExplorer(page);
    await expandTreeRow(page, 'acme.com');
    const title = `Probe custom certificate ${hostile.customCertificateHost}`;
    await runFromContextMenu(page, await scrollToTreeRow(page, hostile.customCertificateHost), 'Probe');
    const frame = await findWebview(page, title, { timeout: 60_000 });
    await expandAllSections(frame);
    // The edge copied the API's issuer into the intermediate's subject (CN and O); the
    // panel writes names as RFC 4514 strings, which put a backslash before `<`, `=` and `>`.
    const text = await webviewText(frame);
    assert.match(text, /CN=\\?<img src\\?=x onerror\\?='document\.body\.dataset\.pwned\\?=\/custom-certificate:issuer\/\.source'\\?>Evil CA/);
    assert.deepEqual(await injectedMarkup(frame), []);
    await frame.locator('#root').hover();
    assert.deepEqual(await marksInAllFrames(page), []);
  });

  it('no dialog opened and the workbench did not navigate', () => {
    assert.deepEqual(dialogs, []);
    assert.equal(suite.workbench.page.url(), startUrl);
  });
});
