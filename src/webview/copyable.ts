import type { PanelDocument, Value } from '../panels/document';

/**
 * Whether a document offers this exact text, under this label, behind a copy button. The
 * host copies only what the document it sent shows: a webview is untrusted (its content
 * comes from the API), so a `copy` message naming anything else is refused, never written
 * to the clipboard.
 */
export function offersCopy(document: PanelDocument | undefined, text: string, label: string): boolean {
  if (document === undefined) return false;
  const offered = (value: Value): boolean => value.copyLabel === label && value.text === text;
  return document.blocks.some((block) => {
    switch (block.kind) {
      case 'facts':
        return block.rows.some((row) => offered(row.value));
      case 'table':
        return block.rows.some((row) => row.some(offered));
      case 'code':
        return block.copyLabel === label && block.text === text;
      case 'callout':
      case 'timeline':
      case 'diagram':
        return false;
    }
  });
}
