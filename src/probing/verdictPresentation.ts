import type { Verdict } from '../probe';
import { VERDICT_ORDER } from '../probe/verdictOrder';

const labels: Readonly<Record<Verdict, string>> = {
  'dns-failed': 'DNS failed',
  unreachable: 'Unreachable',
  timeout: 'Timeout',
  'handshake-failed': 'Handshake failed',
  expired: 'Expired',
  'not-yet-valid': 'Not yet valid',
  untrusted: 'Untrusted',
  'hostname-mismatch': 'Hostname mismatch',
  'unexpected-certificate': 'Unexpected certificate',
  expiring: 'Expiring',
  ok: 'OK',
};

/** What each verdict means for the user, as the callout's title. */
const headlines: Readonly<Record<Verdict, string>> = {
  'dns-failed': 'The name does not resolve',
  unreachable: 'Nothing answers at the target',
  timeout: 'The target did not answer in time',
  'handshake-failed': 'The TLS handshake failed',
  expired: 'The served certificate has expired',
  'not-yet-valid': 'The served certificate is not valid yet',
  untrusted: 'The served chain is not trusted',
  'hostname-mismatch': 'The served certificate does not cover the name',
  'unexpected-certificate': 'A certificate is served, but not the one the API describes',
  expiring: 'The expected certificate is served, and expires soon',
  ok: 'The expected certificate is served',
};

export function verdictLabel(verdict: Verdict): string {
  return labels[verdict];
}

/** Without an API object to compare with, "expected" would claim more than was checked. */
const uncomparedHeadlines: Partial<Record<Verdict, string>> = {
  expiring: 'A trusted certificate covering the name is served, and expires soon',
  ok: 'A trusted certificate covering the name is served',
};

export function verdictHeadline(verdict: Verdict, compared = true): string {
  return (compared ? undefined : uncomparedHeadlines[verdict]) ?? headlines[verdict];
}

/** "42 probed: 39 OK, 2 untrusted, 1 timeout": the most frequent first, the worst first among equals. */
export function summarizeVerdicts(verdicts: readonly Verdict[]): string {
  const counts = new Map<Verdict, number>();
  for (const verdict of verdicts) counts.set(verdict, (counts.get(verdict) ?? 0) + 1);
  const parts = [...counts]
    .sort(([a, countA], [b, countB]) => countB - countA || VERDICT_ORDER.indexOf(a) - VERDICT_ORDER.indexOf(b))
    .map(([verdict, count]) => `${count} ${verdict === 'ok' ? 'OK' : labels[verdict].toLowerCase()}`);
  return parts.length === 0 ? '0 probed' : `${verdicts.length} probed: ${parts.join(', ')}`;
}
