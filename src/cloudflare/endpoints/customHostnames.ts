import { type Api, type CheckedPage, type Listed } from '../api';
import { type Query } from '../transport';
import { CloudflareApiError } from '../errors';
import { maxPerPage } from '../pagination';
import { parseOne } from '../parse';
import { Permission } from '../permissions';
import { settleWrite } from '../settleWrite';
import { customHostnameShape, fallbackOriginShape } from '../schemas';
import { type CustomHostname, type FallbackOrigin } from '../types';

const zonePath = (zoneId: string): string => `/zones/${encodeURIComponent(zoneId)}/custom_hostnames`;
const read = { permission: Permission.sslRead };

/**
 * The values the list filters `hostname_status` and `ssl_status` accept: one value per
 * request, equality only (the current API as the `cloudflare` SDK 7.x types it; the 2024
 * OpenAPI document predates both filters). Kept here, beside the call, because they are
 * the API's vocabulary for a query, not the status catalog's.
 */
export const hostnameStatusFilterValues = [
  'active', 'pending', 'active_redeploying', 'moved', 'pending_deletion', 'deleted', 'pending_blocked', 'pending_migration',
  'pending_provisioned', 'test_pending', 'test_active', 'test_active_apex', 'test_blocked', 'test_failed', 'provisioned', 'blocked',
] as const;

export const sslStatusFilterValues = [
  'initializing', 'pending_validation', 'deleted', 'pending_issuance', 'pending_deployment', 'pending_deletion', 'pending_expiration',
  'expired', 'active', 'initializing_timed_out', 'validation_timed_out', 'issuance_timed_out', 'deployment_timed_out', 'deletion_timed_out',
  'pending_cleanup', 'staging_deployment', 'staging_active', 'deactivating', 'inactive', 'backup_issued', 'holding_deployment',
] as const;

export type HostnameStatusFilter = (typeof hostnameStatusFilterValues)[number];
export type SslStatusFilter = (typeof sslStatusFilterValues)[number];

export interface CustomHostnameFilter {
  /** The whole hostname (the documented filter: an exact match). */
  readonly hostname?: string;
  /** Only hostnames in this activation status (`hostname_status`). */
  readonly hostnameStatus?: HostnameStatusFilter;
  /** Only hostnames whose certificate is in this status (`ssl_status`). Filters combine: all must match. */
  readonly sslStatus?: SslStatusFilter;
}

/** The query parameters of a filter; absent ones are left out of the URL. */
function filterQuery(filter: CustomHostnameFilter): Query {
  return { hostname: filter.hostname, hostname_status: filter.hostnameStatus, ssl_status: filter.sslStatus };
}

export function listCustomHostnames(api: Api, zoneId: string, filter: CustomHostnameFilter = {}, signal?: AbortSignal): Promise<Listed<CustomHostname>> {
  return api.all(zonePath(zoneId), filterQuery(filter), customHostnameShape, 'custom hostnames', { ...read, signal });
}

/** One page, for lists too large to hold at once (SaaS zones with tens of thousands). */
export function customHostnamesPage(
  api: Api,
  zoneId: string,
  options: CustomHostnameFilter & { page: number; perPage?: number; urgent?: boolean },
  signal?: AbortSignal,
): Promise<CheckedPage<CustomHostname>> {
  return api.page(zonePath(zoneId), filterQuery(options), customHostnameShape, 'custom hostnames', options.page, options.perPage ?? maxPerPage, { ...read, signal, urgent: options.urgent });
}

export function getCustomHostname(api: Api, zoneId: string, hostnameId: string, signal?: AbortSignal): Promise<CustomHostname> {
  return api.one(`${zonePath(zoneId)}/${encodeURIComponent(hostnameId)}`, customHostnameShape, 'a custom hostname', { ...read, signal });
}

/**
 * "Refresh": PATCH the hostname with its own `ssl.method` and `ssl.type`, which makes
 * Cloudflare retry validation (and issue new DCV tokens: re-read it afterwards).
 */
export function refreshCustomHostname(api: Api, zoneId: string, hostname: CustomHostname, signal?: AbortSignal): Promise<CustomHostname> {
  const method = hostname.ssl?.method;
  if (method == null) {
    throw new CloudflareApiError('bad_request', `Custom hostname ${hostname.hostname} has no ssl.method to refresh with.`);
  }
  const body = { ssl: { method, type: hostname.ssl?.type ?? 'dv' } };
  // Sent once: a repeat would issue validation tokens twice. An unclear answer is settled by reading the hostname.
  return settleWrite({
    write: () => api.write('PATCH', `${zonePath(zoneId)}/${encodeURIComponent(hostname.id)}`, body, customHostnameShape, 'a custom hostname', { signal, permission: Permission.sslEdit }),
    reread: () => getCustomHostname(api, zoneId, hostname.id, signal),
    took: (current) => !(current.ssl?.status ?? '').endsWith('timed_out') && !['moved', 'deleted', 'blocked', 'pending_blocked'].includes(current.status ?? '') && !(current.status ?? '').endsWith('timed_out'),
    state: (current) => `${current.hostname} in status ${current.status ?? 'unknown'}, certificate ${current.ssl?.status ?? 'unknown'}`,
    what: 'the custom hostname',
    logger: api.logger,
  });
}

/**
 * The fallback origin, or undefined when none is configured. Cloudflare answers that
 * case with 404 (or an empty result), so 404 here means "not set", not an error.
 */
export async function getFallbackOrigin(api: Api, zoneId: string, signal?: AbortSignal): Promise<FallbackOrigin | undefined> {
  let result: unknown;
  try {
    result = await api.result('GET', `${zonePath(zoneId)}/fallback_origin`, { ...read, signal });
  } catch (error) {
    if (CloudflareApiError.is(error) && error.code === 'not_found') {
      return undefined;
    }
    throw error;
  }
  if (result === null || result === undefined) {
    return undefined;
  }
  const origin = parseOne(result, fallbackOriginShape, 'the fallback origin');
  return typeof origin.origin === 'string' && origin.origin !== '' ? origin : undefined;
}
