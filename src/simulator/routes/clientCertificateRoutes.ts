import { cfErrors } from '../http/cfErrors';
import { fail, ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import { clientCertificateStatuses } from '../model';
import { apiView, type Located } from '../state/simulatorState';
import { bodyObject, param, zoneOf } from './common';

/** `status` takes `all` or one status; omitted, every certificate is listed. `limit`/`offset` also page. */
function listClientCertificates(context: RequestContext): ApiResponse {
  const status = enumParam(context.query, 'status', ['all', ...clientCertificateStatuses]);
  if (typeof status === 'object') return status;
  const paging = parsePaging(context.query);
  if (!isPaging(paging)) return paging;
  const certificates = zoneOf(context).clientCertificates.all().filter((certificate) => status === undefined || status === 'all' || certificate['status'] === status);
  const offset = context.query.get('offset');
  const limit = context.query.get('limit');
  if (offset === null && limit === null) return pageOf(certificates, paging, apiView);
  const start = Math.max(0, Number(offset ?? 0) || 0);
  const count = Math.max(1, Number(limit ?? paging.perPage) || paging.perPage);
  return pageOf(certificates.slice(start), { page: 1, perPage: count }, apiView);
}

function locate(context: RequestContext): Located | undefined {
  const zone = zoneOf(context);
  const object = zone.clientCertificates.get(param(context, 'client_certificate_id'));
  return object === undefined ? undefined : { zone, kind: 'clientCertificate', object };
}

function clientCertificateDetails(context: RequestContext): ApiResponse {
  const located = locate(context);
  return located === undefined ? cfErrors.notFound(context.path) : ok(apiView(located.object));
}

/** PATCH `{"reactivate": true}` restores a revoked certificate (lifecycle §1.6). */
function reactivate(context: RequestContext): ApiResponse {
  const located = locate(context);
  if (located === undefined) return cfErrors.notFound(context.path);
  if (bodyObject(context)?.['reactivate'] !== true) return cfErrors.invalidBody('reactivate must be true');
  if (located.object['status'] !== 'revoked') {
    return fail(400, [{ code: 1400, message: `Only revoked client certificates can be reactivated (current status: ${String(located.object['status'])}).` }]);
  }
  context.state.setStatus(located, 'pending_reactivation');
  return ok(apiView(located.object));
}

/** DELETE revokes: managed-CA client certificates are never deleted (lifecycle §7.14). */
function revoke(context: RequestContext): ApiResponse {
  const located = locate(context);
  if (located === undefined) return cfErrors.notFound(context.path);
  if (located.object['status'] === 'active') context.state.setStatus(located, 'pending_revocation');
  return ok(apiView(located.object));
}

const path = '/zones/:zone_id/client_certificates';

export const clientCertificateRoutes: readonly Route[] = [
  { method: 'GET', pattern: path, family: 'client_certificates', access: 'SSL and Certificates: Read', handle: listClientCertificates },
  { method: 'GET', pattern: `${path}/:client_certificate_id`, family: 'client_certificates', access: 'SSL and Certificates: Read', handle: clientCertificateDetails },
  { method: 'PATCH', pattern: `${path}/:client_certificate_id`, family: 'client_certificates', access: 'SSL and Certificates: Write', handle: reactivate },
  { method: 'DELETE', pattern: `${path}/:client_certificate_id`, family: 'client_certificates', access: 'SSL and Certificates: Write', handle: revoke },
];
