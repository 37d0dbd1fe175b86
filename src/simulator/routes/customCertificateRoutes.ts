import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import { customCertificateStatuses } from '../model';
import { apiView } from '../state/simulatorState';
import { param, zoneOf } from './common';

function listCustomCertificates(context: RequestContext): ApiResponse {
  const status = enumParam(context.query, 'status', customCertificateStatuses);
  const match = enumParam(context.query, 'match', ['any', 'all']);
  if (typeof status === 'object') return status;
  if (typeof match === 'object') return match;
  const paging = parsePaging(context.query);
  if (!isPaging(paging)) return paging;
  const certificates = zoneOf(context).customCertificates.all().filter((certificate) => status === undefined || certificate['status'] === status);
  return pageOf(certificates, paging, apiView);
}

function customCertificateDetails(context: RequestContext): ApiResponse {
  const certificate = zoneOf(context).customCertificates.get(param(context, 'custom_certificate_id'));
  return certificate === undefined ? cfErrors.notFound(context.path) : ok(apiView(certificate));
}

export const customCertificateRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/zones/:zone_id/custom_certificates', family: 'custom_certificates', access: 'SSL and Certificates: Read', handle: listCustomCertificates },
  { method: 'GET', pattern: '/zones/:zone_id/custom_certificates/:custom_certificate_id', family: 'custom_certificates', access: 'SSL and Certificates: Read', handle: customCertificateDetails },
];
