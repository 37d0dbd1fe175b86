import * as assert from 'node:assert/strict';
import type { Block, PanelDocument } from '../../../src/panels/document';
import { escapeHtml, html } from '../../../src/webview/render/html';
import { renderDocument } from '../../../src/webview/render/renderDocument';
import { hostileStrings } from '../../support/hostile/hostileStrings';
import { scanTags, strayAngles } from '../../support/webview/markupScanner';

const allowedTags = new Set(['header', 'div', 'h1', 'h2', 'p', 'span', 'button', 'main', 'section', 'dl', 'dt', 'dd', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'time', 'details', 'summary', 'pre']);
const allowedAttributes = new Set(['class', 'type', 'role', 'title', 'scope', 'open', 'data-action', 'data-copy', 'data-copy-label', 'data-key', 'aria-label', 'aria-hidden', 'aria-current']);

/** A document with `text` in every string field a renderer draws. */
function documentFilledWith(text: string): PanelDocument {
  const value = { text, code: true, copyLabel: text, tone: 'error' as const };
  const blocks: Block[] = [
    { kind: 'facts', title: text, rows: [{ label: text, value }] },
    { kind: 'callout', tone: 'warning', title: text, lines: [text, text] },
    { kind: 'table', title: text, columns: [text], rows: [[value]], empty: text },
    { kind: 'timeline', title: text, entries: [{ at: text, label: text, detail: text, tone: 'ok' }] },
    { kind: 'code', title: text, text, copyLabel: text },
    {
      kind: 'diagram',
      title: text,
      nodes: [
        { id: text, label: text, lane: 'main', tone: 'progress', state: 'current' },
        { id: 'b', label: text, lane: 'branch', tone: 'error', state: 'next' },
        { id: 'c', label: text, lane: 'branch', tone: 'inactive', state: 'other' },
      ],
      edges: [
        { from: text, to: 'b', label: text, inferred: true },
        { from: '*', to: 'c', label: text, fromAny: true },
      ],
    },
  ];
  return { title: text, subtitle: text, note: text, status: { label: text, tone: 'error' }, actions: [{ id: text, label: text, icon: text }], blocks };
}

describe('renderDocument', () => {
  it('draws every block kind with its title', () => {
    const markup = renderDocument(documentFilledWith('Pending Validation'));
    for (const tag of ['<h1>', '<dl>', 'role="note"', '<table>', '<ol>', '<details', 'class="block diagram"', 'data-action=']) {
      assert.ok(markup.includes(tag), `has ${tag}`);
    }
    assert.ok(markup.includes('aria-current="step"'), 'the current stage is marked for screen readers');
  });

  for (const hostile of hostileStrings) {
    it(`keeps ${JSON.stringify(hostile.slice(0, 40))} as text`, () => {
      const markup = renderDocument(documentFilledWith(hostile));
      assert.equal(strayAngles(markup), 0, 'every < starts a tag the renderer wrote');
      for (const tag of scanTags(markup)) {
        assert.ok(allowedTags.has(tag.name), `<${tag.name}> is one of the renderer's own elements`);
        for (const attribute of tag.attributes) assert.ok(allowedAttributes.has(attribute), `${attribute} is one of the renderer's own attributes`);
      }
      assert.ok(markup.includes(escapeHtml(hostile)), 'the text shows, escaped');
    });
  }

  it('escapes attribute values so quotes cannot end them', () => {
    const markup = renderDocument(documentFilledWith('" autofocus onfocus="alert(1)'));
    assert.ok(!markup.includes('" autofocus'));
    assert.ok(markup.includes('&quot; autofocus onfocus=&quot;alert(1)'));
  });

  it('draws an icon name that is not a codicon name as a neutral dot', () => {
    const markup = renderDocument({ title: 't', actions: [{ id: 'a', label: 'A', icon: 'x" onclick="y' }], blocks: [] });
    assert.ok(markup.includes('codicon-circle-small'));
    assert.ok(!markup.includes('onclick'));
  });

  it('keeps the branches that concern the object in view and folds the others, and draws "from any status" arrows once', () => {
    const markup = renderDocument({
      title: 't',
      actions: [],
      blocks: [
        {
          kind: 'diagram',
          title: 'Lifecycle',
          nodes: [
            { id: 'active', label: 'Active', lane: 'main', tone: 'ok', state: 'current' },
            { id: 'deactivating', label: 'Deactivating', lane: 'branch', tone: 'progress', state: 'next' },
            { id: 'pending_deletion', label: 'Pending Deletion', lane: 'branch', tone: 'progress', state: 'next' },
            { id: 'inactive', label: 'Inactive', lane: 'branch', tone: 'inactive', state: 'other' },
          ],
          edges: [
            { from: 'active', to: 'deactivating', label: 'Deactivate' },
            { from: '*', to: 'pending_deletion', label: 'Delete', fromAny: true },
            { from: 'deactivating', to: 'inactive', label: 'Deactivated' },
          ],
        },
      ],
    });
    const folded = markup.slice(markup.indexOf('<details class="other-branches"'));
    assert.ok(markup.indexOf('<details class="other-branches"') > markup.indexOf('Pending Deletion'), 'next steps come before the fold');
    assert.match(folded, /<summary>Other statuses \(1\)<\/summary>/);
    assert.ok(folded.includes('Inactive') && !folded.includes('Pending Deletion'));
    assert.ok(markup.includes('from any status: Delete'));
    assert.ok(markup.includes('from Deactivating: Deactivated'));
    assert.ok(!markup.includes('from *'));
  });

  it('says so when a table or timeline is empty', () => {
    const markup = renderDocument({
      title: 't',
      actions: [],
      blocks: [
        { kind: 'table', title: 'Validation records', columns: ['Name'], rows: [], empty: 'No records: validation is complete.' },
        { kind: 'timeline', title: 'History', entries: [], empty: 'No transitions seen yet.' },
      ],
    });
    assert.ok(markup.includes('No records: validation is complete.'));
    assert.ok(markup.includes('No transitions seen yet.'));
  });
});

describe('html', () => {
  it('escapes interpolations but not nested html', () => {
    const inner = html`<b>${'<i>'}</b>`;
    assert.equal(html`<p>${inner}${'&'}</p>`.value, '<p><b>&lt;i&gt;</b>&amp;</p>');
  });

  it('drops undefined, null and false, and joins arrays', () => {
    assert.equal(html`${undefined}${null}${false}${['a', html`<br>`, 1]}`.value, 'a<br>1');
  });
});
