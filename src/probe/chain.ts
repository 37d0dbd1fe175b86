import type { X509Certificate } from 'node:crypto';
import { summarizeX509 } from './certificateSummary';
import type { CertificateSummary } from './types';

const MAX_DEPTH = 16;

/**
 * The chain exactly as the server sent it, in its order: Node links each certificate from
 * `getPeerX509Certificate()` to the next one served. Unlike `getPeerCertificate(true)`,
 * this neither reorders nor adds a root from the local trust store, so a misordered chain
 * or a stray certificate shows as it is, and it is cheaper.
 */
export function summarizeChain(leaf: X509Certificate | undefined, now: number): CertificateSummary[] {
  const chain: CertificateSummary[] = [];
  const seen = new Set<string>();
  let current = leaf;
  while (current !== undefined && chain.length < MAX_DEPTH) {
    const summary = summarizeX509(current, now);
    if (seen.has(summary.fingerprint256)) {
      break;
    }
    seen.add(summary.fingerprint256);
    chain.push(summary);
    current = current.issuerCertificate;
  }
  return chain;
}
