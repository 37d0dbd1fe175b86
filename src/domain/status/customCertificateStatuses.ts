/**
 * Uploaded (custom) certificates: /zones/{id}/custom_certificates `status`
 * (docs/cloudflare-cert-lifecycle.md §1.4). Cloudflare never renews these: every expiry
 * is the user's to handle. The dashboard's "Holding Deployment" is not in this enum (it
 * is the pack enum's `holding_deployment`); `pending` is probably what it looks like here.
 */
import { buildCatalog, type CatalogSpec } from './catalogEntry';
import { CUSTOM_CERTIFICATE_STATUSES, type CustomCertificateStatus } from './statusValues';
import { type StatusInfo } from './types';

const customCertificateSpec: CatalogSpec<CustomCertificateStatus> = {
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'Deployed to the edge.',
    nextStep: 'Nothing to do now, but upload a replacement before it expires: Cloudflare never renews uploaded certificates.',
  },
  expired: {
    label: 'Expired',
    labelSource: 'suggested',
    stage: 'expired',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: 'Past its Not After date; its hostnames fall back to any other active certificate that covers them.',
    nextStep: 'Upload a replacement certificate.',
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
    nextStep: 'Nothing to do.',
  },
  pending: {
    label: 'Pending',
    labelSource: 'suggested',
    stage: 'pendingDeployment',
    severity: 'progress',
    terminal: true,
    actor: 'user',
    icon: 'debug-pause',
    meaning:
      'Not deployed yet; this is probably what the dashboard calls Holding Deployment, shown while the zone is Pending or Moved.',
    nextStep: 'If the zone is not active yet, finish activating it (the nameserver change); the certificate then deploys by itself.',
  },
  initializing: {
    label: 'Initializing',
    labelSource: 'suggested',
    stage: 'initializing',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'The upload is being processed.',
    nextStep: 'Wait: Cloudflare is processing the upload.',
  },
};

export const CUSTOM_CERTIFICATE_CATALOG: readonly StatusInfo[] = buildCatalog(
  'customCertificate',
  CUSTOM_CERTIFICATE_STATUSES,
  customCertificateSpec,
);
