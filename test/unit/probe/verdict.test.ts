import assert from 'node:assert/strict';
import { judgeProbe, normalizeSerial, type CertificateSummary, type VerdictInput } from '../../../src/probe';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

function leaf(overrides: Partial<CertificateSummary> = {}): CertificateSummary {
  return {
    subject: 'CN=app.example.com',
    commonName: 'app.example.com',
    issuer: 'C=US, O=Google Trust Services, CN=WE1',
    subjectAltNames: ['app.example.com', '*.app.example.com'],
    serialNumber: '0ABC12',
    validFrom: new Date(NOW - 10 * DAY).toISOString(),
    validTo: new Date(NOW + 80 * DAY).toISOString(),
    daysLeft: 80,
    fingerprint256: 'AA',
    keyType: 'ec',
    keyBits: 256,
    curve: 'P-256',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    isCA: false,
    selfSigned: false,
    pem: null,
    ...overrides,
  };
}

function input(overrides: Partial<VerdictInput> = {}): VerdictInput {
  return { error: null, trust: { authorized: true, error: null, store: 'default', extraRootsLabel: null }, hostnameMatch: true, chain: [leaf()], ...overrides };
}

const untrusted = { authorized: false, error: 'SELF_SIGNED_CERT_IN_CHAIN', store: 'default' as const, extraRootsLabel: null };

describe('judgeProbe', () => {
  it('maps each failure to its verdict', () => {
    const cases: [string, VerdictInput['error'], string][] = [
      ['dns', { code: 'dns', message: 'no', stage: 'dns' }, 'dns-failed'],
      ['refused', { code: 'refused', message: 'no', stage: 'connect' }, 'unreachable'],
      ['unreachable', { code: 'unreachable', message: 'no', stage: 'connect' }, 'unreachable'],
      ['reset before TLS', { code: 'reset', message: 'no', stage: 'connect' }, 'unreachable'],
      ['timeout', { code: 'timeout', message: 'no', stage: 'timeout' }, 'timeout'],
      ['handshake', { code: 'tls-handshake', message: 'alert', stage: 'tls' }, 'handshake-failed'],
      ['reset in TLS', { code: 'reset', message: 'no', stage: 'tls' }, 'handshake-failed'],
    ];
    for (const [name, error, verdict] of cases) {
      assert.equal(judgeProbe(input({ error, trust: null, hostnameMatch: null, chain: [] }), undefined, { now: NOW }).verdict, verdict, name);
    }
  });

  it('follows the order of precedence when several things are wrong', () => {
    const expiredLeaf = leaf({ validTo: new Date(NOW - DAY).toISOString() });
    const everythingWrong = input({ chain: [expiredLeaf], trust: untrusted, hostnameMatch: false });
    assert.equal(judgeProbe(everythingWrong, { serialNumber: 'FF' }, { now: NOW }).verdict, 'expired');
    const future = leaf({ validFrom: new Date(NOW + DAY).toISOString() });
    assert.equal(judgeProbe(input({ chain: [future], trust: untrusted, hostnameMatch: false }), undefined, { now: NOW }).verdict, 'not-yet-valid');
    assert.equal(judgeProbe(input({ trust: untrusted, hostnameMatch: false }), { serialNumber: 'FF' }, { now: NOW }).verdict, 'untrusted');
    assert.equal(judgeProbe(input({ hostnameMatch: false }), { serialNumber: 'FF' }, { now: NOW }).verdict, 'hostname-mismatch');
    const soon = leaf({ validTo: new Date(NOW + 3 * DAY).toISOString() });
    assert.equal(judgeProbe(input({ chain: [soon] }), { serialNumber: 'FF' }, { now: NOW }).verdict, 'unexpected-certificate');
    assert.equal(judgeProbe(input({ chain: [soon] }), undefined, { now: NOW }).verdict, 'expiring');
    assert.equal(judgeProbe(input(), undefined, { now: NOW }).verdict, 'ok');
  });

  it('treats an expired or future certificate elsewhere in the chain by its trust code', () => {
    assert.equal(judgeProbe(input({ trust: { ...untrusted, error: 'CERT_HAS_EXPIRED' } }), undefined, { now: NOW }).verdict, 'expired');
    assert.equal(judgeProbe(input({ trust: { ...untrusted, error: 'CERT_NOT_YET_VALID' } }), undefined, { now: NOW }).verdict, 'not-yet-valid');
  });

  it('warns 30 days ahead by default, and as configured', () => {
    const in20 = input({ chain: [leaf({ validTo: new Date(NOW + 20 * DAY + 1000).toISOString() })] });
    assert.equal(judgeProbe(in20, undefined, { now: NOW }).verdict, 'expiring');
    assert.equal(judgeProbe(in20, undefined, { now: NOW, warningDays: 14 }).verdict, 'ok');
    assert.equal(judgeProbe(input(), undefined, { now: NOW, warningDays: 90 }).verdict, 'expiring');
  });

  it('checks each expectation and explains every mismatch', () => {
    const ok = judgeProbe(input(), { serialNumber: '0a:bc:12', issuer: 'google trust', hostnames: ['x.app.example.com', 'APP.example.com.'], expiresOn: new Date(NOW + 80 * DAY + 30_000) }, { now: NOW });
    assert.equal(ok.verdict, 'ok');
    const wrong = judgeProbe(input(), { serialNumber: '0ABC13', issuer: "Let's Encrypt", hostnames: ['a.b.app.example.com'], expiresOn: new Date(NOW + 10 * DAY) }, { now: NOW });
    assert.equal(wrong.verdict, 'unexpected-certificate');
    assert.equal(wrong.reasons.length, 4);
    assert.match(wrong.reasons.join(' '), /a\.b\.app\.example\.com/);
  });

  it('says handshake-failed when no certificate came back', () => {
    assert.equal(judgeProbe(input({ chain: [] }), undefined, { now: NOW }).verdict, 'handshake-failed');
  });

  it('normalises serial numbers the way APIs and tools print them', () => {
    assert.equal(normalizeSerial('00:0a:BC:12'), 'ABC12');
    assert.equal(normalizeSerial('0'), '0');
  });
});
