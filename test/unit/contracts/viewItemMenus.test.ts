import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ContextWords } from '../../../src/explorer/contextValues';
import { defaultViewOptions } from '../../../src/explorer/viewOptions';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import { failure } from '../../support/cloudflare/mockApi';
import { literalAccount, serveRoute, type LiteralZone } from '../../support/cloudflare/literalAccount';
import { expandAll, explorerOver, literalToken } from '../../support/explorer/explorerHarness';
import { repoRoot } from '../../support/repoRoot';

/** One `viewItem` test of a menu's `when` clause, as VS Code evaluates it. */
interface ViewItemClause {
  readonly menu: string;
  readonly command: string;
  readonly text: string;
  readonly matches: (contextValue: string) => boolean;
}

interface MenuEntry {
  readonly command: string;
  readonly when?: string;
}

/** Reads `viewItem == x`, `viewItem != x` and `viewItem =~ /re/flags` out of every menu's when clause. */
function viewItemClauses(): ViewItemClause[] {
  const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as { contributes: { menus: Record<string, MenuEntry[]> } };
  const clauses: ViewItemClause[] = [];
  for (const [menu, entries] of Object.entries(manifest.contributes.menus)) {
    for (const entry of entries) {
      for (const term of (entry.when ?? '').split(/&&|\|\|/).map((part) => part.trim())) {
        if (!/^!?viewItem\b/.test(term)) continue;
        const equal = /^viewItem\s*(==|!=)\s*'?([^'\s]+)'?$/.exec(term);
        const regex = /^viewItem\s*=~\s*\/(.+)\/([a-z]*)$/.exec(term);
        if (equal !== null) {
          const [, operator, value] = equal;
          clauses.push({ menu, command: entry.command, text: term, matches: (contextValue) => (contextValue === value) === (operator === '==') });
        } else if (regex !== null) {
          const pattern = new RegExp(regex[1] ?? '', regex[2]);
          clauses.push({ menu, command: entry.command, text: term, matches: (contextValue) => pattern.test(contextValue) });
        } else {
          assert.fail(`a viewItem test this contract cannot read: "${term}" (${entry.command} in ${menu})`);
        }
      }
    }
  }
  return clauses;
}

/**
 * An account with a node of every kind: packs that can and cannot be restarted (with their
 * certificates, hosts and records), uploads, client certificates, a SaaS zone with more
 * custom hostnames than one page (so "Load more" shows) and a fallback origin, and a zone
 * whose client certificates fail to load (a retryable message).
 */
const zones: readonly LiteralZone[] = [
  {
    zone: zone(1, { name: 'acme.com' }),
    packs: [
      pack(1, { hosts: ['acme.com', '*.acme.com'] }),
      pack(2, { status: 'pending_validation', hosts: ['acme.com', 'shop.acme.com'], validation_records: [{ txt_name: '_acme-challenge.shop.acme.com', txt_value: 'token', status: 'pending' }] }),
    ],
    customCertificates: [customCertificate(1, { hosts: ['checkout.acme.com'] })],
    clientCertificates: [clientCertificate(1)],
  },
  {
    zone: zone(2, { name: 'tenantly.app' }),
    customHostnames: [
      hostname(1, { status: 'pending', ssl: { id: '20000000-0000-4000-8000-000000000001', status: 'pending_validation', method: 'http', type: 'dv', validation_records: [{ http_url: 'http://shop.customer.test/.well-known/pki-validation/ca.txt', http_body: 'body', status: 'pending' }] } }),
      ...Array.from({ length: 60 }, (_, i) => hostname(i + 2)),
    ],
    fallbackOrigin: { origin: 'fallback.tenantly.app', status: 'active', errors: [] },
  },
  { zone: zone(3, { name: 'broken.example' }), packs: [pack(3, { hosts: ['broken.example'] })] },
];

/** Every context value the tree gives its items for `zones`, grouped by zone and by status, under a stored and an environment account. */
async function producedContextValues(): Promise<Set<string>> {
  const brokenZone = zones[2]?.zone.id ?? '';
  const server = await serveRoute(literalAccount(zones, (path) => (path === `/zones/${brokenZone}/client_certificates` ? { status: 500, body: failure(10000, 'Internal error') } : undefined)));
  const explorer = explorerOver(server.baseUrl, [
    { profile: { key: 'stored', label: 'Stored', origin: 'stored', authKind: 'token' }, credentials: { kind: 'token', token: literalToken } },
    { profile: { key: 'environment', label: 'Environment', origin: 'environment', authKind: 'token' }, credentials: { kind: 'token', token: literalToken } },
  ]);
  try {
    const byZone = await expandAll(explorer.model);
    const byStatus = await expandAll(explorer.model, Date.now(), 8, { ...defaultViewOptions, groupBy: 'status' });
    return new Set([...byZone, ...byStatus].map((item) => item.contextValue));
  } finally {
    await explorer.close();
    await server.close();
  }
}

/** Items that by design have no context menu: plain messages and the status groups. */
const withoutActions: readonly RegExp[] = [/^message$/, /^statusGroup$/];

describe('package.json menus and the context values of tree items', () => {
  let produced: Set<string>;
  const clauses = viewItemClauses();

  before(async () => {
    produced = await producedContextValues();
  });

  it('reads a viewItem test in the menus (the contract is not empty)', () => {
    assert.ok(clauses.length >= 20, `${clauses.length} clauses`);
  });

  it('produces every word of ContextWords somewhere in the tree (the literal account covers every kind of node)', () => {
    const words = new Set([...produced].flatMap((value) => value.split(' ')));
    for (const word of Object.values(ContextWords)) assert.ok(words.has(word), `no item has "${word}": ${[...produced].sort().join(' | ')}`);
  });

  it('matches each viewItem test of a menu to a context value the tree produces', () => {
    const dead = clauses.filter((clause) => ![...produced].some((value) => clause.matches(value)));
    assert.deepEqual(
      dead.map((clause) => `${clause.command}: ${clause.text}`),
      [],
      `menu entries no tree item can show; produced: ${[...produced].sort().join(' | ')}`,
    );
  });

  it('gives every item with actions a menu entry, and no menu to the items without', () => {
    for (const value of produced) {
      const menus = clauses.filter((clause) => clause.menu === 'view/item/context' && clause.matches(value));
      const expectsNone = withoutActions.some((pattern) => pattern.test(value));
      assert.equal(menus.length === 0, expectsNone, expectsNone ? `"${value}" has actions: ${menus.map((clause) => clause.command).join(', ')}` : `"${value}" has no context menu`);
    }
    for (const pattern of withoutActions) assert.ok([...produced].some((value) => pattern.test(value)), `${String(pattern)} is produced, so the exception is needed`);
  });
});
