import type { Actor } from '../domain/status';

/**
 * A finding judges one check, on its own scale: it never changes the object's status
 * severity. `unknown` means the check could not tell (a DNS timeout, SERVFAIL, an API
 * call that failed): never `ok`, never a problem.
 */
export type FindingSeverity = 'ok' | 'info' | 'warning' | 'error' | 'unknown';

export type CheckName = 'caa' | 'txt' | 'dcv-delegation' | 'cname' | 'proxied' | 'ownership' | 'http' | 'dns';

/** The record (or request) that would resolve a problem, ready to copy. */
export interface Fix {
  readonly action: 'add' | 'replace' | 'remove' | 'change';
  /** A DNS record type, or `HTTP` for a file to serve. */
  readonly type: string;
  readonly name: string;
  readonly value: string;
  /** One sentence a person can follow. */
  readonly text: string;
}

export interface Finding {
  readonly check: CheckName;
  /** Stable: `<check>-ok`, `<check>-unknown`, or a problem code such as `caa-blocks-ca`. */
  readonly code: string;
  readonly severity: FindingSeverity;
  /** Who acts next, in the status catalog's vocabulary. */
  readonly actor: Actor;
  /** The DNS name (or URL) concerned. */
  readonly name: string;
  readonly message: string;
  readonly fix: Fix | null;
  /** ISO time the answer was seen. */
  readonly checkedAt: string;
}

/** Worst first: what sorts diagnoses and decides the summary. */
const rank: Readonly<Record<FindingSeverity, number>> = { error: 0, unknown: 1, warning: 2, info: 3, ok: 4 };

export function severityRank(severity: FindingSeverity): number {
  return rank[severity];
}

export function worstSeverity(findings: readonly Finding[]): FindingSeverity {
  return findings.reduce<FindingSeverity>((worst, finding) => (rank[finding.severity] < rank[worst] ? finding.severity : worst), 'ok');
}

/** Whether a finding makes `cfcerts diagnose` exit 1: anything but ok and info. */
export function isProblemOrUnknown(severity: FindingSeverity): boolean {
  return severity === 'error' || severity === 'warning' || severity === 'unknown';
}
