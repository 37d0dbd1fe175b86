import type { CertificateSummary, ProbeResult } from '../../../src/probe';
import type { ExpectedCertificate } from '../../../src/probing/expectedCertificates';
import type { PlannedProbe, ProbePlan } from '../../../src/probing/probePlan';
import type { ProbeOutcome, ProbeRun } from '../../../src/probing/probeRun';

export const probedAt = '2026-06-01T00:00:00.000Z';

export function leaf(overrides: Partial<CertificateSummary> = {}): CertificateSummary {
  return {
    subject: 'CN=shop.example.com',
    commonName: 'shop.example.com',
    issuer: 'CN=WE1, O=Google Trust Services, C=US',
    subjectAltNames: ['shop.example.com'],
    serialNumber: '0A1B2C',
    validFrom: '2026-05-01T00:00:00.000Z',
    validTo: '2026-08-30T00:00:00.000Z',
    daysLeft: 90,
    fingerprint256: 'AA:BB',
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

/** A successful probe of shop.example.com, judged ok; override what a test is about. */
export function probeResult(overrides: Partial<ProbeResult> = {}): ProbeResult {
  return {
    servername: 'shop.example.com',
    servernameUnicode: 'shop.example.com',
    sni: 'shop.example.com',
    target: { host: 'shop.example.com', port: 443, address: '192.0.2.10', family: 4 },
    offer: { keyType: 'any', alpn: ['h2', 'http/1.1'], family: 'any' },
    dns: { connect: { name: 'shop.example.com', cnameChain: ['customers.saas.example'], a: ['192.0.2.10'], aaaa: [], error: null, ms: 1.5 }, servername: null },
    timings: { dnsMs: 1.5, connectMs: 2.25, tlsMs: 10.5, totalMs: 14.75 },
    tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpn: 'h2', ocspStapled: false },
    trust: { authorized: true, error: null, store: 'default', extraRootsLabel: null },
    hostnameMatch: true,
    hostnameError: null,
    chain: [leaf(), leaf({ subject: 'CN=WE1, O=Google Trust Services, C=US', commonName: 'WE1', issuer: 'CN=GTS Root R4', subjectAltNames: [], serialNumber: '77', isCA: true })],
    error: null,
    verdict: 'ok',
    reasons: ['Trusted, covers the name, 90 days left.'],
    probedAt,
    ...overrides,
  };
}

export const expectedShop: ExpectedCertificate = {
  label: 'Certificate of the custom hostname',
  hosts: ['shop.example.com'],
  serialNumber: '0a1b2c',
  issuer: 'GoogleTrustServices',
  expiresOn: '2026-08-30T00:00:00Z',
  status: 'active',
  statusLabel: 'Active',
};

export function planned(overrides: Partial<PlannedProbe> = {}): PlannedProbe {
  return { servername: 'shop.example.com', ref: { account: 'acc', zone: 'z1', kind: 'customHostname', id: 'h1' }, objectLabel: 'Custom hostname', expected: [expectedShop], ...overrides };
}

export function outcome(result: ProbeResult, overrides: Partial<ProbeOutcome> = {}): ProbeOutcome {
  return { planned: planned({ servername: result.servername }), result, expected: expectedShop, comparison: [], ...overrides };
}

export function run(outcomes: readonly ProbeOutcome[], plan: Partial<ProbePlan> = {}): ProbeRun {
  return {
    plan: { title: 'Probe shop.example.com', source: { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'customHostname', id: 'h1' } }, ref: { account: 'acc', zone: 'z1', kind: 'customHostname', id: 'h1' }, probes: outcomes.map((item) => item.planned), skipped: [], ...plan },
    outcomes,
    finishedAt: '2026-06-01T00:00:01.000Z',
  };
}
