import { createHash } from 'node:crypto';
import { createSecureContext, type SecureContext } from 'node:tls';
import type { KeyTypeOffer } from './types';

/**
 * What the client offers, as a SecureContext. Restricting the signature algorithms (TLS
 * 1.3 and 1.2) and the TLS 1.2 suites makes a server with RSA and ECDSA certificates
 * present the one asked for, as sslyze and testssl do.
 */

const TLS13_SUITES = 'TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256';

const OFFERS: Readonly<Record<Exclude<KeyTypeOffer, 'any'>, { sigalgs: string; ciphers: string }>> = {
  ecdsa: {
    sigalgs: 'ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:ecdsa_secp521r1_sha512',
    ciphers: `${TLS13_SUITES}:ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305`,
  },
  rsa: {
    sigalgs: 'rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512',
    ciphers: `${TLS13_SUITES}:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305:AES128-GCM-SHA256:AES256-GCM-SHA384`,
  },
};

export interface TrustRoots {
  /** PEM of the extra roots, added to Node's bundled roots. */
  readonly pem: string;
  /** What to call them in the result (a file name). */
  readonly label: string;
}

/** The native half of a SecureContext (`any` in @types/node). */
interface NativeSecureContext {
  addCACert(pem: string): void;
}

// A probe run reuses a handful of offer × trust combinations, so keep them.
const cache = new Map<string, SecureContext>();
const CACHE_LIMIT = 32;

export function secureContextFor(keyType: KeyTypeOffer, roots: TrustRoots | undefined): SecureContext {
  const rootsKey = roots === undefined ? '' : createHash('sha256').update(roots.pem).digest('hex');
  const key = `${keyType}|${rootsKey}`;
  const cached = cache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const offer = keyType === 'any' ? {} : OFFERS[keyType];
  const context = createSecureContext(offer);
  if (roots !== undefined) {
    // Added to the default store, which Node parsed once: the context gets its own copy of
    // it before the first addition, so other contexts never trust these roots. Passing
    // `ca: [...rootCertificates, pem]` parsed ~140 PEM roots again instead, 20–70 ms of
    // every `cfcerts probe --ca` process.
    (context.context as NativeSecureContext).addCACert(roots.pem);
  }
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) {
      cache.delete(oldest);
    }
  }
  cache.set(key, context);
  return context;
}
