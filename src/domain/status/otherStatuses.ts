/**
 * The smaller vocabularies: fallback origin (docs/cloudflare-cert-lifecycle.md §1.3), zone
 * (cloudflare-api-facts.md §4), SSL verification `certificate_status` (lifecycle §1.7) and
 * validation record `status` (lifecycle §1.8).
 */
import { buildCatalog, type CatalogSpec } from './catalogEntry';
import {
  FALLBACK_ORIGIN_STATUSES,
  type FallbackOriginStatus,
  SSL_VERIFICATION_STATUSES,
  type SslVerificationStatus,
  VALIDATION_RECORD_STATUSES,
  type ValidationRecordStatus,
  ZONE_STATUSES,
  type ZoneStatus,
} from './statusValues';
import { type StatusInfo } from './types';

const HOSTNAMES_WAIT = 'new custom hostnames fail hostname validation until the fallback origin is active';

const fallbackOriginSpec: CatalogSpec<FallbackOriginStatus> = {
  initializing: {
    label: 'Initializing',
    labelSource: 'suggested',
    stage: 'initializing',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The fallback origin was just set.',
    nextStep: `Wait; ${HOSTNAMES_WAIT}.`,
  },
  pending_deployment: {
    label: 'Pending Deployment',
    labelSource: 'suggested',
    stage: 'pendingDeployment',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Being deployed.',
    nextStep: `Wait; ${HOSTNAMES_WAIT}.`,
  },
  pending_deletion: {
    label: 'Pending Deletion',
    labelSource: 'suggested',
    stage: 'deleting',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    icon: 'trash',
    meaning: 'Being removed.',
    nextStep: `Wait, and set a new one if custom hostnames still need it: ${HOSTNAMES_WAIT}.`,
  },
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning:
      'Cloudflare is ready to send custom hostname traffic to this record; it does not prove the record points at the right origin.',
    nextStep: 'Nothing to do, but check yourself that its DNS record exists, is proxied and points at the right origin.',
  },
  deployment_timed_out: {
    label: 'Timed Out (Deployment)',
    labelSource: 'suggested',
    stage: 'deploymentTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Deployment timed out.',
    nextStep: `Check that its DNS record exists and is proxied, then set the fallback origin again; ${HOSTNAMES_WAIT}.`,
  },
  deletion_timed_out: {
    label: 'Timed Out (Deletion)',
    labelSource: 'suggested',
    stage: 'deletionTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Removal timed out.',
    nextStep: 'Remove it again.',
  },
};

const zoneSpec: CatalogSpec<ZoneStatus> = {
  initializing: {
    label: 'Initializing',
    labelSource: 'suggested',
    stage: 'initializing',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The zone was just added.',
    nextStep: 'Wait: Cloudflare is setting up the zone.',
  },
  pending: {
    label: 'Pending',
    stage: 'pending',
    severity: 'warning',
    terminal: true,
    actor: 'domainOwner',
    icon: 'clock',
    meaning:
      'Waiting for the nameserver change (or the setup verification); uploaded certificates hold their deployment and edge certificates are not served yet.',
    nextStep: 'Finish the nameserver change at the registrar (or the partial-setup verification) so the zone becomes active.',
  },
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'The zone is active on Cloudflare.',
    nextStep: 'Nothing to do.',
  },
  moved: {
    label: 'Moved',
    stage: 'moved',
    severity: 'warning',
    terminal: true,
    actor: 'domainOwner',
    meaning: 'The nameservers no longer point at Cloudflare; uploaded certificates hold their deployment.',
    nextStep: 'Point the nameservers back at Cloudflare, or delete the zone if it moved away on purpose.',
  },
};

const sslVerificationSpec: CatalogSpec<SslVerificationStatus> = {
  initializing: {
    label: 'Initializing',
    labelSource: 'suggested',
    stage: 'initializing',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The certificate order is being prepared.',
    nextStep: 'Wait: Cloudflare is preparing the order.',
  },
  authorizing: {
    label: 'Authorizing',
    labelSource: 'suggested',
    stage: 'pendingValidation',
    severity: 'progress',
    terminal: false,
    actor: 'domainOwner',
    icon: 'clock',
    meaning: 'Domain control validation is under way (a pack in Pending Validation).',
    nextStep:
      'If Cloudflare validates by itself wait; otherwise place the token from the verification info and ask for a recheck (retry=true).',
  },
  active: {
    label: 'Active',
    labelSource: 'suggested',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'The certificate is issued and active.',
    nextStep: 'Nothing to do.',
  },
  expired: {
    label: 'Expired',
    labelSource: 'suggested',
    stage: 'expired',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'The certificate expired.',
    nextStep: 'Find out why renewal failed (DCV, CAA) and restart validation.',
  },
  issuing: {
    label: 'Issuing',
    labelSource: 'suggested',
    stage: 'pendingIssuance',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Validation passed and the certificate authority is issuing (a pack in Pending Issuance).',
    nextStep: 'Wait; if it stalls, check the CAA records.',
  },
  timing_out: {
    label: 'Timing Out',
    labelSource: 'suggested',
    stage: 'timedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'A stage of the order timed out (a pack in one of the Timed Out statuses).',
    nextStep: 'Restart validation by re-sending the validation method (PATCH the verification), then place any new tokens.',
  },
  pending_deployment: {
    label: 'Pending Deployment',
    labelSource: 'suggested',
    stage: 'pendingDeployment',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The certificate is issued and being pushed to the edge.',
    nextStep: 'Wait: the certificate is being deployed to the edge.',
  },
};

const validationRecordSpec: CatalogSpec<ValidationRecordStatus> = {
  pending: {
    label: 'Pending',
    labelSource: 'suggested',
    stage: 'pendingValidation',
    severity: 'progress',
    terminal: false,
    actor: 'domainOwner',
    icon: 'clock',
    meaning: 'The certificate authority has not seen this token yet.',
    nextStep:
      'Place this record (unless Cloudflare places it for you through full DNS setup or delegated DCV), then wait for the next check.',
  },
};

export const FALLBACK_ORIGIN_CATALOG: readonly StatusInfo[] = buildCatalog(
  'fallbackOrigin',
  FALLBACK_ORIGIN_STATUSES,
  fallbackOriginSpec,
);

export const ZONE_CATALOG: readonly StatusInfo[] = buildCatalog('zone', ZONE_STATUSES, zoneSpec);

export const SSL_VERIFICATION_CATALOG: readonly StatusInfo[] = buildCatalog(
  'sslVerification',
  SSL_VERIFICATION_STATUSES,
  sslVerificationSpec,
);

export const VALIDATION_RECORD_CATALOG: readonly StatusInfo[] = buildCatalog(
  'validationRecord',
  VALIDATION_RECORD_STATUSES,
  validationRecordSpec,
);
