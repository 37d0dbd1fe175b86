import { type Api, type CheckedPage, type Listed } from '../api';
import { CloudflareApiError } from '../errors';
import { maxPerPage } from '../pagination';
import { parseOne } from '../parse';
import { Permission } from '../permissions';
import { settleWrite } from '../settleWrite';
import { customHostnameShape, fallbackOriginShape } from '../schemas';
import { type CustomHostname, type FallbackOrigin } from '../types';

const zonePath = (zoneId: string): string => `/zones/${encodeURIComponent(zoneId)}/custom_hostnames`;
const read = { permission: Permission.sslRead };

export interface CustomHostnameFilter {
  readonly hostname?: string;
}

export function listCustomHostnames(api: Api, zoneId: string, filter: CustomHostnameFilter = {}, signal?: AbortSignal): Promise<Listed<CustomHostname>> {
  return api.all(zonePath(zoneId), { hostname: filter.hostname }, customHostnameShape, 'custom hostnames', { ...read, signal });
}

/** One page, for lists too large to hold at once (SaaS zones with tens of thousands). */
export function customHostnamesPage(
  api: Api,
  zoneId: string,
  options: CustomHostnameFilter & { page: number; perPage?: number },
  signal?: AbortSignal,
): Promise<CheckedPage<CustomHostname>> {
  return api.page(zonePath(zoneId), { hostname: options.hostname }, customHostnameShape, 'custom hostnames', options.page, options.perPage ?? maxPerPage, { ...read, signal });
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
