import type { Verdict } from './types';

/** Verdicts from worst to best. A file of its own: the explorer sorts by it without loading the probe. */
export const VERDICT_ORDER: readonly Verdict[] = ['dns-failed', 'unreachable', 'timeout', 'handshake-failed', 'expired', 'not-yet-valid', 'untrusted', 'hostname-mismatch', 'unexpected-certificate', 'expiring', 'ok'];

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  return verdicts.reduce<Verdict>((worst, verdict) => (VERDICT_ORDER.indexOf(verdict) < VERDICT_ORDER.indexOf(worst) ? verdict : worst), 'ok');
}
