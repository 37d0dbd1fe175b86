/**
 * A world of expiring and expired certificates, for checking that the CLI and the explorer
 * judge expiry alike: custom certificates and client certificates (which the user renews),
 * packs and custom hostnames (which Cloudflare renews), on either side of every threshold.
 * `tomorrow.example` is the zone from the bug report: its only object is an active custom
 * certificate expiring tomorrow. Tokens and accounts are the demo's.
 */
import { loadScenario, type Scenario } from '../../../src/simulator';
import demo from '../../../src/simulator/scenarios/demo.json';

const account = demo.accounts[0]?.id ?? '';

/** A 32-hex-digit id, distinct per seed. */
function hexId(seed: number): string {
  return seed.toString(16).padStart(8, '0').repeat(4);
}

function customCertificate(seed: number, host: string, status: string, expiresOn: string): Record<string, unknown> {
  return { id: hexId(seed), type: 'sni_custom', hosts: [host], issuer: 'DigiCert Inc', signature: 'SHA256WithRSA', status, bundle_method: 'ubiquitous', uploaded_on: 'now-300d', modified_on: 'now-300d', expires_on: expiresOn, priority: 0 };
}

function pack(seed: number, host: string, validityDays: number, expiries: readonly string[], status = 'active'): Record<string, unknown> {
  const certificates = expiries.map((expiresOn, index) => ({
    id: `${hexId(seed).slice(0, 8)}-0000-4000-8000-${String(index).padStart(12, '0')}`,
    hosts: [host],
    status: 'active',
    issuer: 'GoogleTrustServices',
    signature: index === 0 ? 'ECDSAWithSHA256' : 'SHA256WithRSA',
    bundle_method: 'ubiquitous',
    expires_on: expiresOn,
    uploaded_on: 'now-60d',
    modified_on: 'now-60d',
    priority: 0,
  }));
  return {
    id: `${hexId(seed).slice(0, 8)}-1111-4111-8111-${hexId(seed).slice(0, 12)}`,
    type: 'advanced',
    status,
    hosts: [host],
    validation_method: 'txt',
    validity_days: validityDays,
    certificate_authority: 'google',
    cloudflare_branding: false,
    certificates,
    ...(certificates[0] === undefined ? {} : { primary_certificate: certificates[0].id }),
  };
}

function clientCertificate(seed: number, name: string, status: string, expiresOn: string): Record<string, unknown> {
  return { id: `${hexId(seed).slice(0, 8)}-2222-4222-8222-${hexId(seed).slice(0, 12)}`, status, common_name: name, signature: 'SHA256WithRSA', expires_on: expiresOn, issued_on: 'now-300d' };
}

function hostname(seed: number, name: string, sslStatus: string, expiresOn: string): Record<string, unknown> {
  return {
    id: `${hexId(seed).slice(0, 8)}-3333-4333-8333-${hexId(seed).slice(0, 12)}`,
    hostname: name,
    status: 'active',
    ssl: { id: `${hexId(seed + 1).slice(0, 8)}-4444-4444-8444-${hexId(seed).slice(0, 12)}`, type: 'dv', method: 'txt', status: sslStatus, certificate_authority: 'google', expires_on: expiresOn },
    created_at: 'now-100d',
  };
}

function zone(seed: number, name: string, objects: Record<string, unknown>): Record<string, unknown> {
  return { id: hexId(seed), name, accountId: account, status: 'active', type: 'full', plan: 'Business', created_on: 'now-500d', sslMode: 'strict', universalSsl: false, ...objects };
}

export function expiringScenario(): Scenario {
  return loadScenario({
    name: 'expiring',
    demoToken: demo.demoToken,
    tokens: demo.tokens,
    globalKeys: demo.globalKeys,
    accounts: demo.accounts,
    zones: [
      zone(0x1001, 'tomorrow.example', { customCertificates: [customCertificate(0x10, 'shop.tomorrow.example', 'active', 'now+1d')] }),
      zone(0x1002, 'expiring.example', {
        saas: true,
        fallbackOrigin: { origin: 'fallback.expiring.example', status: 'active', errors: [] },
        customCertificates: [
          customCertificate(0x20, 'warn.expiring.example', 'active', 'now+20d'),
          customCertificate(0x21, 'critical.expiring.example', 'active', 'now+3d'),
          customCertificate(0x22, 'expired.expiring.example', 'active', 'now-2d'),
          customCertificate(0x23, 'fine.expiring.example', 'active', 'now+200d'),
          customCertificate(0x24, 'gone.expiring.example', 'deleted', 'now-10d'),
        ],
        certificatePacks: [
          pack(0x30, 'fine.expiring.example', 90, ['now+64d', 'now+64d']),
          // The primary certificate is fine, the other one expires within a day: the earliest counts.
          pack(0x31, 'split.expiring.example', 90, ['now+80d', 'now+12h']),
          pack(0x32, 'late.expiring.example', 90, ['now+5d']),
          pack(0x33, 'expired.expiring.example', 90, ['now-1d']),
          pack(0x34, 'short.expiring.example', 14, ['now+2d']),
        ],
        clientCertificates: [
          clientCertificate(0x40, 'pos-soon', 'active', 'now+10d'),
          clientCertificate(0x41, 'pos-expired', 'active', 'now-3d'),
          clientCertificate(0x42, 'pos-revoked', 'revoked', 'now-3d'),
          clientCertificate(0x43, 'pos-fine', 'active', 'now+300d'),
        ],
        customHostnames: [
          hostname(0x50, 'soon.customer.example', 'active', 'now+12h'),
          hostname(0x52, 'fine.customer.example', 'active', 'now+200d'),
          hostname(0x54, 'window.customer.example', 'active', 'now+6d'),
        ],
      }),
    ],
  });
}
