import { type Api, type CheckedPage, type Listed } from '../api';
import { maxPerPage } from '../pagination';
import { Permission } from '../permissions';
import { sslModeShape, zoneShape } from '../schemas';
import { type Query } from '../transport';
import { type SslModeSetting, type Zone } from '../types';

export interface ZoneFilter {
  readonly accountId?: string;
  /** An exact zone name (Cloudflare also accepts operators such as `ends_with:`). */
  readonly name?: string;
}

const zonesPermission = { permission: Permission.zoneRead };

export function zoneQuery(filter: ZoneFilter): Query {
  return { 'account.id': filter.accountId, name: filter.name };
}

export function listZones(api: Api, filter: ZoneFilter = {}, signal?: AbortSignal): Promise<Listed<Zone>> {
  return api.all('/zones', zoneQuery(filter), zoneShape, 'zones', { ...zonesPermission, signal });
}

export function zonesPage(api: Api, filter: ZoneFilter & { page: number; perPage?: number }, signal?: AbortSignal): Promise<CheckedPage<Zone>> {
  return api.page('/zones', zoneQuery(filter), zoneShape, 'zones', filter.page, filter.perPage ?? maxPerPage, { ...zonesPermission, signal });
}

export function getZone(api: Api, zoneId: string, signal?: AbortSignal): Promise<Zone> {
  return api.one(`/zones/${encodeURIComponent(zoneId)}`, zoneShape, 'a zone', { ...zonesPermission, signal });
}

export function getSslMode(api: Api, zoneId: string, signal?: AbortSignal): Promise<SslModeSetting> {
  return api.one(`/zones/${encodeURIComponent(zoneId)}/settings/ssl`, sslModeShape, 'the SSL mode setting', { signal, permission: Permission.zoneSettingsRead });
}
