import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { summarizeX509 } from '../../../src/probe';
import { parseSubjectAltNames } from '../../../src/probe/certificateSummary';
import { publicKeyInfoOf, signatureAlgorithmOf } from '../../../src/probe/derFields';
import { createCertificateAuthority } from '../../../src/simulator/pki';

describe('certificate summaries', () => {
  it('summarises a certificate from a file: names, key, signature, validity', async () => {
    const root = await createCertificateAuthority({ keyKind: 'rsa', commonName: 'RSA Root' });
    const issued = await root.issue({ hosts: ['a.example.com', '192.0.2.7'], keyKind: 'rsa' });
    const now = issued.notAfter.getTime() - 10.5 * 86_400_000;
    const summary = summarizeX509(new X509Certificate(issued.certPem), now);
    assert.equal(summary.subject, 'CN=a.example.com');
    assert.equal(summary.commonName, 'a.example.com');
    assert.equal(summary.issuer, 'CN=RSA Root, O=cfcerts test PKI');
    assert.deepEqual(summary.subjectAltNames, ['a.example.com', '192.0.2.7']);
    assert.deepEqual([summary.keyType, summary.keyBits, summary.curve], ['rsa', 2048, null]);
    assert.equal(summary.signatureAlgorithm, 'sha256WithRSAEncryption');
    assert.equal(summary.daysLeft, 10);
    assert.deepEqual([summary.isCA, summary.selfSigned], [false, false]);
    const rootSummary = summarizeX509(new X509Certificate(root.certPem), now);
    assert.deepEqual([rootSummary.isCA, rootSummary.selfSigned], [true, true]);
  });

  it('reads the signature algorithm from DER, and gives null for garbage', async () => {
    const root = await createCertificateAuthority();
    assert.equal(signatureAlgorithmOf(new X509Certificate(root.certPem).raw), 'ecdsa-with-SHA256');
    assert.equal(signatureAlgorithmOf(new Uint8Array([0x30, 0x82])), null);
    assert.equal(signatureAlgorithmOf(new Uint8Array([])), null);
    assert.equal(signatureAlgorithmOf(new Uint8Array([0x04, 0x01, 0x00])), null);
  });

  it('reads the key type, size and curve from DER, as Node\'s KeyObject reports them', async () => {
    const rsaRoot = await createCertificateAuthority({ keyKind: 'rsa' });
    const ecRoot = await createCertificateAuthority();
    for (const pem of [rsaRoot.certPem, ecRoot.certPem]) {
      const cert = new X509Certificate(pem);
      const key = cert.publicKey;
      const expected = { keyType: key.asymmetricKeyType, keyBits: key.asymmetricKeyDetails?.modulusLength ?? 256, curve: key.asymmetricKeyDetails?.namedCurve === 'prime256v1' ? 'P-256' : null };
      assert.deepEqual(publicKeyInfoOf(cert.raw), expected);
    }
    assert.equal(publicKeyInfoOf(new Uint8Array([0x30, 0x03, 0x30, 0x01, 0x00])), null);
  });

  it('splits Node\'s subjectAltName text into plain values', () => {
    assert.deepEqual(parseSubjectAltNames('DNS:a.example.com, DNS:*.example.com, IP Address:2001:DB8:0:0:0:0:0:1, email:x@example.com'), ['a.example.com', '*.example.com', '2001:DB8:0:0:0:0:0:1', 'email:x@example.com']);
    assert.deepEqual(parseSubjectAltNames(undefined), []);
  });
});
