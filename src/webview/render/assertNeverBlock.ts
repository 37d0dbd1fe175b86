import { html, type SafeHtml } from './html';

/**
 * A block of a kind this renderer does not know: the guards reject such documents, so
 * this only draws a note if a newer host talks to an older webview.
 */
export function assertNeverBlock(block: never): SafeHtml {
  const kind = (block as { kind?: unknown }).kind;
  return html`<p class="empty">This panel cannot show a block of kind ${String(kind)}.</p>`;
}
