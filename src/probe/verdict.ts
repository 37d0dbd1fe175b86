import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { isIP } from 'node:net';
import { daysLeft } from './certificateSummary';
import type { CertificateSummary, Expectation, ProbeFailure, TrustReport, Verdict } from './types';

export const DEFAULT_WARNING_DAYS = 30;

/** What the verdict is judged from: a probe result without its verdict. */
export interface VerdictInput {
  readonly error: ProbeFailure | null;
  readonly trust: TrustReport | null;
  readonly hostnameMatch: boolean | null;
  readonly chain: readonly CertificateSummary[];
}

export interface VerdictOptions {
  readonly now: number;
  readonly warningDays?: number;
}

export interface VerdictReport {
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
}

function failureVerdict(error: ProbeFailure): Verdict {
  switch (error.code) {
    case 'dns':
      return 'dns-failed';
    case 'timeout':
      return 'timeout';
    case 'refused':
    case 'unreachable':
      return 'unreachable';
    default:
      // A reset before TCP was up means nothing listens; after it, the handshake failed.
      return error.stage === 'connect' ? 'unreachable' : 'handshake-failed';
  }
}

export function normalizeSerial(serial: string): string {
  return serial.replace(/[:\s]/g, '').replace(/^0+(?=.)/, '').toUpperCase();
}

/** A name the leaf's SANs cover, judged the way TLS clients do. */
export function certificateCovers(leaf: CertificateSummary, name: string): boolean {
  const ascii = name.toLowerCase().replace(/\.$/, '');
  const altnames = leaf.subjectAltNames.map((value) => (isIP(value) === 0 ? `DNS:${value}` : `IP Address:${value}`)).join(', ');
  const peer = { subject: { CN: leaf.commonName ?? '' }, subjectaltname: altnames } as unknown as PeerCertificate;
  return checkServerIdentity(ascii, peer) === undefined;
}

/** Reasons the served leaf is not the one expected; empty when it matches or nothing is expected. */
export function expectationMismatches(leaf: CertificateSummary, expectation: Expectation | undefined): string[] {
  if (expectation === undefined) {
    return [];
  }
  const reasons: string[] = [];
  if (expectation.serialNumber !== undefined && normalizeSerial(expectation.serialNumber) !== normalizeSerial(leaf.serialNumber)) {
    reasons.push(`Serial ${leaf.serialNumber} is served; ${normalizeSerial(expectation.serialNumber)} was expected.`);
  }
  if (expectation.issuer !== undefined && !leaf.issuer.toLowerCase().includes(expectation.issuer.toLowerCase())) {
    reasons.push(`Issuer "${leaf.issuer}" does not match the expected "${expectation.issuer}".`);
  }
  const uncovered = (expectation.hostnames ?? []).filter((name) => !certificateCovers(leaf, name));
  if (uncovered.length > 0) {
    reasons.push(`The served certificate does not cover ${uncovered.join(', ')}.`);
  }
  if (expectation.expiresOn !== undefined) {
    const expected = new Date(expectation.expiresOn).getTime();
    // The API rounds some dates; a minute of slack keeps the same certificate a match.
    if (!Number.isNaN(expected) && Math.abs(expected - new Date(leaf.validTo).getTime()) > 60_000) {
      reasons.push(`It expires ${leaf.validTo}; ${new Date(expected).toISOString()} was expected.`);
    }
  }
  return reasons;
}

/**
 * The one verdict a probe earns, in a fixed order of precedence: a failure to connect
 * outranks anything about the certificate, and expiry outranks trust because an expired
 * certificate is also untrusted and "expired" says more.
 */
export function judgeProbe(input: VerdictInput, expectation: Expectation | undefined, options: VerdictOptions): VerdictReport {
  if (input.error !== null) {
    return { verdict: failureVerdict(input.error), reasons: [input.error.message] };
  }
  const leaf = input.chain[0];
  if (leaf === undefined) {
    return { verdict: 'handshake-failed', reasons: ['The server sent no certificate.'] };
  }
  const validTo = new Date(leaf.validTo).getTime();
  const validFrom = new Date(leaf.validFrom).getTime();
  if (validTo < options.now || input.trust?.error === 'CERT_HAS_EXPIRED') {
    return { verdict: 'expired', reasons: [validTo < options.now ? `The certificate expired on ${leaf.validTo}.` : 'A certificate in the chain has expired.'] };
  }
  if (validFrom > options.now || input.trust?.error === 'CERT_NOT_YET_VALID') {
    return { verdict: 'not-yet-valid', reasons: [validFrom > options.now ? `The certificate is valid only from ${leaf.validFrom}.` : 'A certificate in the chain is not valid yet.'] };
  }
  if (input.trust !== null && !input.trust.authorized) {
    return { verdict: 'untrusted', reasons: [`The chain is not trusted (${input.trust.error ?? 'unknown reason'}).`] };
  }
  if (input.hostnameMatch === false) {
    return { verdict: 'hostname-mismatch', reasons: [`The certificate does not cover the name probed (it covers ${leaf.subjectAltNames.join(', ') || leaf.subject}).`] };
  }
  const mismatches = expectationMismatches(leaf, expectation);
  if (mismatches.length > 0) {
    return { verdict: 'unexpected-certificate', reasons: mismatches };
  }
  const warningDays = options.warningDays ?? DEFAULT_WARNING_DAYS;
  // Recomputed from validTo so a stored result can be judged again later.
  const left = daysLeft(new Date(validTo), options.now);
  if (left < warningDays) {
    return { verdict: 'expiring', reasons: [`The certificate expires in ${left} days (${leaf.validTo}).`] };
  }
  return { verdict: 'ok', reasons: [`Trusted, covers the name, ${left} days left.`] };
}
