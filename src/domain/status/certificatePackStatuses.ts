/**
 * The 21-value managed-certificate enum, shared by certificate pack `status` and custom
 * hostname `ssl.status` (docs/cloudflare-cert-lifecycle.md §1.1 and §1.5).
 *
 * The meaning is the same for both fields; the remedy differs (an edge pack is restarted
 * through the pack or verification API or the Universal SSL toggles, a custom hostname
 * through a Refresh, i.e. a PATCH with the same `ssl` object), so the custom hostname
 * table is the pack table with a few rows overridden.
 */
import { buildCatalog, type CatalogSpec, type EntrySpec } from './catalogEntry';
import { CERTIFICATE_PACK_STATUSES, type CertificatePackStatus } from './statusValues';
import { type StatusInfo } from './types';

const packSpec: CatalogSpec<CertificatePackStatus> = {
  initializing: {
    label: 'Initializing',
    stage: 'initializing',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The order was just created and Cloudflare is preparing to request it from the certificate authority.',
    nextStep: 'Wait: Cloudflare is preparing the order.',
  },
  pending_validation: {
    label: 'Pending Validation',
    stage: 'pendingValidation',
    severity: 'progress',
    terminal: false,
    actor: 'domainOwner',
    icon: 'clock',
    meaning:
      'Waiting for domain control validation (DCV); the tokens are in the validation records and CA complaints in the validation errors.',
    nextStep:
      'If Cloudflare validates by itself (full DNS setup, delegated DCV, HTTP on a proxied hostname) wait; otherwise place the TXT or HTTP token from the validation records and request a recheck, and check CAA records and DNSSEC.',
  },
  deleted: {
    label: 'Deleted',
    labelSource: 'suggested',
    stage: 'deleted',
    severity: 'inactive',
    terminal: true,
    actor: 'none',
    icon: 'trash',
    meaning: 'Removed.',
    nextStep: 'Nothing to do: it is gone from the edge.',
  },
  pending_issuance: {
    label: 'Pending Issuance',
    stage: 'pendingIssuance',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Validation passed and the certificate authority is issuing; CAA problems can also surface here.',
    nextStep: 'Wait; if the validation errors mention CAA, fix the CAA records so they allow the chosen certificate authority.',
  },
  pending_deployment: {
    label: 'Pending Deployment',
    stage: 'pendingDeployment',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The certificate is issued and being pushed to the edge.',
    nextStep: 'Wait: the certificate is being deployed to the edge.',
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
    nextStep: 'Wait: Cloudflare is removing it.',
  },
  pending_expiration: {
    label: 'Pending Expiration',
    labelSource: 'suggested',
    documented: false,
    stage: 'expiring',
    severity: 'warning',
    terminal: false,
    actor: 'user',
    meaning: 'Not described in the docs; by its name, the certificate is close to expiry and not yet replaced.',
    nextStep: 'Check the renewal: look at the validation errors, place any new DCV tokens and check the CAA records.',
  },
  expired: {
    label: 'Expired',
    labelSource: 'suggested',
    stage: 'expired',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Past its expiry date: Cloudflare did not renew it in time.',
    nextStep:
      'Find out why renewal failed (validation errors, DCV tokens, CAA records), fix it and restart the order.',
  },
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'Deployed to the edge; it is served once traffic for the hostname is proxied.',
    nextStep: 'Nothing to do: Cloudflare renews it before it expires; keep an eye on the expiry date.',
  },
  initializing_timed_out: {
    label: 'Timed Out (Initializing)',
    stage: 'initializingTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'The initializing stage timed out.',
    nextStep:
      'Restart it: set the hostnames to DNS-only for a minute and back, disable and re-enable Universal SSL, or re-send the validation method.',
  },
  validation_timed_out: {
    label: 'Timed Out (Validation)',
    stage: 'validationTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'The DCV retry schedule ran out before the tokens were seen.',
    nextStep:
      'Restart validation (an Advanced pack: PATCH the pack; otherwise re-send the validation method), then place the new tokens it issues.',
  },
  issuance_timed_out: {
    label: 'Timed Out (Issuance)',
    stage: 'issuanceTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'The certificate authority did not issue in time.',
    nextStep: 'Restart the order by re-sending the validation method; if it times out again, order from another certificate authority.',
  },
  deployment_timed_out: {
    label: 'Timed Out (Deployment)',
    stage: 'deploymentTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Deployment to the edge timed out.',
    nextStep: 'Restart the order by re-sending the validation method; contact Cloudflare Support if it happens again.',
  },
  deletion_timed_out: {
    label: 'Timed Out (Deletion)',
    stage: 'deletionTimedOut',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Deletion timed out.',
    nextStep: 'Delete it again.',
  },
  pending_cleanup: {
    label: 'Pending Cleanup',
    labelSource: 'suggested',
    documented: false,
    stage: 'cleanup',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Not described in the docs; by its name, Cloudflare is cleaning up after the certificate.',
    nextStep: 'Wait: Cloudflare does not document this status, so treat it as in progress.',
  },
  staging_deployment: {
    label: 'Staging Deployment',
    stage: 'stagingDeployment',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Being deployed to the staging environment only.',
    nextStep: 'Wait, then refresh: it is deploying to the staging IPs.',
  },
  staging_active: {
    label: 'Staging Active',
    stage: 'stagingActive',
    severity: 'ok',
    terminal: true,
    actor: 'user',
    icon: 'beaker',
    meaning: 'Served on the staging IPs only, not to production traffic.',
    nextStep: 'Test it against the staging IPs (an SNI probe or curl --resolve), then push it to production or deactivate it.',
  },
  deactivating: {
    label: 'Deactivating',
    stage: 'deactivating',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'On its way to Inactive after a deactivation.',
    nextStep: 'Wait: it is being taken off the edge.',
  },
  inactive: {
    label: 'Inactive',
    stage: 'inactive',
    severity: 'inactive',
    terminal: true,
    actor: 'none',
    meaning: 'Not on the edge, but kept; it can be deployed again.',
    nextStep: 'Nothing is required: push it to staging or production again, or delete it.',
  },
  backup_issued: {
    label: 'Backup Issued',
    labelSource: 'suggested',
    documented: false,
    stage: 'backup',
    severity: 'inactive',
    terminal: true,
    actor: 'none',
    icon: 'shield',
    meaning:
      'Not described in the docs; probably a backup certificate (another CA and key) that is kept ready and swapped in only on revocation or key compromise.',
    nextStep: 'Nothing to do: a backup certificate is not served in normal operation.',
  },
  holding_deployment: {
    label: 'Holding Deployment',
    stage: 'holdingDeployment',
    severity: 'warning',
    terminal: true,
    actor: 'user',
    icon: 'debug-pause',
    meaning: 'An uploaded certificate on a zone that is Pending or Moved; it deploys by itself once the zone is active.',
    nextStep: 'Finish activating the zone (the nameserver change); the certificate then deploys by itself.',
  },
};

/** Rows whose remedy is different for a custom hostname's certificate. */
const customHostnameSslOverrides: Partial<Record<CertificatePackStatus, Partial<EntrySpec>>> = {
  pending_validation: {
    nextStep:
      'Share the TXT or HTTP token from the validation records with the domain owner (non-wildcard hostnames also validate over HTTP once they point at your SaaS target), then send a Refresh to recheck now.',
  },
  active: {
    meaning: 'Deployed to the edge; production traffic also needs the hostname Active and its DNS pointing at your SaaS target.',
    nextStep: 'Nothing to do: Cloudflare renews it before it expires.',
  },
  expired: {
    nextStep:
      'Find out why renewal failed (validation errors, DCV tokens, CAA records), fix it and Refresh the hostname to restart the order.',
  },
  initializing_timed_out: {
    nextStep: 'Refresh the hostname (PATCH it with the same ssl settings); if that fails, delete and recreate it.',
  },
  validation_timed_out: {
    nextStep:
      'Refresh the hostname to restart validation, then share the new tokens with the domain owner: restarting issues fresh ones.',
  },
  issuance_timed_out: {
    nextStep: 'Refresh the hostname to restart issuance; if it times out again, switch its certificate authority.',
  },
  deployment_timed_out: {
    nextStep: 'Refresh the hostname to restart; contact Cloudflare Support if it happens again.',
  },
  deletion_timed_out: {
    nextStep: 'Delete the hostname again, or Refresh it.',
  },
  deleted: {
    nextStep: 'Nothing to do if the hostname is going away; otherwise Refresh the hostname to order a new certificate.',
  },
};

function withOverrides<V extends string>(
  spec: CatalogSpec<V>,
  overrides: Partial<Record<V, Partial<EntrySpec>>>,
): CatalogSpec<V> {
  const result: Record<V, EntrySpec> = { ...spec };
  for (const key of Object.keys(overrides) as V[]) {
    result[key] = { ...spec[key], ...overrides[key] };
  }
  return result;
}

export const CERTIFICATE_PACK_CATALOG: readonly StatusInfo[] = buildCatalog(
  'certificatePack',
  CERTIFICATE_PACK_STATUSES,
  packSpec,
);

export const CUSTOM_HOSTNAME_SSL_CATALOG: readonly StatusInfo[] = buildCatalog(
  'customHostnameSsl',
  CERTIFICATE_PACK_STATUSES,
  withOverrides(packSpec, customHostnameSslOverrides),
);
