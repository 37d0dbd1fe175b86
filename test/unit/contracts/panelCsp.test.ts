import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { shellHtml, type ShellResources } from '../../../src/webview/shell';
import { hostileStrings } from '../../support/hostile/hostileStrings';
import { repoRoot } from '../../support/repoRoot';
import { scanTags } from '../../support/webview/markupScanner';

const resources: ShellResources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utb2YtdGhpcy1wYWdlLWxvYWQ=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview.js',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/dist/codicons/codicon.css', 'https://file+.vscode-resource.vscode-cdn.net/ext/media/webview.css'],
  title: 'Lifecycle: shop.example.com',
};

/** An attribute value as the browser reads it: the renderer writes quotes and ampersands as references. */
function decodeAttribute(value: string): string {
  return value.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The policy of a page: directive name → its sources, read from the CSP meta element. */
function policyOf(page: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(page);
  assert.ok(meta, 'the page carries a Content-Security-Policy meta element');
  const policy = new Map<string, string[]>();
  for (const directive of decodeAttribute(meta[1] ?? '').split(';').map((part) => part.trim()).filter(Boolean)) {
    const [name = '', ...sources] = directive.split(/\s+/);
    assert.ok(!policy.has(name), `${name} is given once`);
    policy.set(name, sources);
  }
  return policy;
}

describe('the panels\' Content Security Policy (webview/shell.ts)', () => {
  const page = shellHtml(resources);
  const policy = policyOf(page);

  it('allows nothing by default, and no network, frames, forms or base URL', () => {
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
    assert.deepEqual(policy.get('connect-src'), ["'none'"]);
    assert.deepEqual(policy.get('frame-src'), ["'none'"]);
    assert.deepEqual(policy.get('form-action'), ["'none'"]);
    assert.deepEqual(policy.get('base-uri'), ["'none'"]);
  });

  it('runs only the script that carries this page load\'s nonce: no inline script, no eval, no host', () => {
    assert.deepEqual(policy.get('script-src'), [`'nonce-${resources.nonce}'`]);
    for (const [name, sources] of policy) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'http:', 'https:', 'data:']) {
        if (name === 'img-src' && forbidden === 'data:') continue;
        assert.ok(!sources.includes(forbidden), `${name} allows ${forbidden}`);
      }
    }
  });

  it('takes styles, fonts and images only from the extension\'s own resources (images also as data: URLs)', () => {
    assert.deepEqual(policy.get('style-src'), [resources.cspSource]);
    assert.deepEqual(policy.get('font-src'), [resources.cspSource]);
    assert.deepEqual(policy.get('img-src'), [resources.cspSource, 'data:']);
  });

  it('puts the policy before anything that loads, and loads one script by source with the nonce', () => {
    const tags = scanTags(page);
    const metaAt = tags.findIndex((tag) => tag.name === 'meta' && tag.attributes.includes('http-equiv'));
    const firstLoad = tags.findIndex((tag) => tag.name === 'link' || tag.name === 'script');
    assert.ok(metaAt >= 0 && metaAt < firstLoad, 'the CSP comes first');
    const scripts = [...page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    assert.equal(scripts.length, 1);
    assert.match(scripts[0]?.[1] ?? '', new RegExp(` nonce="${resources.nonce}"`));
    assert.match(scripts[0]?.[1] ?? '', / src="[^"]+"/);
    assert.equal(scripts[0]?.[2], '', 'no inline script body');
    for (const tag of tags) {
      assert.ok(!tag.attributes.some((attribute) => /^on/i.test(attribute)), `no event handler attribute on <${tag.name}>`);
      assert.ok(!tag.attributes.includes('style'), `no style attribute on <${tag.name}>`);
      assert.notEqual(tag.name, 'style', 'no inline style element');
    }
  });

  it('escapes the title, so a hostile panel title cannot add markup or loosen the policy', () => {
    for (const title of hostileStrings) {
      const hostile = shellHtml({ ...resources, title });
      assert.deepEqual(scanTags(hostile).map((tag) => tag.name), scanTags(page).map((tag) => tag.name), title.slice(0, 40));
      assert.deepEqual(policyOf(hostile), policy);
    }
  });

  it('gets a fresh random nonce of at least 128 bits for every panel page (views/webviewPanels/documentPanel.ts)', () => {
    const source = readFileSync(join(repoRoot(), 'src', 'views', 'webviewPanels', 'documentPanel.ts'), 'utf8');
    const nonce = /nonce: (?:nodeCrypto\(\)\.)?randomBytes\((\d+)\)\.toString\('base64'\)/.exec(source);
    assert.ok(nonce, 'the nonce comes from crypto.randomBytes, made where the page is');
    assert.ok(Number(nonce[1]) >= 16, `${nonce[1]} random bytes`);
    assert.equal(source.match(/shellHtml\(/g)?.length, 1, 'the one page every panel loads');
  });
});
