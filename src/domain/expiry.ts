/**
 * Expiry rules: how urgent a certificate's expiry date is.
 *
 * Two kinds of certificate, two sets of rules (docs/cloudflare-cert-lifecycle.md §4):
 *
 * **Certificates the user renews** (uploaded custom certificates, client certificates):
 * Cloudflare never renews them, so the thresholds apply as they are: `warning` from
 * `warningDays` (30) days left, `error` (critical) from `criticalDays` (7), `error` once
 * expired.
 *
 * **Managed certificates** (Universal, Advanced, Total TLS, custom hostname certificates):
 * Cloudflare renews them itself, starting a fixed number of days before expiry (the
 * renewal lead: 30 days for 90- and 365-day certificates and custom hostnames, 7 for
 * 30-day, 3 for 14-day) and retrying until 24 hours before expiry. Being inside 30 days
 * is therefore normal and stays quiet while renewal is on schedule:
 * - before the renewal window: `ok`;
 * - in the window, renewal started: `ok` ("under way"); `warning` if it still has not
 *   finished by the managed critical point (below);
 * - in the window, renewal known not to have started: `ok` for a short grace period after
 *   the window opens (one day, or a seventh of the window if that is shorter), then
 *   `warning` ("late"), and `error` from the managed critical point;
 * - in the window, renewal state unknown: `ok` until the managed critical point, then
 *   `warning` (a certificate still current by then has most likely not been renewed);
 * - in the last 24 hours: `error`, whatever the renewal state (Cloudflare has stopped
 *   trying by then);
 * - expired: `error`.
 * The managed critical point is `criticalDays`, but never more than half the renewal lead,
 * so a 14-day certificate (lead 3 days) is not critical for all of its renewal window.
 * `warningDays` does not apply to managed certificates: the renewal window replaces it.
 *
 * Days are whole days left, rounded down (`daysLeft`, what the UI shows as "N d left"),
 * and the thresholds compare against that number: with the defaults, "30 d left" is a
 * warning and "7 d left" is critical. `daysLeft` is negative once expired; a certificate is
 * still valid at its exact Not After instant.
 */
import { type Severity } from './status/types';

export interface ExpiryThresholds {
  /** Warn at this many whole days left or fewer (certificates the user renews). */
  readonly warningDays: number;
  /** Critical (`error`) at this many whole days left or fewer. */
  readonly criticalDays: number;
}

export const DEFAULT_EXPIRY_THRESHOLDS: ExpiryThresholds = Object.freeze({ warningDays: 30, criticalDays: 7 });

/**
 * Where a certificate stands with renewal:
 * - `manual`: the user renews it (uploaded or client certificate);
 * - `notDue`: managed, renewal window not open yet;
 * - `due`: managed, window just opened, renewal not started yet (within the grace period);
 * - `underWay`: managed, renewal started;
 * - `unknown`: managed, in the window, renewal state not known (and not yet late);
 * - `late`: managed, renewal has not started or finished when it should have;
 * - `failed`: managed, and it expired anyway.
 */
export type RenewalState = 'manual' | 'notDue' | 'due' | 'underWay' | 'unknown' | 'late' | 'failed';

export interface ExpiryAssessment {
  /** Whole days left, rounded down; negative once expired. */
  readonly daysLeft: number;
  readonly severity: Severity;
  /** One or two sentences for a tooltip: how urgent, and what to do. */
  readonly reason: string;
  readonly managed: boolean;
  /** Short text for a tree description: "23 d left", "expires today", "expired 3 d ago". */
  readonly shortLabel: string;
  readonly expired: boolean;
  /** The expiry instant, in milliseconds since the epoch. */
  readonly expiresAt: number;
  readonly renewal: RenewalState;
  /** For managed certificates: days before expiry that Cloudflare starts renewing. */
  readonly renewalLeadDays?: number;
}

export interface ExpiryInput {
  /** The certificate's Not After: an RFC 3339 string (fractional seconds welcome) or a Date. */
  readonly expiresOn: string | Date | undefined;
  /** True when Cloudflare renews it (Universal, Advanced, Total TLS, custom hostname certificates). */
  readonly managed: boolean;
  /**
   * Managed only: has the renewal begun (a renewal order, new validation records, a
   * replacement certificate in the pack)? Leave it out when unknown.
   */
  readonly renewalStarted?: boolean;
  /** The current time, in milliseconds since the epoch (from a Clock). */
  readonly now: number;
  readonly thresholds?: ExpiryThresholds;
  /** Managed only: the certificate's validity (`validity_days`: 14, 30, 90, 365), which sets the renewal lead. */
  readonly validityDays?: number;
  /** Managed only: overrides the renewal lead derived from `validityDays`. */
  readonly renewalLeadDays?: number;
}

export const DAY_MS = 86_400_000;

/** Cloudflare's renewal lead by validity period (§4): renewal starts this many days before expiry. */
export const RENEWAL_LEAD_DAYS_BY_VALIDITY: ReadonlyMap<number, number> = new Map([
  [365, 30],
  [90, 30],
  [30, 7],
  [14, 3],
]);

/** The renewal lead used when the validity is unknown: that of 90-day certificates and custom hostnames. */
export const DEFAULT_RENEWAL_LEAD_DAYS = 30;

/** Days before expiry that Cloudflare starts renewing a managed certificate of this validity. */
export function renewalLeadDays(validityDays?: number): number {
  return (validityDays === undefined ? undefined : RENEWAL_LEAD_DAYS_BY_VALIDITY.get(validityDays)) ?? DEFAULT_RENEWAL_LEAD_DAYS;
}

/** Thresholds made sane: non-finite or negative values fall back to the defaults, critical never exceeds warning. */
export function normalizeThresholds(thresholds?: Partial<ExpiryThresholds>): ExpiryThresholds {
  const pick = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
  const warningDays = pick(thresholds?.warningDays, DEFAULT_EXPIRY_THRESHOLDS.warningDays);
  const criticalDays = Math.min(pick(thresholds?.criticalDays, DEFAULT_EXPIRY_THRESHOLDS.criticalDays), warningDays);
  return { warningDays, criticalDays };
}

/** Parses an expiry date leniently; undefined when it is missing or not a date. */
export function parseExpiry(expiresOn: unknown): number | undefined {
  let time: number;
  if (expiresOn instanceof Date) {
    time = expiresOn.getTime();
  } else if (typeof expiresOn === 'string' && expiresOn.trim() !== '' && expiresOn.length <= 64) {
    time = Date.parse(expiresOn.trim());
  } else {
    return undefined;
  }
  return Number.isFinite(time) ? time : undefined;
}

/** How urgent the expiry is; undefined when there is no usable expiry date (or no usable `now`). */
export function assessExpiry(input: ExpiryInput): ExpiryAssessment | undefined {
  const expiresAt = parseExpiry(input.expiresOn);
  if (expiresAt === undefined || typeof input.now !== 'number' || !Number.isFinite(input.now)) {
    return undefined;
  }
  const msLeft = expiresAt - input.now;
  const daysLeft = Math.floor(msLeft / DAY_MS);
  const expired = msLeft < 0;
  const thresholds = normalizeThresholds(input.thresholds);
  const base = { daysLeft, expired, expiresAt, shortLabel: shortLabel(msLeft) };
  return input.managed === true
    ? { ...base, managed: true, ...assessManaged(input, msLeft, daysLeft, thresholds) }
    : { ...base, managed: false, renewal: 'manual', ...assessManual(msLeft, daysLeft, thresholds) };
}

function assessManual(
  msLeft: number,
  daysLeft: number,
  thresholds: ExpiryThresholds,
): { severity: Severity; reason: string } {
  const never = 'Cloudflare never renews certificates you upload or create yourself';
  if (msLeft < 0) {
    return { severity: 'error', reason: `${expiredText(msLeft)}. ${never}: replace it.` };
  }
  if (daysLeft <= thresholds.criticalDays) {
    return { severity: 'error', reason: `${expiresText(daysLeft)}. ${never}: replace it now.` };
  }
  if (daysLeft <= thresholds.warningDays) {
    return { severity: 'warning', reason: `${expiresText(daysLeft)}. ${never}: replace it before then.` };
  }
  return { severity: 'ok', reason: `${expiresText(daysLeft)}. ${never}: plan the replacement.` };
}

function assessManaged(
  input: ExpiryInput,
  msLeft: number,
  daysLeft: number,
  thresholds: ExpiryThresholds,
): { severity: Severity; reason: string; renewal: RenewalState; renewalLeadDays: number } {
  const lead = pickLead(input);
  const result = (severity: Severity, renewal: RenewalState, reason: string) => ({
    severity,
    renewal,
    reason,
    renewalLeadDays: lead,
  });
  const check = 'check its validation errors, DCV tokens and CAA records';

  if (msLeft < 0) {
    return result('error', 'failed', `${expiredText(msLeft)} without being renewed: ${check}, then restart the order.`);
  }
  if (msLeft <= DAY_MS) {
    return result(
      'error',
      'late',
      `${expiresText(daysLeft)} and is still not renewed; Cloudflare stops retrying 24 hours before expiry: ${check}.`,
    );
  }
  const started = input.renewalStarted;
  if (msLeft > lead * DAY_MS) {
    return started === true
      ? result('ok', 'underWay', `${expiresText(daysLeft)}; renewal is under way.`)
      : result('ok', 'notDue', `${expiresText(daysLeft)}; Cloudflare renews it by itself from ${lead} days before expiry.`);
  }

  const criticalDays = Math.min(thresholds.criticalDays, lead / 2);
  const critical = daysLeft <= criticalDays;
  if (started === true) {
    return critical
      ? result('warning', 'late', `${expiresText(daysLeft)}; renewal started but has not finished: ${check}.`)
      : result('ok', 'underWay', `${expiresText(daysLeft)}; renewal is under way.`);
  }
  if (started === false) {
    const graceMs = Math.min(DAY_MS, (lead * DAY_MS) / 7);
    if (lead * DAY_MS - msLeft <= graceMs) {
      return result('ok', 'due', `${expiresText(daysLeft)}; the renewal window just opened and Cloudflare should start renewing it shortly.`);
    }
    return result(
      critical ? 'error' : 'warning',
      'late',
      `${expiresText(daysLeft)}; renewal should have started ${lead} days before expiry and has not: ${check}.`,
    );
  }
  return critical
    ? result(
        'warning',
        'late',
        `${expiresText(daysLeft)} and is not renewed yet, although Cloudflare starts ${lead} days before expiry: ${check}.`,
      )
    : result('ok', 'unknown', `${expiresText(daysLeft)}; Cloudflare renews it by itself from ${lead} days before expiry.`);
}

function pickLead(input: ExpiryInput): number {
  const override = input.renewalLeadDays;
  if (typeof override === 'number' && Number.isFinite(override) && override > 0) {
    return override;
  }
  return renewalLeadDays(input.validityDays);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function expiresText(daysLeft: number): string {
  return daysLeft === 0 ? 'Expires within a day' : `Expires in ${plural(daysLeft, 'day')}`;
}

function expiredText(msLeft: number): string {
  const ago = Math.floor(-msLeft / DAY_MS);
  return ago === 0 ? 'Expired within the last day' : `Expired ${plural(ago, 'day')} ago`;
}

function shortLabel(msLeft: number): string {
  if (msLeft < 0) {
    const ago = Math.floor(-msLeft / DAY_MS);
    return ago === 0 ? 'expired today' : `expired ${ago} d ago`;
  }
  const left = Math.floor(msLeft / DAY_MS);
  return left === 0 ? 'expires today' : `${left} d left`;
}
