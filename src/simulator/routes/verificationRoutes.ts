import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import type { RequestContext, Route } from '../http/route';
import { textOf, type ApiObject, type SimObject } from '../model';
import { bodyObject, param, zoneOf } from './common';

/** The pack enum folded into the verification enum (lifecycle §1.7). */
const verificationStatus: Readonly<Record<string, string>> = {
  initializing: 'initializing',
  pending_validation: 'authorizing',
  pending_issuance: 'issuing',
  pending_deployment: 'pending_deployment',
  staging_deployment: 'pending_deployment',
  holding_deployment: 'pending_deployment',
  active: 'active',
  staging_active: 'active',
  pending_expiration: 'active',
  expired: 'expired',
  initializing_timed_out: 'timing_out',
  validation_timed_out: 'timing_out',
  issuance_timed_out: 'timing_out',
  deployment_timed_out: 'timing_out',
};

function verificationEntry(pack: SimObject): Record<string, unknown> | undefined {
  const certificateStatus = verificationStatus[String(pack['status'])];
  if (certificateStatus === undefined) return undefined;
  const certificates = Array.isArray(pack['certificates']) ? (pack['certificates'] as ApiObject[]) : [];
  const primary = certificates.find((certificate) => certificate.id === pack['primary_certificate']) ?? certificates[0];
  const records = Array.isArray(pack['validation_records']) ? (pack['validation_records'] as ApiObject[]) : [];
  const record = records[0];
  const method = textOf(pack['validation_method'], 'txt');
  const entry: Record<string, unknown> = {
    cert_pack_uuid: pack.id,
    certificate_status: certificateStatus,
    signature: typeof primary?.['signature'] === 'string' ? primary['signature'] : 'ECDSAWithSHA256',
    verification_type: 'cname',
    verification_status: pack['status'] === 'active',
    brand_check: false,
  };
  if (['http', 'txt', 'cname'].includes(method)) entry['validation_method'] = method;
  if (record !== undefined) {
    entry['verification_info'] = method === 'http'
      ? { record_name: record['http_url'], record_target: record['http_body'] }
      : { record_name: record['txt_name'], record_target: record['txt_value'] };
  }
  return entry;
}

/** One entry per pack; `retry=true` makes pending validations due now. */
function listVerification(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  if (context.query.get('retry') === 'true') {
    for (const pack of zone.packs.all()) {
      if (pack['status'] === 'pending_validation') context.lifecycle?.expedite({ zone, kind: 'pack', object: pack });
    }
    context.lifecycle?.tick();
  }
  const entries = zone.packs.all().map(verificationEntry).filter((entry) => entry !== undefined);
  return ok(entries);
}

/** Recheck (same method) or switch the DCV method, which restarts validation (lifecycle §3.8). */
function editMethod(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const pack = zone.packs.get(param(context, 'certificate_pack_id'));
  if (pack === undefined) return cfErrors.notFound(context.path);
  const method = bodyObject(context)?.['validation_method'];
  if (method === undefined) return cfErrors.invalidBody('validation_method is required');
  if (typeof method !== 'string' || !['http', 'cname', 'txt', 'email'].includes(method)) {
    return cfErrors.invalidParameter('validation_method must be one of http, cname, txt, email');
  }
  if (pack['status'] === 'active') return cfErrors.methodChangeNotAllowed();
  const located = { zone, kind: 'pack' as const, object: pack };
  if (method === pack['validation_method']) {
    if (pack['status'] === 'pending_validation') context.lifecycle?.expedite(located);
  } else {
    pack['validation_method'] = method;
    context.state.setStatus(located, 'pending_validation');
  }
  return ok({ status: pack['status'], validation_method: method });
}

export const verificationRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/zones/:zone_id/ssl/verification', family: 'ssl_verification', access: 'SSL and Certificates: Read', handle: listVerification },
  { method: 'PATCH', pattern: '/zones/:zone_id/ssl/verification/:certificate_pack_id', family: 'ssl_verification', access: 'SSL and Certificates: Write', handle: editMethod },
  {
    method: 'GET', pattern: '/zones/:zone_id/ssl/universal/settings', family: 'universal_ssl', access: 'SSL and Certificates: Read',
    handle: (context) => ok({ enabled: zoneOf(context).spec.universalSsl ?? true }),
  },
];
