import * as assert from 'node:assert/strict';
import { welcomeState } from '../../../src/explorer/welcomeState';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import { literalAccount, serveRoute, type FakeAnswer, type LiteralZone } from '../../support/cloudflare/literalAccount';
import { envelope, failure } from '../../support/cloudflare/mockApi';
import { expandAll, explorerOver, explorerOverLiteral, literalToken, tokenAccount, type FlatItem } from '../../support/explorer/explorerHarness';
import { liveMarkup } from '../../support/hostile/markdownScanner';
import { hostileStrings } from '../../support/hostile/hostileStrings';

const objectTypes = ['pack', 'customHostname', 'customCertificate', 'clientCertificate'];

/** Text an attacker controls, in the fields tooltips show: titles (escaped) and fields (code spans). */
const hostile = {
  hostname: '<script>alert(1)</script>',
  issuer: '<img src=x onerror=alert(1)>',
  link: '[click](command:workbench.action.terminal.new)',
} as const;

/**
 * An account written out in full: a zone with a pack of each kind of state, uploads and
 * client certificates in all four of their statuses; a SaaS zone with custom hostnames and
 * a fallback origin; and a zone whose API strings are hostile.
 */
const literalZones: readonly LiteralZone[] = [
  {
    zone: zone(1, { name: 'acme.com', plan: { id: 'pro', name: 'Pro Plan' } }),
    sslMode: 'strict',
    packs: [
      pack(1, { hosts: ['acme.com', '*.acme.com'] }),
      pack(2, {
        type: 'advanced',
        status: 'pending_validation',
        hosts: ['acme.com', 'shop.acme.com'],
        certificates: [],
        primary_certificate: null,
        validation_records: [{ txt_name: '_acme-challenge.shop.acme.com', txt_value: 'dGhpcy1pcy1hLXRva2Vu', status: 'pending' }],
      }),
    ],
    customCertificates: [customCertificate(1, { hosts: ['checkout.acme.com'] })],
    clientCertificates: [
      clientCertificate(1, { common_name: 'pos-terminal-001', status: 'active' }),
      clientCertificate(2, { common_name: 'kiosk-lobby-3', status: 'revoked' }),
      clientCertificate(3, { common_name: 'kiosk-lobby-7', status: 'pending_revocation' }),
      clientCertificate(4, { common_name: 'iot-gateway-apac', status: 'pending_reactivation' }),
    ],
  },
  {
    zone: zone(2, { name: 'tenantly.app' }),
    packs: [pack(3, { hosts: ['tenantly.app', '*.tenantly.app'] })],
    customHostnames: [
      hostname(1, { hostname: 'shop.customer-one.com' }),
      hostname(2, { hostname: 'app.northwind-traders.com', status: 'active', ssl: { id: '20000000-0000-4000-8000-000000000002', status: 'validation_timed_out', method: 'txt', type: 'dv' } }),
      hostname(3, { hostname: 'docs.initech.com', status: 'pending', ssl: { id: '20000000-0000-4000-8000-000000000003', status: 'pending_validation', method: 'txt', type: 'dv' } }),
    ],
    fallbackOrigin: { origin: 'fallback.tenantly.app', status: 'active', errors: [] },
  },
  {
    zone: zone(3, { name: 'hostile.example', plan: { id: 'x', name: hostile.issuer } }),
    packs: [pack(4, { status: 'pending_validation', hosts: ['hostile.example', hostile.link], validation_records: [{ txt_name: hostile.link, txt_value: hostile.hostname, status: 'pending' }] })],
    customCertificates: [customCertificate(2, { hosts: [hostile.link], issuer: hostile.issuer, signature: hostile.hostname })],
    customHostnames: [hostname(4, { hostname: hostile.hostname, custom_origin_server: hostile.issuer })],
    fallbackOrigin: { origin: 'fallback.hostile.example', status: 'deployment_timed_out', errors: [...hostileStrings] },
  },
];

const literalObjects = literalZones.reduce((sum, entry) => sum + (entry.packs?.length ?? 0) + (entry.customCertificates?.length ?? 0) + (entry.customHostnames?.length ?? 0) + (entry.clientCertificates?.length ?? 0), 0);

describe('Explorer tree of a literal account', () => {
  let tree: FlatItem[];

  before(async () => {
    const explorer = await explorerOverLiteral(literalZones, 'Acme');
    tree = await expandAll(explorer.model);
    await explorer.close();
  });

  it('lists the account, then every zone of the account', () => {
    assert.equal(tree[0]?.label, 'Acme');
    const zones = tree.filter((item) => item.node.type === 'zone').map((item) => item.label);
    assert.ok(zones.includes('acme.com'), zones.join(', '));
    assert.ok(zones.includes('tenantly.app'));
    assert.equal(zones.length, literalZones.length);
  });

  it('gives every pack, hostname and certificate a status icon, a colour and a description', () => {
    const objects = tree.filter((item) => objectTypes.includes(item.node.type));
    assert.equal(objects.length, literalObjects, `${objects.length} objects`);
    for (const item of objects) {
      assert.ok(item.icon?.id, `${item.label} has an icon`);
      assert.ok(item.icon.color, `${item.label} has a colour`);
      assert.ok(item.description, `${item.label} has a description`);
    }
  });

  it('says what a pack waiting on validation needs, and offers the TXT record to copy', () => {
    const pending = tree.find((item) => item.node.type === 'pack' && item.description?.startsWith('Pending Validation'));
    assert.ok(pending, 'a pack in Pending Validation');
    assert.match(pending.contextValue, /\brestartable\b/);
    const records = tree.filter((item) => item.node.type === 'record' && item.depth === pending.depth + 1);
    assert.ok(records.length > 0, 'its validation records are listed');
  });

  it('puts custom hostname status and SSL status together', () => {
    const hostnames = tree.filter((item) => item.node.type === 'customHostname');
    assert.equal(hostnames.length, 4);
    assert.ok(hostnames.some((item) => /Hostname|Certificate/.test(item.description ?? '')), 'a hostname whose problem part is named');
  });

  it('shows client certificates in each of their four statuses', () => {
    const labels = new Set(tree.filter((item) => item.node.type === 'clientCertificate').map((item) => item.description?.split(' · ')[0]));
    for (const status of ['Active', 'Revoked', 'Pending Revocation', 'Pending Reactivation']) {
      assert.ok(labels.has(status), `${status} in ${[...labels].join(', ')}`);
    }
  });

  it('shows the fallback origin of the SaaS zone', () => {
    assert.ok(tree.some((item) => item.node.type === 'fallbackOrigin'));
  });

  it('escapes API strings in tooltips', () => {
    const tooltips = tree.map((item) => ({ label: item.label, tooltip: item.tooltip ?? '' }));
    assert.ok(tooltips.some(({ tooltip }) => tooltip.includes('script')), 'the hostile strings reach the tooltips');
    for (const { label, tooltip } of tooltips) {
      assert.ok(!/(^|[^\\])<script/i.test(outsideCode(tooltip)), `an unescaped <script in the tooltip of ${label}`);
      assert.deepEqual(liveMarkup(tooltip), [], `no live markup in the tooltip of ${label}`);
    }
    const host = tree.find((item) => item.node.type === 'customHostname' && item.label === hostile.hostname);
    assert.ok(host, 'the hostile hostname is listed, its label as it is');
    assert.equal(host.tooltip?.split('\n\n')[0], '**\\<script\\>alert\\(1\\)\\</script\\>**', 'the title is escaped');
    assert.ok(host.tooltip?.includes('Custom origin: ` <img src=x onerror=alert(1)> `'), 'a field is a code span');
    const upload = tree.find((item) => item.node.type === 'customCertificate' && item.tooltip?.includes('onerror'));
    assert.ok(upload?.tooltip?.includes('Issuer: ` <img src=x onerror=alert(1)> `'), upload?.tooltip);
    const origin = tree.find((item) => item.node.type === 'fallbackOrigin' && item.tooltip?.includes('onerror'));
    assert.ok(origin, 'the fallback origin with hostile errors');
    assert.ok(origin.tooltip?.includes('- \\<script\\>document\\.body\\.dataset\\.pwned = "1"\\</script\\>'), origin.tooltip);
    assert.ok(origin.tooltip?.includes('- \\<a href="javascript:alert\\(1\\)"\\>click\\</a\\>'), 'a link written as HTML stays text');
  });
});

/** The tooltip without its code spans, where `<` is literal. */
function outsideCode(tooltip: string): string {
  return tooltip.replace(/(`+)[\s\S]*?\1/g, ' ');
}

/** Two zones of one account, each with a pack: what the failures below fail to load, or load and then lose. */
const failureZones: readonly LiteralZone[] = [
  { zone: zone(11, { name: 'shop.example' }), packs: [pack(11, { hosts: ['shop.example', '*.shop.example'] })] },
  { zone: zone(12, { name: 'blog.example' }), packs: [pack(12, { hosts: ['blog.example', '*.blog.example'] })] },
];

/** Cloudflare's answer to a valid token that lacks a permission (api-facts §7). */
const forbidden: FakeAnswer = { status: 403, body: failure(10000, 'Authentication error') };

describe('Explorer failures over a literal account', () => {
  it('turns an expired token into the invalid-token welcome view', async () => {
    // Cloudflare verifies an expired token with 200 and status "expired"; the client turns that into expired_token.
    const server = await serveRoute(literalAccount(failureZones, (path) => (path === '/user/tokens/verify' ? { status: 200, body: envelope({ id: 'e'.repeat(32), status: 'expired', expires_on: '2026-01-01T00:00:00Z' }) } : undefined)));
    const explorer = explorerOver(server.baseUrl, [tokenAccount(literalToken)]);
    try {
      await explorer.model.loadZones('test');
      assert.equal(welcomeState(explorer.model), 'invalidToken');
    } finally {
      await explorer.close();
      await server.close();
    }
  });

  it('names the missing permission on the group that needs it', async () => {
    // A token with Zone: Read only: it lists the zones, and every zone setting and certificate collection is refused.
    const server = await serveRoute(literalAccount(failureZones, (path) => (/^\/zones\/[^/]+\//.test(path) ? forbidden : undefined)));
    const explorer = explorerOver(server.baseUrl, [tokenAccount(literalToken)]);
    try {
      const tree = await expandAll(explorer.model);
      const permission = tree.find((item) => item.node.type === 'message' && /Missing permission/.test(item.label));
      assert.ok(permission, tree.map((item) => item.label).join('\n'));
      assert.match(permission.label, /SSL and Certificates: Read/);
    } finally {
      await explorer.close();
      await server.close();
    }
  });

  it('keeps what it showed, marked stale, when a refresh fails', async () => {
    const server = await serveRoute(literalAccount(failureZones));
    const explorer = explorerOver(server.baseUrl, [tokenAccount(literalToken)]);
    try {
      await expandAll(explorer.model, Date.now(), 1);
      const unreachable = explorerOver('http://127.0.0.1:9/client/v4', [tokenAccount(literalToken)]);
      await unreachable.model.loadZones('test');
      assert.equal(welcomeState(unreachable.model), 'unreachable');
      await unreachable.close();
      await server.close();
      await explorer.model.refresh();
      const account = explorer.model.account('test');
      assert.equal(account?.zones.status, 'failed');
      assert.equal(account?.zones.status === 'failed' ? account.zones.previous?.length : 0, failureZones.length);
      const after = await expandAll(explorer.model, Date.now(), 0);
      assert.match(after[0]?.description ?? '', /stale/);
    } finally {
      await explorer.close();
      await server.close();
    }
  });
});
