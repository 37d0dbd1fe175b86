/**
 * Every status value of every object kind, spelled exactly as the API spells it and in
 * the order of docs/cloudflare-api-facts.md §4 (which follows the SDK's enums). Keep these
 * lists in sync with that section: the unit tests check the counts, check that the
 * catalog covers each list exactly, and compare the lists with the `cloudflare` SDK's
 * types at compile time.
 */
import { type ObjectKind } from './types';

/** Certificate pack `status` and custom hostname `ssl.status` (one shared enum). */
export const CERTIFICATE_PACK_STATUSES = [
  'initializing',
  'pending_validation',
  'deleted',
  'pending_issuance',
  'pending_deployment',
  'pending_deletion',
  'pending_expiration',
  'expired',
  'active',
  'initializing_timed_out',
  'validation_timed_out',
  'issuance_timed_out',
  'deployment_timed_out',
  'deletion_timed_out',
  'pending_cleanup',
  'staging_deployment',
  'staging_active',
  'deactivating',
  'inactive',
  'backup_issued',
  'holding_deployment',
] as const;
export type CertificatePackStatus = (typeof CERTIFICATE_PACK_STATUSES)[number];

/** Custom hostname `status` (hostname ownership and activation). */
export const CUSTOM_HOSTNAME_STATUSES = [
  'active',
  'pending',
  'active_redeploying',
  'moved',
  'pending_deletion',
  'deleted',
  'pending_blocked',
  'pending_migration',
  'pending_provisioned',
  'test_pending',
  'test_active',
  'test_active_apex',
  'test_blocked',
  'test_failed',
  'provisioned',
  'blocked',
] as const;
export type CustomHostnameStatus = (typeof CUSTOM_HOSTNAME_STATUSES)[number];

/** /zones/{id}/custom_certificates `status`. It has no `holding_deployment` (that is the pack enum). */
export const CUSTOM_CERTIFICATE_STATUSES = ['active', 'expired', 'deleted', 'pending', 'initializing'] as const;
export type CustomCertificateStatus = (typeof CUSTOM_CERTIFICATE_STATUSES)[number];

/** Client (mTLS, Cloudflare-managed CA) certificate `status`. The list filter's `all` is not a status. */
export const CLIENT_CERTIFICATE_STATUSES = ['active', 'pending_reactivation', 'pending_revocation', 'revoked'] as const;
export type ClientCertificateStatus = (typeof CLIENT_CERTIFICATE_STATUSES)[number];

/** Custom hostname fallback origin `status`. */
export const FALLBACK_ORIGIN_STATUSES = [
  'initializing',
  'pending_deployment',
  'pending_deletion',
  'active',
  'deployment_timed_out',
  'deletion_timed_out',
] as const;
export type FallbackOriginStatus = (typeof FALLBACK_ORIGIN_STATUSES)[number];

/** Zone `status`. */
export const ZONE_STATUSES = ['initializing', 'pending', 'active', 'moved'] as const;
export type ZoneStatus = (typeof ZONE_STATUSES)[number];

/** /zones/{id}/ssl/verification `certificate_status`: a second, smaller certificate vocabulary. */
export const SSL_VERIFICATION_STATUSES = [
  'initializing',
  'authorizing',
  'active',
  'expired',
  'issuing',
  'timing_out',
  'pending_deployment',
] as const;
export type SslVerificationStatus = (typeof SSL_VERIFICATION_STATUSES)[number];

/**
 * `validation_records[].status` is a free string in the API; the docs' examples show only
 * `pending`. Anything else is shown raw.
 */
export const VALIDATION_RECORD_STATUSES = ['pending'] as const;
export type ValidationRecordStatus = (typeof VALIDATION_RECORD_STATUSES)[number];

export const STATUS_VALUES: Readonly<Record<ObjectKind, readonly string[]>> = {
  certificatePack: CERTIFICATE_PACK_STATUSES,
  customHostnameSsl: CERTIFICATE_PACK_STATUSES,
  customHostname: CUSTOM_HOSTNAME_STATUSES,
  customCertificate: CUSTOM_CERTIFICATE_STATUSES,
  clientCertificate: CLIENT_CERTIFICATE_STATUSES,
  fallbackOrigin: FALLBACK_ORIGIN_STATUSES,
  zone: ZONE_STATUSES,
  sslVerification: SSL_VERIFICATION_STATUSES,
  validationRecord: VALIDATION_RECORD_STATUSES,
};
