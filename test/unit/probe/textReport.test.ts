import assert from 'node:assert/strict';
import { clean, formatProbeText, toProbeJson, type ProbeResult } from '../../../src/probe';

const hostile = 'evil\u001b[2J\u202eexample';

function result(): ProbeResult {
  return {
    servername: 'xn--bcher-kva.example',
    servernameUnicode: 'bücher.example',
    sni: 'xn--bcher-kva.example',
    target: { host: '192.0.2.1', port: 443, address: '192.0.2.1', family: 4 },
    offer: { keyType: 'any', alpn: ['h2', 'http/1.1'], family: 'any' },
    dns: { connect: null, servername: { name: 'xn--bcher-kva.example', cnameChain: ['edge.example.net'], a: ['192.0.2.1'], aaaa: [], error: null, ms: 1.234 } },
    timings: { dnsMs: null, connectMs: 1.2345, tlsMs: 2.3456, totalMs: 4.5678 },
    tls: { protocol: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256', alpn: 'h2', ocspStapled: true },
    trust: { authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', store: 'default', extraRootsLabel: null },
    hostnameMatch: false,
    hostnameError: `Host: xn--bcher-kva.example. is not in the cert's altnames: DNS:${hostile}`,
    chain: [
      {
        subject: `CN=${hostile}`,
        commonName: hostile,
        issuer: `CN=${hostile}`,
        subjectAltNames: [hostile],
        serialNumber: '01',
        validFrom: '2026-01-01T00:00:00.000Z',
        validTo: '2027-01-01T00:00:00.000Z',
        daysLeft: 100,
        fingerprint256: 'AA:BB',
        keyType: 'ec',
        keyBits: 256,
        curve: 'P-256',
        signatureAlgorithm: 'ecdsa-with-SHA256',
        isCA: false,
        selfSigned: true,
        pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n',
      },
    ],
    error: null,
    verdict: 'untrusted',
    reasons: ['The chain is not trusted (DEPTH_ZERO_SELF_SIGNED_CERT).'],
    probedAt: '2026-06-01T00:00:00.000Z',
  };
}

describe('probe text and JSON', () => {
  it('puts the verdict first and shows both forms of an IDN name', () => {
    const text = formatProbeText(result());
    assert.match(text, /^UNTRUSTED {2}bücher\.example \(xn--bcher-kva\.example\): The chain is not trusted/);
    assert.match(text, /OCSP stapled/);
    assert.match(text, /edge\.example\.net/);
    assert.match(text, /\[self-signed\]/);
  });

  it('escapes control and bidi characters that came from the certificate', () => {
    const text = formatProbeText(result());
    assert.ok(!text.includes('\u001b') && !text.includes('\u202e'));
    assert.match(text, /evil\\u001b\[2J\\u202eexample/);
    assert.equal(clean('plain.example.com'), 'plain.example.com');
  });

  it('gives the documented JSON shape, timings rounded to a tenth of a millisecond', () => {
    const json = toProbeJson(result());
    assert.deepEqual(Object.keys(json), ['servername', 'servernameUnicode', 'sni', 'target', 'verdict', 'reasons', 'tls', 'trust', 'hostnameMatch', 'chain', 'dns', 'timings', 'error', 'probedAt']);
    assert.deepEqual(json.timings, { dnsMs: null, connectMs: 1.2, tlsMs: 2.3, totalMs: 4.6 });
    assert.deepEqual(json.trust, { authorized: false, error: 'DEPTH_ZERO_SELF_SIGNED_CERT', store: 'default', extraRoots: null });
    assert.deepEqual(Object.keys(json.chain[0] ?? {}), ['subject', 'issuer', 'subjectAltNames', 'serialNumber', 'validFrom', 'validTo', 'daysLeft', 'fingerprint256', 'keyType', 'keyBits', 'curve', 'signatureAlgorithm', 'isCA', 'selfSigned', 'pem']);
    assert.equal(json.chain[0]?.pem, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    // JSON escapes what the terminal must not see.
    assert.ok(!JSON.stringify(json).includes('\u001b'));
  });
});
