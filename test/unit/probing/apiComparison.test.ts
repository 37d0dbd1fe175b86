import assert from 'node:assert/strict';
import type { CertificatePack, CustomHostname } from '../../../src/cloudflare';
import { judgeAgainstApi } from '../../../src/probing/apiComparison';
import { expectedCertificates, issuerMatches } from '../../../src/probing/expectedCertificates';
import { expectedShop, leaf, probeResult } from '../../support/probe/probeResults';

const pack: CertificatePack = {
  id: 'p1',
  type: 'advanced',
  status: 'active',
  hosts: ['example.com', 'www.example.com'],
  certificates: [
    { id: 'c-ec', hosts: ['example.com', 'www.example.com'], status: 'active', issuer: 'LetsEncrypt', signature: 'ECDSAWithSHA256', expires_on: '2026-08-30T00:00:00Z' },
    { id: 'c-rsa', hosts: ['example.com', 'www.example.com'], status: 'active', issuer: 'LetsEncrypt', signature: 'SHA256WithRSA', expires_on: '2026-09-15T00:00:00Z' },
  ],
};

describe('judging a probe against the API', () => {
  it('reads one expected certificate per pack certificate, and a custom hostname from its ssl', () => {
    const expected = expectedCertificates({ kind: 'certificatePack', object: pack });
    assert.deepEqual(expected.map((item) => [item.label, item.keyType, item.issuer, item.statusLabel]), [
      ['ECDSA certificate of the Advanced pack', 'ecdsa', 'LetsEncrypt', 'Active'],
      ['RSA certificate of the Advanced pack', 'rsa', 'LetsEncrypt', 'Active'],
    ]);
    const hostname: CustomHostname = { id: 'h1', hostname: 'shop.customer.org', status: 'pending', ssl: { status: 'pending_validation', certificate_authority: 'google', serial_number: null } };
    assert.deepEqual(expectedCertificates({ kind: 'customHostname', object: hostname }), [
      { label: 'Managed certificate of the custom hostname', hosts: ['shop.customer.org'], issuer: 'google', status: 'pending_validation', statusLabel: 'Pending Validation' },
    ]);
    assert.deepEqual(expectedCertificates({ kind: 'clientCertificate', object: { id: 'c' } }), []);
  });

  it("matches the API's run-together issuer names with the served DN", () => {
    assert.ok(issuerMatches('GoogleTrustServices', 'CN=WE1, O=Google Trust Services, C=US'));
    assert.ok(issuerMatches('google', 'CN=WR1, O=Google Trust Services, C=US'));
    assert.ok(issuerMatches('LetsEncrypt', "CN=E6, O=Let's Encrypt, C=US"));
    assert.ok(issuerMatches('DigiCert Inc', 'CN=DigiCert Global G2 TLS RSA SHA256 2020 CA1, O=DigiCert Inc, C=US'));
    assert.ok(issuerMatches('ssl_com', 'CN=SSL.com TLS Issuing ECC CA R2, O=SSL Corp, C=US'));
    assert.ok(!issuerMatches('LetsEncrypt', 'CN=WE1, O=Google Trust Services, C=US'));
    assert.ok(!issuerMatches('', 'CN=anything'));
  });

  it('keeps ok when everything the API says matches, and shows each field as matching', () => {
    const judged = judgeAgainstApi(probeResult(), [expectedShop], { warningDays: 30 });
    assert.equal(judged.result.verdict, 'ok');
    assert.deepEqual(judged.rows.map((row) => [row.field, row.matches]), [['Names', true], ['Serial number', true], ['Issuer', true], ['Expires', true]]);
    assert.equal(judged.rows.find((row) => row.field === 'Issuer')?.expected, 'GoogleTrustServices (Google Trust Services)');
  });

  it('turns a served certificate that is not the API one into unexpected-certificate, naming each difference', () => {
    const served = probeResult({ chain: [leaf({ serialNumber: 'FFEE', issuer: "CN=E6, O=Let's Encrypt, C=US" })] });
    const judged = judgeAgainstApi(served, [expectedShop], { warningDays: 30 });
    assert.equal(judged.result.verdict, 'unexpected-certificate');
    assert.equal(judged.result.reasons.length, 2);
    assert.match(judged.result.reasons.join(' '), /Serial FFEE is served; A1B2C was expected/);
    assert.deepEqual(judged.rows.filter((row) => row.matches === false).map((row) => row.field), ['Serial number', 'Issuer']);
  });

  it('compares with the pack certificate of the key type served', () => {
    const rsaLeaf = leaf({ keyType: 'rsa', keyBits: 2048, curve: null, subjectAltNames: ['example.com', 'www.example.com'], issuer: "CN=R11, O=Let's Encrypt, C=US", validTo: '2026-09-15T00:00:00.000Z' });
    const judged = judgeAgainstApi(probeResult({ servername: 'www.example.com', chain: [rsaLeaf] }), expectedCertificates({ kind: 'certificatePack', object: pack }), { warningDays: 30 });
    assert.equal(judged.expected?.keyType, 'rsa');
    assert.equal(judged.result.verdict, 'ok');
    assert.ok(judged.rows.every((row) => row.matches === true), JSON.stringify(judged.rows));
  });

  it('leaves earlier failures as they are, with nothing served to compare', () => {
    const failed = probeResult({ chain: [], tls: null, trust: null, hostnameMatch: null, error: { code: 'timeout', message: 'No answer within 10000 ms (connecting).', stage: 'timeout' }, verdict: 'timeout', reasons: ['No answer within 10000 ms (connecting).'] });
    const judged = judgeAgainstApi(failed, [expectedShop], { warningDays: 30 });
    assert.equal(judged.result.verdict, 'timeout');
    assert.ok(judged.rows.every((row) => row.matches === null && row.served === '—'));
    assert.deepEqual(judgeAgainstApi(failed, [], { warningDays: 30 }), { result: failed, rows: [] });
  });

  it('says expiring by the setting, once the certificate is the expected one', () => {
    assert.equal(judgeAgainstApi(probeResult(), [expectedShop], { warningDays: 120 }).result.verdict, 'expiring');
  });
});
