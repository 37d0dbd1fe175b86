import { createHash } from 'node:crypto';
import { ok, type ApiResponse } from '../http/envelope';
import type { RequestContext, Route } from '../http/route';
import { zoneOf } from './common';

/** `GET /ips`: the scenario's ranges (loopback only), with an etag over them. */
function ips(context: RequestContext): ApiResponse {
  const { ipv4_cidrs, ipv6_cidrs } = context.state.ips;
  const etag = createHash('sha256').update(JSON.stringify([ipv4_cidrs, ipv6_cidrs])).digest('hex').slice(0, 32);
  return ok({ ipv4_cidrs, ipv6_cidrs, etag });
}

/** The zone's DCV delegation UUID: the scenario's, else one derived from the zone id (stable per zone). */
function dcvDelegationUuid(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  return ok({ uuid: zone.spec.dcvDelegationUuid ?? createHash('sha256').update(zone.spec.id).digest('hex').slice(0, 16) });
}

export const networkRoutes: readonly Route[] = [
  // Cloudflare serves its IP list without credentials; `self` skips the token check.
  { method: 'GET', pattern: '/ips', family: 'ips', access: 'self', handle: ips },
  { method: 'GET', pattern: '/zones/:zone_id/dcv_delegation/uuid', family: 'dcv_delegation', access: 'SSL and Certificates: Read', handle: dcvDelegationUuid },
];
