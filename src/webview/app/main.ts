/**
 * The webview's only script: checks each message from the host, draws documents with the
 * pure renderer, and turns clicks on `data-action` / `data-copy` buttons into messages.
 * It never touches the network (the CSP forbids it) and never evaluates document text.
 */
import { isHostMessage, type PanelState, type WebviewMessage } from '../protocol';
import { renderDocument } from '../render/renderDocument';

const vscode = acquireVsCodeApi<PanelState>();
const root = document.getElementById('root');

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

/** Re-rendering replaces the markup: keep open sections and the focused button as they were. */
function render(markup: string): void {
  if (root === null) return;
  const open = new Set([...root.querySelectorAll<HTMLDetailsElement>('details[data-key]')].filter((details) => details.open).map((details) => details.dataset['key']));
  const focusKey = focusKeyOf(document.activeElement);
  root.innerHTML = markup;
  for (const details of root.querySelectorAll<HTMLDetailsElement>('details[data-key]')) {
    if (open.has(details.dataset['key'])) details.open = true;
  }
  if (focusKey !== undefined) {
    [...root.querySelectorAll<HTMLElement>('button')].find((button) => focusKeyOf(button) === focusKey)?.focus();
  }
  root.removeAttribute('aria-busy');
}

function focusKeyOf(element: Element | null): string | undefined {
  if (!(element instanceof HTMLElement) || root?.contains(element) !== true) return undefined;
  const { action, copy, copyLabel } = element.dataset;
  if (action !== undefined) return `action:${action}`;
  if (copy !== undefined) return `copy:${copyLabel ?? ''}:${copy}`;
  return undefined;
}

function setBusy(busy: boolean): void {
  document.body.classList.toggle('busy', busy);
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-action]')) button.disabled = busy;
}

/** Brief feedback on the button itself; the host confirms in the status bar too. */
function flashCopied(button: HTMLElement): void {
  const icon = button.querySelector('.codicon');
  icon?.classList.replace('codicon-copy', 'codicon-check');
  setTimeout(() => icon?.classList.replace('codicon-check', 'codicon-copy'), 1200);
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = event.data;
  if (!isHostMessage(message)) {
    console.warn('Cloudflare Certificates: ignored a malformed message from the extension');
    return;
  }
  if (message.type === 'busy') {
    setBusy(message.busy);
    return;
  }
  vscode.setState(message.state);
  render(renderDocument(message.document));
  setBusy(false);
});

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest<HTMLElement>('button[data-action], button[data-copy]') : null;
  if (target === null) return;
  const { action, copy, copyLabel } = target.dataset;
  if (action !== undefined) {
    post({ type: 'action', id: action });
  } else if (copy !== undefined) {
    post({ type: 'copy', text: copy, label: copyLabel ?? 'value' });
    flashCopied(target);
  }
});

post({ type: 'ready' });
