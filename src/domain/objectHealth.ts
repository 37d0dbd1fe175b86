import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, FallbackOrigin, Zone } from '../cloudflare';
import { assessExpiry, type ExpiryAssessment, type ExpiryThresholds } from './expiry';
import { assess, describeStatus, worstSeverity, type Assessment, type Severity } from './status';

/** A certificate object the explorer lists, tagged with its catalog kind. */
export type CertificateObject =
  | { readonly kind: 'certificatePack'; readonly object: CertificatePack }
  | { readonly kind: 'customCertificate'; readonly object: CustomCertificate }
  | { readonly kind: 'customHostname'; readonly object: CustomHostname }
  | { readonly kind: 'clientCertificate'; readonly object: ClientCertificate };

/**
 * Anything whose health is judged: the certificate objects, plus the zone and its
 * fallback origin, which have a status but no expiry. The CLI lists all of them.
 */
export type JudgedObject = CertificateObject | { readonly kind: 'zone'; readonly object: Zone } | { readonly kind: 'fallbackOrigin'; readonly object: FallbackOrigin };

/** The kinds of certificate object (a subset of the catalog's `ObjectKind`). */
export type CertificateKind = CertificateObject['kind'];

export interface HealthContext {
  readonly now: number;
  readonly thresholds: ExpiryThresholds;
}

export interface ObjectHealth {
  readonly status: Assessment;
  /** Present when the object has an expiry that matters in its current status. */
  readonly expiry?: ExpiryAssessment;
  /** The worse of status and expiry: what the icon, counts and sorting use. */
  readonly severity: Severity;
}

/**
 * How bad one object is, from its status, its expiry and whether Cloudflare renews it.
 * The one rule behind the item's icon, its group's "needs action" count, the zone's worst
 * status, the worst-first order, the badge, the status bar, the notifications, the panels
 * and `cfcerts inventory` (table, JSON and exit code), so they always agree.
 */
export function objectHealth(item: JudgedObject, context: HealthContext): ObjectHealth {
  const status = assess(item.kind, item.object);
  const expiry = expiryOf(item, status.severity, context);
  return { status, ...(expiry === undefined ? {} : { expiry }), severity: worstSeverity([status.severity, ...(expiry ? [expiry.severity] : [])]) };
}

/**
 * The one word for "someone has to act on this": its health (status and expiry together)
 * is a warning or an error. The badge, the counts, the notifications and the CLI's exit
 * code all ask this, and nothing else.
 */
export function needsAction(severity: Severity): boolean {
  return severity === 'warning' || severity === 'error';
}

function expiryOf(item: JudgedObject, statusSeverity: Severity, context: HealthContext): ExpiryAssessment | undefined {
  switch (item.kind) {
    case 'zone':
    case 'fallbackOrigin':
      return undefined;
    case 'certificatePack': {
      // A pack is as close to expiry as its earliest certificate; Cloudflare renews it.
      const validityDays = item.object.validity_days ?? undefined;
      return earliest((item.object.certificates ?? []).map((certificate) => certificateExpiry(certificate.expires_on, true, context, validityDays)));
    }
    case 'customCertificate':
      // A deleted upload is off the edge: its expiry is nobody's problem any more.
      return statusSeverity === 'inactive' && describeStatus('customCertificate', item.object.status).known ? undefined : certificateExpiry(item.object.expires_on, false, context);
    case 'customHostname':
      // Only a certificate that is being served can be close to expiry.
      return statusSeverity === 'ok' ? certificateExpiry(item.object.ssl?.expires_on, true, context) : undefined;
    case 'clientCertificate':
      return statusSeverity === 'ok' ? certificateExpiry(item.object.expires_on, false, context) : undefined;
  }
}

/** One certificate's expiry, for the pack's certificate rows too. */
export function certificateExpiry(expiresOn: string | null | undefined, managed: boolean, context: HealthContext, validityDays?: number): ExpiryAssessment | undefined {
  if (!expiresOn) return undefined;
  return assessExpiry({ expiresOn, managed, now: context.now, thresholds: context.thresholds, ...(validityDays === undefined ? {} : { validityDays }) });
}

function earliest(expiries: readonly (ExpiryAssessment | undefined)[]): ExpiryAssessment | undefined {
  let first: ExpiryAssessment | undefined;
  for (const candidate of expiries) {
    if (candidate !== undefined && (first === undefined || candidate.expiresAt < first.expiresAt)) first = candidate;
  }
  return first;
}
