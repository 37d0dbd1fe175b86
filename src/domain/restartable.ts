import type { CertificatePack, CustomHostname } from '../cloudflare';

/** Statuses in which Cloudflare accepts a validation restart or recheck. */
function waitingOnValidation(status: string | null | undefined): boolean {
  return status === 'pending_validation' || (typeof status === 'string' && status.endsWith('timed_out'));
}

/**
 * A pack's validation can be rechecked while it waits on validation or has timed out
 * (PATCH ssl/verification with its method); an advanced pack in validation_timed_out is
 * restarted instead (PATCH on the pack, allowed only in that status).
 */
export function canRestartPackValidation(pack: CertificatePack): boolean {
  return waitingOnValidation(pack.status);
}

export function restartsByPackPatch(pack: CertificatePack): boolean {
  return pack.type === 'advanced' && pack.status === 'validation_timed_out';
}

/** A custom hostname can be refreshed while its certificate or its hostname is not settled. */
export function canRefreshCustomHostname(hostname: CustomHostname): boolean {
  return waitingOnValidation(hostname.ssl?.status) || ['pending', 'moved', 'deleted', 'blocked', 'pending_blocked'].includes(hostname.status ?? '') || (hostname.status ?? '').endsWith('timed_out');
}
