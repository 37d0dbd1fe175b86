/** The auto-refresh interval used when the setting is missing or not a number. */
export const defaultAutoRefreshMinutes = 5;
/** The fastest auto-refresh the setting allows. */
export const minAutoRefreshMinutes = 1;
/** A day: longer intervals are no auto-refresh at all in practice. */
export const maxAutoRefreshMinutes = 1440;

export interface CorrectedSetting<T> {
  readonly value: T;
  /** Why the value given was changed, for the log; undefined when it was used as given. */
  readonly problem?: string;
}

/**
 * `autoRefreshMinutes` as a whole number, 0 (off) or 1 to 1440. A fraction of a minute
 * would refresh many times a second, each refresh cancelling the last, so anything
 * between 0 and 1 becomes 1; other fractions are rounded, out-of-range values clamped.
 */
export function autoRefreshMinutes(given: unknown): CorrectedSetting<number> {
  const name = 'cloudflareCertificates.autoRefreshMinutes';
  if (given === undefined) return { value: defaultAutoRefreshMinutes };
  if (typeof given !== 'number' || !Number.isFinite(given)) {
    return { value: defaultAutoRefreshMinutes, problem: `${name} must be a whole number of minutes; using ${defaultAutoRefreshMinutes}.` };
  }
  const corrected = given <= 0 ? 0 : Math.min(maxAutoRefreshMinutes, Math.max(minAutoRefreshMinutes, Math.round(given)));
  if (corrected === given) return { value: given };
  return { value: corrected, problem: `${name} must be 0 (off) or a whole number from 1 to ${maxAutoRefreshMinutes}; using ${corrected} instead of ${given}.` };
}
