/**
 * Client (mTLS) certificates from the Cloudflare-managed CA: /zones/{id}/client_certificates
 * `status` (docs/cloudflare-cert-lifecycle.md §1.6). They cannot be deleted: a DELETE
 * revokes, a PATCH reactivates.
 */
import { buildCatalog, type CatalogSpec } from './catalogEntry';
import { CLIENT_CERTIFICATE_STATUSES, type ClientCertificateStatus } from './statusValues';
import { type StatusInfo } from './types';

const clientCertificateSpec: CatalogSpec<ClientCertificateStatus> = {
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'Valid for mTLS.',
    nextStep: 'Nothing to do: watch its expiry date, since Cloudflare does not renew it.',
  },
  pending_reactivation: {
    label: 'Pending Reactivation',
    stage: 'pendingReactivation',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'A reactivation (PATCH) is in progress.',
    nextStep: 'Wait: it is being restored.',
  },
  pending_revocation: {
    label: 'Pending Revocation',
    stage: 'pendingRevocation',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'A revocation (DELETE) is in progress.',
    nextStep: 'Wait, and make sure your mTLS rules also block revoked certificates.',
  },
  revoked: {
    label: 'Revoked',
    stage: 'revoked',
    severity: 'inactive',
    terminal: true,
    actor: 'none',
    meaning: 'Revoked but still listed: client certificates from the managed CA cannot be deleted.',
    nextStep: 'Nothing to do; reactivate it if it is needed again.',
  },
};

export const CLIENT_CERTIFICATE_CATALOG: readonly StatusInfo[] = buildCatalog(
  'clientCertificate',
  CLIENT_CERTIFICATE_STATUSES,
  clientCertificateSpec,
);
