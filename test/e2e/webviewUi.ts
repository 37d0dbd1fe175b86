/**
 * Reaching the content of the extension's webview panels in code-server with Playwright.
 * A panel is two nested frames: the workbench's `iframe.webview` (VS Code's host page)
 * and, inside it, `iframe#active-frame` holding our shell page. Frames come and go as
 * panels open, hide and reload, so helpers look a panel up by the title it renders.
 */
import type { Frame, Locator, Page } from 'playwright-core';
import type { BrowserGlobals } from './browserGlobals';
import { scrollToTreeRow } from './workbenchUi';

export interface FindWebviewOptions {
  /** How long to look, in ms: panels render after the extension host answers `ready`. */
  readonly timeout?: number;
}

/** The frames of every open panel's content whose document is our shell (it has `#root`). */
export async function panelFrames(page: Page): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (const frame of page.frames()) {
    if (frame.isDetached() || frame === page.mainFrame()) continue;
    try {
      const isPanel = await frame.evaluate(() => {
        const { document } = globalThis as unknown as BrowserGlobals;
        return document.getElementById('root') !== null && document.querySelector('.panel-header, .loading') !== null;
      });
      if (isPanel) frames.push(frame);
    } catch {
      // Detached between the check and the call, or not yet loaded: not a panel now.
    }
  }
  return frames;
}

/** The rendered title (`h1`) of a panel frame, or undefined while it is still loading. */
async function renderedTitle(frame: Frame): Promise<string | undefined> {
  try {
    return await frame.evaluate(() => {
      const { document } = globalThis as unknown as BrowserGlobals;
      const root = document.getElementById('root');
      if (root === null || root.hasAttribute('aria-busy')) return undefined;
      return root.querySelector('h1')?.textContent ?? undefined;
    });
  } catch {
    return undefined;
  }
}

/**
 * Waits for a panel whose rendered title contains `title` and returns its content frame.
 * Visible panels win over hidden ones, so a reloaded panel is found, not its ghost.
 */
export async function findWebview(page: Page, title: string, options: FindWebviewOptions = {}): Promise<Frame> {
  const deadline = Date.now() + (options.timeout ?? 30_000);
  let seen: string[] = [];
  for (;;) {
    seen = [];
    const matches: Frame[] = [];
    for (const frame of await panelFrames(page)) {
      const rendered = await renderedTitle(frame);
      if (rendered === undefined) continue;
      seen.push(rendered.slice(0, 120));
      if (rendered.includes(title)) matches.push(frame);
    }
    const visible = await firstVisible(matches);
    if (visible !== undefined) return visible;
    if (Date.now() > deadline) {
      throw new Error(`No webview panel titled "${title.slice(0, 120)}" appeared; panels seen: ${JSON.stringify(seen)}`);
    }
    await page.waitForTimeout(250);
  }
}

async function firstVisible(frames: readonly Frame[]): Promise<Frame | undefined> {
  for (const frame of frames) {
    try {
      const visible = await frame.evaluate(() => {
        const { document, innerHeight } = globalThis as unknown as BrowserGlobals;
        return document.visibilityState === 'visible' && innerHeight > 0;
      });
      if (visible) return frame;
    } catch {
      // Gone meanwhile.
    }
  }
  return undefined;
}

/** The panel's whole text as a reader sees it (`innerText`: no markup, only what shows). */
export function webviewText(frame: Frame): Promise<string> {
  return frame.locator('#root').innerText();
}

/** A button of the panel by its accessible name: toolbar actions by label, copy buttons by "Copy …". */
export function webviewButton(frame: Frame, name: string | RegExp): Locator {
  return frame.getByRole('button', { name }).first();
}

/** Clicks a panel button and waits until the panel is idle again (actions make it busy). */
export async function clickWebviewButton(frame: Frame, name: string | RegExp): Promise<void> {
  await webviewButton(frame, name).click();
  await frame.locator('body:not(.busy)').waitFor();
}

/** Opens every collapsed section (raw API object, PEM…), so their text is shown and checked. */
export async function expandAllSections(frame: Frame): Promise<void> {
  const closed = frame.locator('details:not([open]) > summary');
  // Each click opens one, and a section can hold more: look again until none is left.
  for (let opened = 0; opened < 50 && (await closed.count()) > 0; opened += 1) {
    await closed.first().click();
  }
}

/**
 * Runs a tree item's context-menu command by its title ("Show Details", "Probe"). The item
 * is chosen with the keyboard (hover focuses it, Enter runs it): a click that lands while
 * the menu is still opening can be taken for the right-click's own release and dropped.
 *
 * Rows still move when data arrives (a zone's groups and pages appear under it), so a
 * right-click can land on the row that moved under the pointer: the menu that opens then
 * lacks the command. That menu is closed and the row clicked again, at most three times.
 */
export async function runFromContextMenu(page: Page, row: Locator, title: string): Promise<void> {
  const menu = page.locator('.context-view .monaco-menu');
  const label = page.locator('.action-label', { hasText: new RegExp(`^${escapeRegExp(title)}$`) });
  for (let attempt = 1; ; attempt += 1) {
    await row.click({ button: 'right' });
    await menu.waitFor();
    if ((await menu.locator('.action-item', { has: label }).count()) > 0) break;
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'hidden' });
    // Fail with the reason, rather than wait 30 s on an item that is not there.
    if (attempt === 3) throw new Error(`The context menu that opened has no "${title}"`);
  }
  await menu.locator('.action-item', { has: label }).first().hover();
  await menu.locator('.action-item.focused', { has: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await menu.waitFor({ state: 'hidden' });
  // The menu closes under the pointer; left there, it would hover a tree row into a tooltip.
  await page.mouse.move(640, 790);
}

/** Parks the pointer on the empty middle of the status bar and waits for hovers to close. */
export async function settleForScreenshot(page: Page): Promise<void> {
  await page.mouse.move(640, 790);
  await page.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden' });
}

/** Clicks the inline action icon a tree row shows on hover. */
export async function clickInlineAction(row: Locator, title: string): Promise<void> {
  await row.hover();
  await row.locator(`.actions .action-label[aria-label^="${title.replace(/"/g, '\\"')}"]`).first().click();
  // Off the row, so its tooltip does not open over the panel.
  await row.page().mouse.move(640, 790);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens the lifecycle panel of a tree row and returns the content frame of the panel titled `title`. */
export async function showDetails(page: Page, rowLabel: string, title: string, via: 'context menu' | 'inline icon' = 'context menu'): Promise<Frame> {
  const row = await scrollToTreeRow(page, rowLabel);
  await (via === 'context menu' ? runFromContextMenu(page, row, 'Show Details') : clickInlineAction(row, 'Show Details'));
  return findWebview(page, title);
}
