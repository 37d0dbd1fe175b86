import { type Api, type Listed } from '../api';
import { Permission } from '../permissions';
import { clientCertificateShape } from '../schemas';
import { type ClientCertificate } from '../types';

/** Every client certificate, revoked and pending ones included (`status=all`). */
export function listClientCertificates(api: Api, zoneId: string, signal?: AbortSignal): Promise<Listed<ClientCertificate>> {
  return api.all(`/zones/${encodeURIComponent(zoneId)}/client_certificates`, { status: 'all' }, clientCertificateShape, 'client certificates', {
    signal,
    permission: Permission.sslRead,
  });
}

export function getClientCertificate(api: Api, zoneId: string, certificateId: string, signal?: AbortSignal): Promise<ClientCertificate> {
  return api.one(`/zones/${encodeURIComponent(zoneId)}/client_certificates/${encodeURIComponent(certificateId)}`, clientCertificateShape, 'a client certificate', {
    signal,
    permission: Permission.sslRead,
  });
}
