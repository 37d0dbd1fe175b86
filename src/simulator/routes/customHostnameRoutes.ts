import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import { hostnameStatuses, packStatuses, type SimObject } from '../model';
import { apiView, statusOf, type Located } from '../state/simulatorState';
import { asObject, bodyObject, param, zoneOf } from './common';

type Filter = (hostname: SimObject) => boolean;

/** `hostname` (exact, as the 2024 spec describes) or `id`, never both; plus the current API's filters. */
function filters(query: URLSearchParams): Filter[] | ApiResponse {
  const hostname = query.get('hostname')?.toLowerCase();
  const id = query.get('id');
  if (hostname !== undefined && id !== null) return cfErrors.invalidParameter('hostname and id cannot be used together');
  const hostnameStatus = enumParam(query, 'hostname_status', hostnameStatuses);
  const sslStatus = enumParam(query, 'ssl_status', packStatuses);
  if (typeof hostnameStatus === 'object') return hostnameStatus;
  if (typeof sslStatus === 'object') return sslStatus;
  const list: Filter[] = [];
  const name = (object: SimObject): string => String(object['hostname']).toLowerCase();
  if (hostname !== undefined) list.push((object) => name(object) === hostname);
  const exact = query.get('hostname.exact')?.toLowerCase();
  if (exact !== undefined) list.push((object) => name(object) === exact);
  const contains = query.get('hostname.contain')?.toLowerCase();
  if (contains !== undefined) list.push((object) => name(object).includes(contains));
  const prefix = query.get('hostname.startsWith')?.toLowerCase();
  if (prefix !== undefined) list.push((object) => name(object).startsWith(prefix));
  if (id !== null) list.push((object) => object.id === id);
  if (hostnameStatus !== undefined) list.push((object) => object['status'] === hostnameStatus);
  if (sslStatus !== undefined) list.push((object) => statusOf(object, 'ssl.status') === sslStatus);
  return list;
}

function listCustomHostnames(context: RequestContext): ApiResponse {
  const paging = parsePaging(context.query);
  if (!isPaging(paging)) return paging;
  const order = enumParam(context.query, 'order', ['ssl', 'ssl_status']);
  const direction = enumParam(context.query, 'direction', ['asc', 'desc']);
  const ssl = enumParam(context.query, 'ssl', ['0', '1']);
  for (const checked of [order, direction, ssl]) if (typeof checked === 'object') return checked;
  const tests = filters(context.query);
  if (!Array.isArray(tests)) return tests;
  const all = zoneOf(context).customHostnames.all();
  let hostnames = tests.length === 0 ? all : all.filter((object) => tests.every((test) => test(object)));
  if (order === 'ssl_status' || direction !== undefined) {
    const sign = direction === 'desc' ? -1 : 1;
    hostnames = [...hostnames].sort((a, b) => statusOf(a, 'ssl.status').localeCompare(statusOf(b, 'ssl.status')) * sign);
  }
  return pageOf(hostnames, paging, apiView);
}

function locate(context: RequestContext): Located | undefined {
  const zone = zoneOf(context);
  const object = zone.customHostnames.get(param(context, 'custom_hostname_id'));
  return object === undefined ? undefined : { zone, kind: 'customHostname', object };
}

function hostnameDetails(context: RequestContext): ApiResponse {
  const located = locate(context);
  return located === undefined ? cfErrors.notFound(context.path) : ok(apiView(located.object));
}

const refreshableHostname = new Set(['moved', 'deleted', 'blocked', 'pending_blocked', 'test_blocked', 'test_failed', 'pending']);

/**
 * PATCH with the same `ssl` = Refresh (lifecycle §3.8): revives moved/deleted/blocked
 * hostnames to `pending`, restarts DCV with fresh tokens, answers 202 Accepted.
 */
function editHostname(context: RequestContext): ApiResponse {
  const located = locate(context);
  if (located === undefined) return cfErrors.notFound(context.path);
  const body = bodyObject(context) ?? {};
  const hostname = located.object;
  for (const key of ['custom_metadata', 'custom_origin_server', 'custom_origin_sni']) {
    if (body[key] !== undefined) hostname[key] = body[key];
  }
  const requested = body['ssl'];
  if (requested === undefined) return ok(apiView(hostname));
  const ssl = asObject(requested);
  if (ssl === undefined || typeof ssl['method'] !== 'string' || typeof ssl['type'] !== 'string') return cfErrors.sslTypeAndMethodRequired();
  const current = (hostname['ssl'] ?? {}) as Record<string, unknown>;
  hostname['ssl'] = { ...current, ...ssl, status: current['status'] };
  if (refreshableHostname.has(String(hostname['status']))) context.state.setStatus(located, 'pending');
  const sslStatus = statusOf(hostname, 'ssl.status');
  const caChanged = ssl['certificate_authority'] !== undefined && ssl['certificate_authority'] !== current['certificate_authority'];
  if (caChanged || ssl['method'] !== current['method'] || sslStatus.endsWith('_timed_out') || sslStatus === 'pending_validation') {
    context.state.setStatus(located, 'pending_validation', 'ssl.status');
  }
  return ok(apiView(hostname), { status: 202 });
}

function deleteHostname(context: RequestContext): ApiResponse {
  const located = locate(context);
  if (located === undefined) return cfErrors.notFound(context.path);
  if (!['deleted', 'pending_deletion'].includes(String(located.object['status']))) {
    context.state.setStatus(located, 'pending_deletion');
    context.state.setStatus(located, 'pending_deletion', 'ssl.status');
  }
  return ok({ id: located.object.id });
}

function fallbackOrigin(context: RequestContext): ApiResponse {
  const origin = zoneOf(context).fallbackOrigin;
  if (origin === undefined) return cfErrors.notFound(context.path);
  const { id: _id, ...view } = apiView(origin);
  return ok(view);
}

const path = '/zones/:zone_id/custom_hostnames';

export const customHostnameRoutes: readonly Route[] = [
  { method: 'GET', pattern: path, family: 'custom_hostnames', access: 'SSL and Certificates: Read', handle: listCustomHostnames },
  { method: 'GET', pattern: `${path}/fallback_origin`, family: 'fallback_origin', access: 'SSL and Certificates: Read', handle: fallbackOrigin },
  { method: 'GET', pattern: `${path}/:custom_hostname_id`, family: 'custom_hostnames', access: 'SSL and Certificates: Read', handle: hostnameDetails },
  { method: 'PATCH', pattern: `${path}/:custom_hostname_id`, family: 'custom_hostnames', access: 'SSL and Certificates: Write', handle: editHostname },
  { method: 'DELETE', pattern: `${path}/:custom_hostname_id`, family: 'custom_hostnames', access: 'SSL and Certificates: Write', handle: deleteHostname },
];
