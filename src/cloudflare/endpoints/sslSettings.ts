import { type Api } from '../api';
import { parseList } from '../parse';
import { Permission } from '../permissions';
import { methodChangeShape, sslVerificationShape, universalSslShape } from '../schemas';
import { type SslVerification, type UniversalSslSettings, type VerificationMethodChange } from '../types';

const sslPath = (zoneId: string): string => `/zones/${encodeURIComponent(zoneId)}/ssl`;

/** Verification details of the zone's packs (the 7-value `certificate_status` vocabulary). */
export async function getSslVerification(api: Api, zoneId: string, signal?: AbortSignal): Promise<SslVerification[]> {
  const result = await api.result('GET', `${sslPath(zoneId)}/verification`, { signal, permission: Permission.sslRead });
  return parseList(result, sslVerificationShape, 'SSL verification entries', api.logger).items;
}

export function getUniversalSslSettings(api: Api, zoneId: string, signal?: AbortSignal): Promise<UniversalSslSettings> {
  return api.one(`${sslPath(zoneId)}/universal/settings`, universalSslShape, 'the Universal SSL settings', { signal, permission: Permission.sslRead });
}

/** Asks Cloudflare to validate a pack again with `method` (http, cname, txt or email). */
export function recheckValidation(api: Api, zoneId: string, packId: string, method: string, signal?: AbortSignal): Promise<VerificationMethodChange> {
  return api.write('PATCH', `${sslPath(zoneId)}/verification/${encodeURIComponent(packId)}`, { validation_method: method }, methodChangeShape, 'a validation method change', {
    signal,
    permission: Permission.sslEdit,
  });
}
