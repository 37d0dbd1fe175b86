import { type Api, type Listed } from '../api';
import { Permission } from '../permissions';
import { settleWrite } from '../settleWrite';
import { certificatePackShape, quotaShape } from '../schemas';
import { type CertificatePack, type CertificatePackQuota } from '../types';

const zonePath = (zoneId: string): string => `/zones/${encodeURIComponent(zoneId)}/ssl/certificate_packs`;
const read = { permission: Permission.sslRead };

/** Every pack of the zone. `status=all` is essential: without it only active packs come back. */
export function listCertificatePacks(api: Api, zoneId: string, signal?: AbortSignal): Promise<Listed<CertificatePack>> {
  return api.all(zonePath(zoneId), { status: 'all' }, certificatePackShape, 'certificate packs', { ...read, signal });
}

export function getCertificatePack(api: Api, zoneId: string, packId: string, signal?: AbortSignal): Promise<CertificatePack> {
  return api.one(`${zonePath(zoneId)}/${encodeURIComponent(packId)}`, certificatePackShape, 'a certificate pack', { ...read, signal });
}

export function getCertificatePackQuota(api: Api, zoneId: string, signal?: AbortSignal): Promise<CertificatePackQuota> {
  return api.one(`${zonePath(zoneId)}/quota`, quotaShape, 'the certificate pack quota', { ...read, signal });
}

/**
 * Restarts validation of an advanced pack. Cloudflare accepts this only in
 * `validation_timed_out`, and it issues new DCV tokens: re-read the pack afterwards.
 * An unclear answer, or a refusal because the pack already left that status, is
 * settled by reading the pack: a pack that moved on was restarted.
 */
export function restartPackValidation(api: Api, zoneId: string, packId: string, signal?: AbortSignal): Promise<CertificatePack> {
  return settleWrite({
    write: () => api.write('PATCH', `${zonePath(zoneId)}/${encodeURIComponent(packId)}`, undefined, certificatePackShape, 'a certificate pack', { signal, permission: Permission.sslEdit }),
    reread: () => getCertificatePack(api, zoneId, packId, signal),
    took: (pack) => pack.status !== 'validation_timed_out',
    state: (pack) => `in status ${pack.status ?? 'unknown'}`,
    what: 'the certificate pack',
    alsoOn: ['bad_request'],
    logger: api.logger,
  });
}
