import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { isIP } from 'node:net';
import { randomBytes, webcrypto } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;

/**
 * A small test PKI: certificate authorities, intermediates, leaves and self-signed
 * certificates whose chains Node's `tls` accepts. Shared by the probe tests and the
 * simulator's TLS edge, so both see certificates built the same way.
 */

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

export type KeyKind = 'rsa' | 'ecdsa';

export interface IssuedCertificate {
  certPem: string;
  keyPem: string;
  /** Upper-case hex, without leading zero bytes beyond what DER needs. */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
}

export interface IssueOptions {
  hosts: string[];
  keyKind?: KeyKind;
  notBefore?: Date;
  notAfter?: Date;
  /** Hex; random when absent. */
  serialNumber?: string;
  /** Defaults to the first host. */
  commonName?: string;
}

export interface CertificateAuthority extends IssuedCertificate {
  /** The authority's common name. */
  readonly name: string;
  issue(options: IssueOptions): Promise<IssuedCertificate>;
}

export interface CertificateAuthorityOptions {
  commonName?: string;
  organization?: string;
  /** ECDSA by default: a P-256 key is generated in about a millisecond, RSA 2048 in tens. */
  keyKind?: KeyKind;
  notBefore?: Date;
  notAfter?: Date;
  /** Makes an intermediate signed by this authority. */
  parent?: CertificateAuthority;
}

interface KeyMaterial {
  readonly keys: CryptoKeyPair;
  readonly subjectKeyId: x509.SubjectKeyIdentifierExtension;
  readonly keyPem: string;
  readonly signingAlgorithm: webcrypto.Algorithm | webcrypto.EcdsaParams;
}

const DAY_MS = 86_400_000;
const ORGANIZATION = 'cfcerts test PKI';

function keyAlgorithm(kind: KeyKind): webcrypto.RsaHashedKeyGenParams | webcrypto.EcKeyGenParams {
  return kind === 'rsa'
    ? { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 }
    : { name: 'ECDSA', namedCurve: 'P-256' };
}

async function generateKeyMaterial(kind: KeyKind): Promise<KeyMaterial> {
  const keys = await webcrypto.subtle.generateKey(keyAlgorithm(kind), true, ['sign', 'verify']);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const keyPem = `${x509.PemConverter.encode(pkcs8, 'PRIVATE KEY').trimEnd()}\n`;
  const signingAlgorithm = kind === 'rsa' ? { name: 'RSASSA-PKCS1-v1_5' } : { name: 'ECDSA', hash: 'SHA-256' };
  const subjectKeyId = await x509.SubjectKeyIdentifierExtension.create(keys.publicKey);
  return { keys, keyPem, signingAlgorithm, subjectKeyId };
}

// Leaf keys are shared per kind: issuing thousands of certificates must not mean
// generating thousands of RSA keys, and a test never depends on a leaf key being unique.
const leafKeys = new Map<KeyKind, Promise<KeyMaterial>>();

function leafKeyMaterial(kind: KeyKind): Promise<KeyMaterial> {
  let material = leafKeys.get(kind);
  if (material === undefined) {
    material = generateKeyMaterial(kind);
    leafKeys.set(kind, material);
  }
  return material;
}

function randomSerial(): string {
  const bytes = randomBytes(16);
  // A positive, non-zero-leading DER integer: clear the sign bit, set the next one.
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return bytes.toString('hex').toUpperCase();
}

function subjectName(commonName: string, organization?: string): x509.JsonName {
  return organization === undefined ? [{ CN: [commonName] }] : [{ CN: [commonName] }, { O: [organization] }];
}

/** PEM with a final newline: OpenSSL rejects a concatenated chain without one. */
function pemOf(certificate: x509.X509Certificate): string {
  return `${certificate.toString('pem').trimEnd()}\n`;
}

function toIssued(certificate: x509.X509Certificate, keyPem: string): IssuedCertificate {
  return {
    certPem: pemOf(certificate),
    keyPem,
    serialNumber: certificate.serialNumber.toUpperCase(),
    notBefore: certificate.notBefore,
    notAfter: certificate.notAfter,
  };
}

function leafExtensions(hosts: readonly string[], kind: KeyKind): x509.Extension[] {
  const usages = kind === 'rsa' ? x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment : x509.KeyUsageFlags.digitalSignature;
  const names = hosts.map((host) => ({ type: isIP(host) === 0 ? ('dns' as const) : ('ip' as const), value: host }));
  return [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(usages, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    new x509.SubjectAlternativeNameExtension(names),
  ];
}

function defaultLeafWindow(options: IssueOptions): { notBefore: Date; notAfter: Date } {
  const now = Date.now();
  // An hour in the past, so a certificate is valid at once despite second-granular dates.
  return { notBefore: options.notBefore ?? new Date(now - 3_600_000), notAfter: options.notAfter ?? new Date(now + 90 * DAY_MS) };
}

// The private key stays out of the public object's enumerable shape but is needed to
// sign intermediates: keep it beside the authority, keyed by identity.
const authorityState = new WeakMap<CertificateAuthority, KeyMaterial>();

async function createAuthority(options: CertificateAuthorityOptions): Promise<CertificateAuthority> {
  const kind = options.keyKind ?? 'ecdsa';
  const parent = options.parent;
  const commonName = options.commonName ?? (parent === undefined ? 'cfcerts Test Root CA' : 'cfcerts Test Intermediate CA');
  const material = await generateKeyMaterial(kind);
  const now = Date.now();
  const subject = subjectName(commonName, options.organization ?? ORGANIZATION);
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(true, parent === undefined ? undefined : 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature, true),
    material.subjectKeyId,
  ];
  const signer = parent === undefined ? material : authorityState.get(parent);
  if (signer === undefined) {
    throw new TypeError('parent must be a CertificateAuthority created by createCertificateAuthority');
  }
  extensions.push(new x509.AuthorityKeyIdentifierExtension(signer.subjectKeyId.keyId));
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerial(),
    subject,
    issuer: parent === undefined ? subject : new x509.X509Certificate(parent.certPem).subjectName,
    notBefore: options.notBefore ?? new Date(now - DAY_MS),
    notAfter: options.notAfter ?? new Date(now + 3650 * DAY_MS),
    publicKey: material.keys.publicKey,
    signingKey: signer.keys.privateKey,
    signingAlgorithm: signer.signingAlgorithm,
    extensions,
  });
  const issuerName = certificate.subjectName;
  const authorityKeyId = new x509.AuthorityKeyIdentifierExtension(material.subjectKeyId.keyId);

  const authority: CertificateAuthority = {
    ...toIssued(certificate, material.keyPem),
    name: commonName,
    issue: async (issueOptions) => {
      const leafKind = issueOptions.keyKind ?? 'ecdsa';
      const leaf = await leafKeyMaterial(leafKind);
      const window = defaultLeafWindow(issueOptions);
      const issued = await x509.X509CertificateGenerator.create({
        serialNumber: issueOptions.serialNumber ?? randomSerial(),
        subject: subjectName(issueOptions.commonName ?? issueOptions.hosts[0] ?? 'cfcerts test leaf'),
        issuer: issuerName,
        notBefore: window.notBefore,
        notAfter: window.notAfter,
        publicKey: leaf.keys.publicKey,
        signingKey: material.keys.privateKey,
        signingAlgorithm: material.signingAlgorithm,
        extensions: [...leafExtensions(issueOptions.hosts, leafKind), leaf.subjectKeyId, authorityKeyId],
      });
      return toIssued(issued, leaf.keyPem);
    },
  };
  authorityState.set(authority, material);
  return authority;
}

/** A root CA, or an intermediate when `parent` is given. */
export function createCertificateAuthority(options: CertificateAuthorityOptions = {}): Promise<CertificateAuthority> {
  return createAuthority(options);
}

/** A leaf signed by its own key: no chain, never trusted unless named as a root. */
export async function createSelfSigned(options: IssueOptions): Promise<IssuedCertificate> {
  const kind = options.keyKind ?? 'ecdsa';
  const leaf = await leafKeyMaterial(kind);
  const window = defaultLeafWindow(options);
  const certificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: options.serialNumber ?? randomSerial(),
    name: subjectName(options.commonName ?? options.hosts[0] ?? 'cfcerts self-signed'),
    notBefore: window.notBefore,
    notAfter: window.notAfter,
    keys: leaf.keys,
    signingAlgorithm: leaf.signingAlgorithm,
    extensions: [...leafExtensions(options.hosts, kind), leaf.subjectKeyId],
  });
  return toIssued(certificate, leaf.keyPem);
}
