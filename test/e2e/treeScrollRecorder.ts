import type { Page } from 'playwright-core';

/**
 * Records how the sidebar tree's virtual list moves: each change of its scroll position
 * and of its content's height, with the stack that made it whenever the list jumps back
 * up or loses rows. A failed test prints the record, so a row that left the page names
 * what took it away (a refresh, a splice, a layout).
 *
 * The list draws by setting `style.top` (minus the scroll position) and `style.height`
 * (the rows' total height) on its `.monaco-list-rows` element; the recorder wraps those
 * two properties of the sidebar's lists alone, which it looks for every 250 ms.
 */
const recorderScript = `(() => {
  const log = [];
  globalThis.__cfcertsTreeMoves = log;
  const watched = new WeakSet();
  const started = performance.now();
  const push = (entry) => {
    log.push({ t: Math.round(performance.now() - started), ...entry });
    if (log.length > 300) log.shift();
  };
  // Deep enough to reach what started the move (a refresh, a key, a layout); file names shortened.
  const stack = () => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 40;
    const trace = new Error().stack || '';
    Error.stackTraceLimit = limit;
    return trace.split('\\n').slice(3).map((line) => line.trim().replace(/^at /, '').replace(/\\(?https?:\\/\\/[^)]*\\/([^/)]+:\\d+:\\d+)\\)?/, '$1')).join(' | ');
  };
  // Chromium keeps each CSS property as the style object's own: wrap them on the list's style.
  const wrap = (style) => {
    for (const property of ['top', 'height']) {
      Object.defineProperty(style, property, {
        configurable: true,
        get() { return style.getPropertyValue(property); },
        set(value) {
          const before = Number.parseFloat(style.getPropertyValue(property)) || 0;
          const after = Number.parseFloat(value) || 0;
          if (before !== after) {
            // top is minus the scroll position: a rise of top is the list jumping back up.
            const jump = property === 'top' ? after - before > 100 : before - after > 100;
            push({ what: property === 'top' ? 'scroll' : 'content', from: property === 'top' ? -before : before, to: property === 'top' ? -after : after, ...(jump ? { stack: stack() } : {}) });
          }
          style.setProperty(property, String(value));
        },
      });
    }
  };
  setInterval(() => {
    for (const rows of document.querySelectorAll('.part.sidebar .monaco-list-rows')) {
      if (watched.has(rows.style)) continue;
      watched.add(rows.style);
      wrap(rows.style);
      push({ what: 'list', from: 0, to: document.querySelectorAll('.part.sidebar .monaco-list-rows').length });
    }
  }, 250);
})();`;

interface TreeMove {
  readonly t: number;
  readonly what: string;
  readonly from: number;
  readonly to: number;
  readonly stack?: string;
}

/** Starts recording in every page the workbench loads (a reload included). */
export async function recordTreeMoves(page: Page): Promise<void> {
  await page.addInitScript({ content: recorderScript });
}

/** The last moves of the sidebar tree, oldest first, for a failure log. */
export async function treeMoves(page: Page, last = 40): Promise<string> {
  const moves = (await page.evaluate(() => (globalThis as unknown as { __cfcertsTreeMoves?: TreeMove[] }).__cfcertsTreeMoves ?? [])).slice(-last);
  return moves
    .map((move) => {
      const what = move.what === 'list' ? `a list drawn (${move.to} in the sidebar)` : `${move.what} ${move.from} -> ${move.to}`;
      return `        ${String(move.t).padStart(7)} ms ${what}${move.stack === undefined ? '' : `\n          at ${move.stack}`}`;
    })
    .join('\n');
}
