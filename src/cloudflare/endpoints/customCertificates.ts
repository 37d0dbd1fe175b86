import { type Api, type Listed } from '../api';
import { Permission } from '../permissions';
import { customCertificateShape } from '../schemas';
import { type CustomCertificate } from '../types';

const zonePath = (zoneId: string): string => `/zones/${encodeURIComponent(zoneId)}/custom_certificates`;

export function listCustomCertificates(api: Api, zoneId: string, signal?: AbortSignal): Promise<Listed<CustomCertificate>> {
  return api.all(zonePath(zoneId), {}, customCertificateShape, 'custom certificates', { signal, permission: Permission.sslRead });
}

export function getCustomCertificate(api: Api, zoneId: string, certificateId: string, signal?: AbortSignal): Promise<CustomCertificate> {
  return api.one(`${zonePath(zoneId)}/${encodeURIComponent(certificateId)}`, customCertificateShape, 'a custom certificate', { signal, permission: Permission.sslRead });
}
