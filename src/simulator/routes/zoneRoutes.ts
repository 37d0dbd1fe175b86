import { canReachZone } from '../http/auth';
import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import { zoneStatuses } from '../model';
import { apiView, type ZoneState } from '../state/simulatorState';
import { param, zoneOf } from './common';

const operators = ['equal', 'not_equal', 'starts_with', 'ends_with', 'contains', 'starts_with_case_sensitive', 'ends_with_case_sensitive', 'contains_case_sensitive'];

/** `name=ends_with:example.com` and friends (api-facts §3). */
function nameMatcher(filter: string): (name: string) => boolean {
  const colon = filter.indexOf(':');
  const operator = colon > 0 && operators.includes(filter.slice(0, colon)) ? filter.slice(0, colon) : 'equal';
  const raw = operator === 'equal' && colon <= 0 ? filter : filter.slice(colon + 1);
  const sensitive = operator.endsWith('_case_sensitive');
  const wanted = sensitive ? raw : raw.toLowerCase();
  return (name) => {
    const value = sensitive ? name : name.toLowerCase();
    switch (operator.replace('_case_sensitive', '')) {
      case 'not_equal': return value !== wanted;
      case 'starts_with': return value.startsWith(wanted);
      case 'ends_with': return value.endsWith(wanted);
      case 'contains': return value.includes(wanted);
      default: return value === wanted;
    }
  };
}

const orderKeys: Readonly<Record<string, (zone: ZoneState) => string>> = {
  name: (zone) => zone.spec.name,
  status: (zone) => String(zone.api['status']),
  'account.id': (zone) => zone.spec.accountId,
  'account.name': (zone) => String((zone.api['account'] as { name?: string }).name ?? ''),
};

function listZones(context: RequestContext): ApiResponse {
  const { query } = context;
  const paging = parsePaging(query);
  if (!isPaging(paging)) return paging;
  const status = enumParam(query, 'status', zoneStatuses);
  const order = enumParam(query, 'order', Object.keys(orderKeys));
  const direction = enumParam(query, 'direction', ['asc', 'desc']);
  const match = enumParam(query, 'match', ['any', 'all']);
  for (const checked of [status, order, direction, match]) {
    if (typeof checked === 'object') return checked;
  }
  const tests: ((zone: ZoneState) => boolean)[] = [];
  const name = query.get('name');
  if (name !== null) { const test = nameMatcher(name); tests.push((zone) => test(zone.spec.name)); }
  if (status !== undefined) tests.push((zone) => zone.api['status'] === status);
  const accountId = query.get('account.id');
  if (accountId !== null) tests.push((zone) => zone.spec.accountId === accountId);
  const accountName = query.get('account.name');
  if (accountName !== null) { const test = nameMatcher(accountName); tests.push((zone) => test(orderKeys['account.name']?.(zone) ?? '')); }
  const identity = context.identity;
  let zones = context.state.zones.filter((zone) => {
    if (identity !== undefined && !canReachZone(identity, zone)) return false;
    if (tests.length === 0) return true;
    return match === 'any' ? tests.some((test) => test(zone)) : tests.every((test) => test(zone));
  });
  const key = typeof order === 'string' ? orderKeys[order] : undefined;
  if (key !== undefined) {
    const sign = direction === 'desc' ? -1 : 1;
    zones = [...zones].sort((a, b) => key(a).localeCompare(key(b)) * sign);
  }
  return pageOf(zones, paging, (zone) => apiView(zone.api));
}

function zoneDetails(context: RequestContext): ApiResponse {
  return ok(apiView(zoneOf(context).api));
}

/** Only the `ssl` setting is simulated: the SSL/TLS encryption mode. */
function zoneSetting(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  if (param(context, 'setting_id') !== 'ssl') return cfErrors.notFound(context.path);
  return ok({ id: 'ssl', value: zone.spec.sslMode ?? 'full', editable: true, modified_on: zone.api['modified_on'] });
}

export const zoneRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/zones', family: 'zones', access: 'Zone: Read', handle: listZones },
  { method: 'GET', pattern: '/zones/:zone_id', family: 'zones', access: 'Zone: Read', handle: zoneDetails },
  { method: 'GET', pattern: '/zones/:zone_id/settings/:setting_id', family: 'zone_settings', access: 'Zone Settings: Read', handle: zoneSetting },
];
