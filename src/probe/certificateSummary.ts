import { createPublicKey, type X509Certificate } from 'node:crypto';
import type { PeerCertificate } from 'node:tls';
import { publicKeyInfoOf, signatureAlgorithmOf } from './derFields';
import { pemOf } from './pem';
import type { CertificateSummary } from './types';

const DAY_MS = 86_400_000;

/** `CN=app.example.com, O=Example`, in the order the certificate lists them. */
export function formatName(name: object | undefined): string {
  if (name === undefined) {
    return '';
  }
  return Object.entries(name)
    .flatMap(([key, value]: [string, unknown]) => (Array.isArray(value) ? value.map((item) => `${key}=${String(item)}`) : [`${key}=${String(value)}`]))
    .join(', ');
}

/** Node's `DNS:a, IP Address:1.2.3.4` as plain values: names and addresses need no prefix, other kinds keep theirs. */
export function parseSubjectAltNames(text: string | undefined): string[] {
  if (text === undefined || text === '') {
    return [];
  }
  return text.split(/, (?=[A-Za-z][A-Za-z ]*:)/).map((entry) => {
    const match = /^(DNS|IP Address):(.*)$/.exec(entry);
    return match?.[2] ?? entry;
  });
}

export function daysLeft(validTo: Date, now: number): number {
  return Math.floor((validTo.getTime() - now) / DAY_MS);
}

function commonNameOf(subject: string): string | null {
  return /(?:^|, )CN=([^,]*)/.exec(subject)?.[1] ?? null;
}

function keyOf(cert: PeerCertificate): Pick<CertificateSummary, 'keyType' | 'keyBits' | 'curve'> {
  const details = cert as PeerCertificate & { bits?: number; modulus?: string; asn1Curve?: string; nistCurve?: string; pubkey?: Buffer };
  if (details.modulus !== undefined) {
    return { keyType: 'rsa', keyBits: details.bits ?? null, curve: null };
  }
  if (details.asn1Curve !== undefined) {
    return { keyType: 'ec', keyBits: details.bits ?? null, curve: details.nistCurve ?? details.asn1Curve };
  }
  // Rare key kinds (Ed25519, DSA…): only then pay for parsing the public key.
  try {
    return details.pubkey === undefined ? { keyType: null, keyBits: null, curve: null } : { keyType: createPublicKey({ key: details.pubkey, format: 'der', type: 'spki' }).asymmetricKeyType ?? null, keyBits: details.bits ?? null, curve: null };
  } catch {
    return { keyType: null, keyBits: details.bits ?? null, curve: null };
  }
}

/** A peer certificate as plain data. `selfSigned` is decided by the chain walk, which knows the issuer. */
export function summarizePeerCertificate(cert: PeerCertificate, now: number, selfSigned: boolean): CertificateSummary {
  const subject = formatName(cert.subject);
  const validTo = new Date(cert.valid_to);
  return {
    subject,
    commonName: commonNameOf(subject),
    issuer: formatName(cert.issuer),
    subjectAltNames: parseSubjectAltNames(cert.subjectaltname),
    serialNumber: cert.serialNumber.toUpperCase(),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: daysLeft(validTo, now),
    fingerprint256: cert.fingerprint256,
    ...keyOf(cert),
    signatureAlgorithm: signatureAlgorithmOf(cert.raw),
    isCA: cert.ca,
    selfSigned,
    pem: pemOf(cert.raw),
  };
}

function x509KeyOf(cert: X509Certificate): Pick<CertificateSummary, 'keyType' | 'keyBits' | 'curve'> {
  const fromDer = publicKeyInfoOf(cert.raw);
  if (fromDer !== null) {
    return fromDer;
  }
  // Only for DER our reader does not follow: building a KeyObject is the slow way.
  const details = cert.publicKey.asymmetricKeyDetails;
  return { keyType: cert.publicKey.asymmetricKeyType ?? null, keyBits: details?.modulusLength ?? null, curve: details?.namedCurve ?? null };
}

/**
 * An X509Certificate (a served certificate from `getPeerX509Certificate()`, or one read
 * from a file) as plain data. `selfSigned`: same subject and issuer, and the signature
 * verifies with its own key (checked only when the names match, so only for roots).
 */
export function summarizeX509(cert: X509Certificate, now: number): CertificateSummary {
  const subject = cert.subject.split('\n').join(', ');
  const issuer = cert.issuer.split('\n').join(', ');
  const validTo = new Date(cert.validTo);
  return {
    subject,
    commonName: commonNameOf(subject),
    issuer,
    subjectAltNames: parseSubjectAltNames(cert.subjectAltName),
    serialNumber: cert.serialNumber.toUpperCase(),
    validFrom: new Date(cert.validFrom).toISOString(),
    validTo: validTo.toISOString(),
    daysLeft: daysLeft(validTo, now),
    fingerprint256: cert.fingerprint256,
    ...x509KeyOf(cert),
    signatureAlgorithm: signatureAlgorithmOf(cert.raw),
    isCA: cert.ca,
    selfSigned: subject === issuer && cert.verify(cert.publicKey),
    pem: pemOf(cert.raw),
  };
}
