import type { CertificateSummary, Expectation, ProbeResult, VerdictReport } from '../probe';
import { loadProbe } from '../probe/load';
import { issuerMatches, issuerOrganisation, type ExpectedCertificate } from './expectedCertificates';

/** One line of "what the API says" against "what the edge served". */
export interface ComparisonRow {
  readonly field: string;
  readonly expected: string;
  readonly served: string;
  /** Null when nothing was served to compare. */
  readonly matches: boolean | null;
}

export interface ApiJudgement {
  /** The result judged again with the API's expectation: verdict and reasons replaced. */
  readonly result: ProbeResult;
  /** The API certificate the served one was compared with. */
  readonly expected?: ExpectedCertificate;
  readonly rows: readonly ComparisonRow[];
}

function servedKeyType(leaf: CertificateSummary): 'rsa' | 'ecdsa' | undefined {
  if (leaf.keyType === 'ec') return 'ecdsa';
  return leaf.keyType === 'rsa' || leaf.keyType === 'rsa-pss' ? 'rsa' : undefined;
}

/** The API certificate to compare with: the one with the served serial, else the served key type, else the first. */
function counterpart(candidates: readonly ExpectedCertificate[], leaf: CertificateSummary | undefined): ExpectedCertificate | undefined {
  if (leaf === undefined) return candidates[0];
  const serial = loadProbe().normalizeSerial(leaf.serialNumber);
  return (
    candidates.find((candidate) => candidate.serialNumber !== undefined && loadProbe().normalizeSerial(candidate.serialNumber) === serial) ??
    candidates.find((candidate) => candidate.keyType !== undefined && candidate.keyType === servedKeyType(leaf)) ??
    candidates[0]
  );
}

const MINUTE = 60_000;

/**
 * Node's name check throws on alternative names it cannot split (a certificate may carry
 * anything): such a certificate does not cover the name.
 */
function covers(leaf: CertificateSummary, host: string): boolean {
  try {
    return loadProbe().certificateCovers(leaf, host);
  } catch {
    return false;
  }
}

function rowsFor(expected: ExpectedCertificate, leaf: CertificateSummary | undefined): ComparisonRow[] {
  const rows: ComparisonRow[] = [];
  const add = (field: string, want: string, served: (leaf: CertificateSummary) => string, matches: (leaf: CertificateSummary) => boolean): void => {
    rows.push(leaf === undefined ? { field, expected: want, served: '—', matches: null } : { field, expected: want, served: served(leaf), matches: matches(leaf) });
  };
  if (expected.hosts.length > 0) {
    add('Names', expected.hosts.join(', '), (leaf) => leaf.subjectAltNames.join(', ') || leaf.subject, (leaf) => expected.hosts.every((host) => covers(leaf, host)));
  }
  if (expected.serialNumber !== undefined) {
    const serial = expected.serialNumber;
    add('Serial number', loadProbe().normalizeSerial(serial), (leaf) => leaf.serialNumber, (leaf) => loadProbe().normalizeSerial(leaf.serialNumber) === loadProbe().normalizeSerial(serial));
  }
  if (expected.issuer !== undefined) {
    const issuer = expected.issuer;
    const organisation = issuerOrganisation(issuer);
    const shown = organisation === undefined || organisation === issuer ? issuer : `${issuer} (${organisation})`;
    add('Issuer', shown, (leaf) => leaf.issuer, (leaf) => issuerMatches(issuer, leaf.issuer));
  }
  if (expected.expiresOn !== undefined) {
    const expires = new Date(expected.expiresOn);
    const shown = Number.isNaN(expires.getTime()) ? expected.expiresOn : expires.toISOString();
    add('Expires', shown, (leaf) => leaf.validTo, (leaf) => Math.abs(expires.getTime() - new Date(leaf.validTo).getTime()) <= MINUTE);
  }
  if (expected.keyType !== undefined) {
    const keyType = expected.keyType;
    add('Key type', keyType.toUpperCase(), (leaf) => (servedKeyType(leaf) ?? leaf.keyType ?? 'unknown').toUpperCase(), (leaf) => servedKeyType(leaf) === keyType);
  }
  return rows;
}

/**
 * Judges a probe result against what the API says should be served. The probe runs
 * without an expectation; afterwards the served leaf picks its API counterpart (a pack
 * has one per key type), and the engine's own judgeProbe decides again with it, so the
 * precedence of verdicts stays the engine's. The issuer is compared loosely here
 * (`GoogleTrustServices` is `O=Google Trust Services`), then handed to the engine as
 * matched or not.
 */
export function judgeAgainstApi(result: ProbeResult, candidates: readonly ExpectedCertificate[], options: { readonly warningDays: number }): ApiJudgement {
  const leaf = result.chain[0];
  const expected = counterpart(candidates, leaf);
  if (expected === undefined) return { result, rows: [] };
  const issuer = expected.issuer === undefined || leaf === undefined ? undefined : issuerMatches(expected.issuer, leaf.issuer) ? leaf.issuer : expected.issuer;
  const expectation: Expectation = {
    ...(expected.hosts.length > 0 ? { hostnames: expected.hosts } : {}),
    ...(expected.serialNumber === undefined ? {} : { serialNumber: expected.serialNumber }),
    ...(expected.expiresOn === undefined || Number.isNaN(Date.parse(expected.expiresOn)) ? {} : { expiresOn: expected.expiresOn }),
    ...(issuer === undefined ? {} : { issuer }),
  };
  const judged = judgeSafely(result, expectation, options.warningDays);
  return { result: { ...result, verdict: judged.verdict, reasons: judged.reasons }, expected, rows: rowsFor(expected, leaf) };
}

function judgeSafely(result: ProbeResult, expectation: Expectation, warningDays: number): VerdictReport {
  const input = { error: result.error, trust: result.trust, hostnameMatch: result.hostnameMatch, chain: result.chain };
  const options = { now: Date.parse(result.probedAt), warningDays };
  try {
    return loadProbe().judgeProbe(input, expectation, options);
  } catch {
    // Only the name check can throw (see covers): judge the rest, and say the names differ.
    const rest = loadProbe().judgeProbe(input, { ...expectation, hostnames: [] }, options);
    const reason = 'The served certificate carries names that cannot be compared with the API.';
    return rest.verdict === 'ok' || rest.verdict === 'expiring' ? { verdict: 'unexpected-certificate', reasons: [reason] } : rest.verdict === 'unexpected-certificate' ? { verdict: rest.verdict, reasons: [...rest.reasons, reason] } : rest;
  }
}
