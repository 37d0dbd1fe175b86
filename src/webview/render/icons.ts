import type { Tone } from '../../panels/document';
import { html, type SafeHtml } from './html';

/** The codicon per tone, matching the tree's status icons. */
const toneIcons: Readonly<Record<Tone, string>> = {
  ok: 'pass-filled',
  progress: 'sync',
  warning: 'warning',
  error: 'error',
  inactive: 'circle-slash',
  info: 'info',
};

/** Icon names come from documents: anything but a plain codicon name is drawn as a dot. */
export function codicon(name: string, className = ''): SafeHtml {
  const safe = /^[a-z0-9-]{1,40}$/.test(name) ? name : 'circle-small';
  return html`<span class="codicon codicon-${safe} ${className}" aria-hidden="true"></span>`;
}

export function toneIcon(tone: Tone): SafeHtml {
  return codicon(toneIcons[tone], `tone-${tone}`);
}

/** A copy button; the webview script posts its text to the host, which owns the clipboard. */
export function copyButton(text: string, label: string): SafeHtml {
  return html`<button type="button" class="icon-button" data-copy="${text}" data-copy-label="${label}" title="Copy ${label}" aria-label="Copy ${label}">${codicon('copy')}</button>`;
}
