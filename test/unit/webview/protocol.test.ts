import * as assert from 'node:assert/strict';
import { isPanelDocument } from '../../../src/webview/documentGuards';
import { isHostMessage, isWebviewMessage } from '../../../src/webview/protocol';

const document = {
  title: 'www.example.com',
  actions: [{ id: 'refresh', label: 'Refresh', icon: 'refresh' }],
  blocks: [{ kind: 'callout', tone: 'warning', title: 'Next', lines: ['Add the TXT record.'] }],
};

describe('webview protocol guards', () => {
  it('accept well-formed messages both ways', () => {
    assert.ok(isHostMessage({ type: 'render', document, state: { key: 'certificatePack/a/z/p' } }));
    assert.ok(isHostMessage({ type: 'busy', busy: true }));
    assert.ok(isWebviewMessage({ type: 'ready' }));
    assert.ok(isWebviewMessage({ type: 'action', id: 'refresh' }));
    assert.ok(isWebviewMessage({ type: 'copy', text: 'x', label: 'TXT value' }));
  });

  const malformed: readonly [string, unknown][] = [
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['an unknown type', { type: 'eval', code: '1' }],
    ['an action without id', { type: 'action' }],
    ['an action with a numeric id', { type: 'action', id: 3 }],
    ['a copy without label', { type: 'copy', text: 'x' }],
    ['a render without state', { type: 'render', document }],
    ['busy as a string', { type: 'busy', busy: 'yes' }],
  ];
  for (const [name, message] of malformed) {
    it(`reject ${name}`, () => {
      assert.equal(isHostMessage(message) || isWebviewMessage(message), false);
    });
  }

  it('check documents down to every block field', () => {
    assert.ok(isPanelDocument(document));
    assert.equal(isPanelDocument({ ...document, blocks: [{ kind: 'callout', tone: 'purple', title: 'x', lines: [] }] }), false, 'unknown tone');
    assert.equal(isPanelDocument({ ...document, blocks: [{ kind: 'iframe', src: 'https://example.com' }] }), false, 'unknown block kind');
    assert.equal(isPanelDocument({ ...document, blocks: [{ kind: 'table', title: 't', columns: ['a'], rows: [[{ text: 1 }]] }] }), false, 'a cell that is not text');
    assert.equal(isPanelDocument({ ...document, status: { label: 'x' } }), false, 'a status without tone');
    assert.equal(isPanelDocument({ ...document, blocks: [{ kind: '__proto__' }] }), false, 'a prototype key as kind');
  });
});
