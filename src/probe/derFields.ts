/**
 * The few certificate fields the probe needs that Node does not expose cheaply, read
 * straight from the DER: the signature algorithm (not exposed at all) and the public key's
 * type and size (X509Certificate.publicKey builds a KeyObject, which costs more than the
 * rest of a probe's bookkeeping together; the benchmark holds a probe to 1.2× a bare
 * tls.connect).
 */

const NAMES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'RSASSA-PSS',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

interface Header {
  readonly tag: number;
  readonly length: number;
  /** Offset of the first content byte. */
  readonly start: number;
}

function readHeader(der: Uint8Array, offset: number): Header | undefined {
  const tag = der[offset];
  const first = der[offset + 1];
  if (tag === undefined || first === undefined) {
    return undefined;
  }
  if (first < 0x80) {
    return { tag, length: first, start: offset + 2 };
  }
  const count = first & 0x7f;
  if (count === 0 || count > 4) {
    return undefined;
  }
  let length = 0;
  for (let index = 0; index < count; index++) {
    const byte = der[offset + 2 + index];
    if (byte === undefined) {
      return undefined;
    }
    length = length * 256 + byte;
  }
  return { tag, length, start: offset + 2 + count };
}

function decodeOid(der: Uint8Array, start: number, length: number): string | undefined {
  const first = der[start];
  if (first === undefined || start + length > der.length) {
    return undefined;
  }
  const parts = [Math.min(2, Math.floor(first / 40)), first - Math.min(2, Math.floor(first / 40)) * 40];
  let value = 0;
  for (let index = start + 1; index < start + length; index++) {
    const byte = der[index] ?? 0;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

const SEQUENCE = 0x30;
const OID = 0x06;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const VERSION_TAG = 0xa0;

const KEY_TYPES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.1.1': 'rsa',
  '1.2.840.113549.1.1.10': 'rsa-pss',
  '1.2.840.10045.2.1': 'ec',
  '1.3.101.112': 'ed25519',
  '1.3.101.113': 'ed448',
  '1.2.840.10040.4.1': 'dsa',
};

const CURVES: Readonly<Record<string, { readonly name: string; readonly bits: number }>> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256 },
  '1.3.132.0.34': { name: 'P-384', bits: 384 },
  '1.3.132.0.35': { name: 'P-521', bits: 521 },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
};

export interface PublicKeyInfo {
  readonly keyType: string | null;
  readonly keyBits: number | null;
  readonly curve: string | null;
}

function oidAt(der: Uint8Array, offset: number): string | undefined {
  const header = readHeader(der, offset);
  return header?.tag === OID ? decodeOid(der, header.start, header.length) : undefined;
}

function rsaModulusBits(der: Uint8Array, bitString: Header): number | null {
  // BIT STRING: one "unused bits" byte, then RSAPublicKey ::= SEQUENCE { modulus INTEGER, … }.
  const key = readHeader(der, bitString.start + 1);
  const modulus = key?.tag === SEQUENCE ? readHeader(der, key.start) : undefined;
  if (modulus?.tag !== INTEGER) {
    return null;
  }
  let start = modulus.start;
  let length = modulus.length;
  while (length > 0 && der[start] === 0) {
    start++;
    length--;
  }
  const first = der[start] ?? 0;
  return length === 0 ? 0 : (length - 1) * 8 + (32 - Math.clz32(first));
}

/** Key type, size and curve from the SubjectPublicKeyInfo; null for malformed DER. */
export function publicKeyInfoOf(der: Uint8Array): PublicKeyInfo | null {
  const certificate = readHeader(der, 0);
  const tbs = certificate?.tag === SEQUENCE ? readHeader(der, certificate.start) : undefined;
  if (tbs?.tag !== SEQUENCE) {
    return null;
  }
  // version [0] (optional), serial, signature, issuer, validity, subject, then the key.
  let offset = tbs.start;
  let field = readHeader(der, offset);
  if (field?.tag === VERSION_TAG) {
    offset = field.start + field.length;
  }
  for (let skip = 0; skip < 5; skip++) {
    field = readHeader(der, offset);
    if (field === undefined) {
      return null;
    }
    offset = field.start + field.length;
  }
  const spki = readHeader(der, offset);
  const algorithm = spki?.tag === SEQUENCE ? readHeader(der, spki.start) : undefined;
  if (spki === undefined || algorithm?.tag !== SEQUENCE) {
    return null;
  }
  const algorithmOid = oidAt(der, algorithm.start);
  const keyType = algorithmOid === undefined ? null : (KEY_TYPES[algorithmOid] ?? algorithmOid);
  if (keyType === 'ec') {
    const oidHeader = readHeader(der, algorithm.start);
    const curveOid = oidHeader === undefined ? undefined : oidAt(der, oidHeader.start + oidHeader.length);
    const curve = curveOid === undefined ? undefined : CURVES[curveOid];
    return { keyType, keyBits: curve?.bits ?? null, curve: curve?.name ?? curveOid ?? null };
  }
  if (keyType === 'rsa' || keyType === 'rsa-pss') {
    const bitString = readHeader(der, algorithm.start + algorithm.length);
    return { keyType, keyBits: bitString?.tag === BIT_STRING ? rsaModulusBits(der, bitString) : null, curve: null };
  }
  return { keyType, keyBits: null, curve: null };
}

/** The name of the algorithm the issuer signed with (sha256WithRSAEncryption, ecdsa-with-SHA256, …), or its OID when unknown; null for malformed DER. */
export function signatureAlgorithmOf(der: Uint8Array): string | null {
  const certificate = readHeader(der, 0);
  if (certificate?.tag !== SEQUENCE) {
    return null;
  }
  const tbs = readHeader(der, certificate.start);
  if (tbs?.tag !== SEQUENCE) {
    return null;
  }
  const algorithm = readHeader(der, tbs.start + tbs.length);
  if (algorithm?.tag !== SEQUENCE) {
    return null;
  }
  const oid = readHeader(der, algorithm.start);
  if (oid?.tag !== OID) {
    return null;
  }
  const dotted = decodeOid(der, oid.start, oid.length);
  return dotted === undefined ? null : (NAMES[dotted] ?? dotted);
}
