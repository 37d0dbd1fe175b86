import type { Action, PanelDocument } from '../../panels/document';
import { renderBlock } from './blocks';
import { html, type SafeHtml } from './html';
import { codicon, toneIcon } from './icons';

/**
 * A whole panel as HTML: header with status and toolbar, then the blocks. Pure, so unit
 * tests run it in Node; the webview script sets it as the body's content. Buttons carry
 * `data-action` / `data-copy` and no handlers: the CSP forbids inline script.
 */
export function renderDocument(document: PanelDocument): string {
  return html`<header class="panel-header">
<div class="title-row">${document.status === undefined ? '' : toneIcon(document.status.tone)}<h1>${document.title}</h1>${
    document.status === undefined ? '' : html`<span class="badge tone-${document.status.tone}">${document.status.label}</span>`
  }</div>
${document.subtitle === undefined ? '' : html`<p class="subtitle">${document.subtitle}</p>`}
${document.note === undefined ? '' : html`<p class="note">${document.note}</p>`}
${document.actions.length === 0 ? '' : html`<div class="toolbar" role="toolbar" aria-label="Actions">${document.actions.map(renderAction)}</div>`}
</header>
<main>${document.blocks.map(renderBlock)}</main>`.value;
}

function renderAction(action: Action): SafeHtml {
  return html`<button type="button" class="${action.primary === true ? 'primary' : 'secondary'}" data-action="${action.id}">${codicon(action.icon)}<span>${action.label}</span></button>`;
}
