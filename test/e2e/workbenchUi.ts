import type { Locator, Page } from 'playwright-core';
import type { BrowserGlobals } from './browserGlobals';

/** No account anywhere, not even one inherited from the machine's environment. */
export const noCredentials = { CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_API_KEY: '', CLOUDFLARE_EMAIL: '' };

/** Opens the Cloudflare Certificates view from its activity-bar icon, unless it is open. */
export async function openExplorer(page: Page): Promise<void> {
  // With one view in the container, VS Code folds the view's header into the sidebar title.
  const title = page.locator('.part.sidebar .composite.title', { hasText: /Cloudflare Certificates/i });
  // Clicking the icon of the container already shown would close the sidebar.
  if (await title.isVisible()) return;
  await page.getByRole('tab', { name: /Cloudflare Certificates/ }).click();
  await title.waitFor();
}

/** The first row of the sidebar tree whose label contains `label`. */
export function treeRow(page: Page, label: string): Locator {
  return page.locator('.part.sidebar .monaco-list-row', { has: page.locator('.label-name', { hasText: label }) }).first();
}

/** What sidebarRows reads of a row element (the tests are compiled without the DOM's types). */
interface RowElement {
  getAttribute(name: string): string | null;
  readonly classList: { contains(name: string): boolean };
  readonly style: { readonly top: string };
}

/** The rows the sidebar tree draws, top to bottom: level, expanded or not, focus, label; for failure logs. */
export async function sidebarRows(page: Page): Promise<string> {
  const rows = await page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements: unknown[]) =>
    elements.map((element) => {
      const row = element as RowElement;
      const expanded = row.getAttribute('aria-expanded');
      return {
        top: Number.parseFloat(row.style.top) || 0,
        text: [row.getAttribute('aria-level') ?? '?', expanded === null ? ' ' : expanded === 'true' ? 'v' : '>', row.classList.contains('focused') ? '*' : ' ', (row.getAttribute('aria-label') ?? '').slice(0, 100)].join(' '),
      };
    }),
  );
  return rows
    .sort((a, b) => a.top - b.top)
    .map((row) => `        ${String(row.top).padStart(6)} ${row.text}`)
    .join('\n');
}

/** Runs a command from the command palette by its title. */
export async function runFromPalette(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
}

/**
 * Hovers the tree row whose label contains `label` and waits for the workbench's hover
 * containing `text`. The pointer leaves first, so the row sees the mouse enter. (The
 * explorer redraws only the rows a change touched, so the row is not redrawn under the
 * pointer while other data arrives.)
 */
export async function hoverTreeRow(page: Page, label: string, text: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover', { hasText: text });
  await page.mouse.move(1, 1);
  const row = await scrollToTreeRow(page, label);
  await row.hover();
  await hover.waitFor();
  return hover;
}

/**
 * Scrolls the sidebar tree until a row whose label contains `label` is drawn, and returns
 * it once the tree has settled (treeSettled), so the row stays where it was found. The
 * tree is virtual: rows outside the viewport are not in the page at all. Keys scroll it
 * reliably (Home, then a page at a time; mouse wheels are smoothed and lag), and a pass
 * that missed the row (data arriving later, a poll, reshapes the tree) is tried again.
 */
export async function scrollToTreeRow(page: Page, label: string): Promise<Locator> {
  const row = treeRow(page, label);
  const visible = async (): Promise<boolean> => {
    await treeSettled(page);
    return (await row.count()) > 0 && (await row.isVisible());
  };
  if (await visible()) return row;
  const list = page.locator('.part.sidebar .monaco-list').first();
  for (let pass = 0; pass < 3; pass += 1) {
    await list.focus();
    await page.keyboard.press('Home');
    for (let pages = 0; pages < 60; pages += 1) {
      // One animation frame: the list draws the rows of the new scroll position.
      await page.evaluate(() => new Promise<void>((resolve) => (globalThis as unknown as BrowserGlobals).requestAnimationFrame(resolve)));
      if (await visible()) return row;
      await page.keyboard.press('PageDown');
    }
  }
  await row.waitFor({ state: 'visible', timeout: 2_000 });
  return row;
}

/**
 * Waits until the sidebar tree is drawn whole: no "Loading …" row, and each open row drawn
 * has its children drawn under it. VS Code draws an open row as soon as its parent's
 * children arrive and asks for the row's own children in another round trip; meanwhile the
 * tree has no loading row, yet it is about to grow (a zone's open certificate packs add
 * their hosts and records, 70 rows) and push the rows below out of the viewport.
 */
export async function treeSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as BrowserGlobals;
      const rows = [...document.querySelectorAll('.part.sidebar .monaco-list-row')];
      const byIndex = new Map(rows.map((row) => [row.getAttribute('data-index'), row]));
      return rows.every((row) => {
        if (/^Loading .*…$/.test(row.querySelector('.label-name')?.textContent ?? '')) return false;
        if (row.getAttribute('aria-expanded') !== 'true') return true;
        // The next row drawn must be its first child; one not drawn lies below the viewport.
        const next = byIndex.get(String(Number(row.getAttribute('data-index')) + 1));
        return next === undefined || Number(next.getAttribute('aria-level')) > Number(row.getAttribute('aria-level'));
      });
    },
    undefined,
    { polling: 'raf' },
  );
}

/** Scrolls to a tree row and expands it unless it already is; returns the row once what it loads is shown. */
export async function expandTreeRow(page: Page, label: string): Promise<Locator> {
  const expanded = page.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]', { has: page.locator('.label-name', { hasText: label }) }).first();
  const row = await scrollToTreeRow(page, label);
  if ((await row.getAttribute('aria-expanded')) !== 'false') return row;
  await row.locator('.monaco-tl-twistie').click();
  await expanded.waitFor();
  await treeSettled(page);
  return row;
}
