import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { summarizeX509 } from '../../../src/probe';
import { MAX_PEM_DER_BYTES, pemOf } from '../../../src/probe/pem';
import { createCertificateAuthority } from '../../../src/simulator/pki';

describe('served certificates as PEM', () => {
  it('keeps the certificate as PEM, byte for byte what was read', async () => {
    const root = await createCertificateAuthority({ commonName: 'PEM Root' });
    const issued = await root.issue({ hosts: ['pem.example.com'] });
    const cert = new X509Certificate(issued.certPem);
    const summary = summarizeX509(cert, Date.now());
    assert.ok(summary.pem !== null);
    assert.match(summary.pem, /^-----BEGIN CERTIFICATE-----\n([A-Za-z0-9+/=]{64}\n)*[A-Za-z0-9+/=]{1,64}\n-----END CERTIFICATE-----\n$/);
    assert.deepEqual(new X509Certificate(summary.pem).raw, cert.raw);
    assert.equal(summary.pem, cert.toString());
  });

  it('keeps nothing for a certificate larger than the bound, or for nothing at all', () => {
    assert.equal(pemOf(new Uint8Array(MAX_PEM_DER_BYTES + 1)), null);
    assert.equal(pemOf(new Uint8Array(0)), null);
    assert.equal(pemOf(new Uint8Array([1, 2, 3])), '-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n');
  });
});
