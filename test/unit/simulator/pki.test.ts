import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createCertificateAuthority, createSelfSigned } from '../../../src/simulator/pki';

describe('test PKI', () => {
  it('issues a leaf whose chain verifies to its root through an intermediate', async () => {
    const root = await createCertificateAuthority({ commonName: 'PKI Test Root' });
    const intermediate = await createCertificateAuthority({ parent: root, commonName: 'PKI Test Intermediate' });
    const leaf = await intermediate.issue({ hosts: ['app.example.com', '127.0.0.1', '::1'] });

    const rootCert = new X509Certificate(root.certPem);
    const intermediateCert = new X509Certificate(intermediate.certPem);
    const leafCert = new X509Certificate(leaf.certPem);
    assert.equal(root.name, 'PKI Test Root');
    assert.equal(rootCert.ca, true);
    assert.equal(intermediateCert.ca, true);
    assert.equal(leafCert.ca, false);
    assert.ok(intermediateCert.verify(rootCert.publicKey));
    assert.ok(leafCert.verify(intermediateCert.publicKey));
    assert.ok(leafCert.checkIssued(intermediateCert));
    assert.equal(leafCert.checkHost('app.example.com'), 'app.example.com');
    assert.equal(leafCert.checkIP('127.0.0.1'), '127.0.0.1');
    assert.equal(leafCert.checkIP('::1'), '::1');
    assert.deepEqual(leafCert.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.equal(leafCert.serialNumber.toUpperCase(), leaf.serialNumber);
  });

  it('honours the validity window, serial, common name and key kind asked for', async () => {
    const root = await createCertificateAuthority();
    const notBefore = new Date('2020-01-01T00:00:00Z');
    const notAfter = new Date('2020-02-01T00:00:00Z');
    const leaf = await root.issue({ hosts: ['old.example.com'], notBefore, notAfter, serialNumber: '0A1B2C', commonName: 'Old', keyKind: 'rsa' });
    const cert = new X509Certificate(leaf.certPem);
    assert.equal(leaf.notBefore.toISOString(), notBefore.toISOString());
    assert.equal(leaf.notAfter.toISOString(), notAfter.toISOString());
    assert.equal(leaf.serialNumber, '0A1B2C');
    assert.equal(cert.subject, 'CN=Old');
    assert.equal(cert.publicKey.asymmetricKeyType, 'rsa');
    assert.equal(cert.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
  });

  it('reuses one leaf key per kind and gives every certificate a distinct random serial', async () => {
    const root = await createCertificateAuthority();
    const issued = await Promise.all(Array.from({ length: 20 }, (_, index) => root.issue({ hosts: [`h${index}.example.com`] })));
    assert.equal(new Set(issued.map((leaf) => leaf.keyPem)).size, 1);
    assert.equal(new Set(issued.map((leaf) => leaf.serialNumber)).size, 20);
    assert.match(issued[0]?.keyPem ?? '', /^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n$/);
  });

  it('makes self-signed leaves that verify with their own key', async () => {
    const leaf = await createSelfSigned({ hosts: ['self.example.com'] });
    const cert = new X509Certificate(leaf.certPem);
    assert.equal(cert.subject, cert.issuer);
    assert.ok(cert.verify(cert.publicKey));
    assert.equal(cert.publicKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  });

  it('keeps the authorities independent: a leaf does not verify against another root', async () => {
    const first = await createCertificateAuthority();
    const second = await createCertificateAuthority();
    const leaf = await first.issue({ hosts: ['a.example.com'] });
    assert.equal(new X509Certificate(leaf.certPem).verify(new X509Certificate(second.certPem).publicKey), false);
  });

  it('refuses a parent that it did not create', async () => {
    const root = await createCertificateAuthority();
    await assert.rejects(createCertificateAuthority({ parent: { ...root } }), TypeError);
  });
});
