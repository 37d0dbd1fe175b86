import { cfErrors } from '../http/cfErrors';
import { fail, ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import type { SimObject } from '../model';
import { apiView, type Located } from '../state/simulatorState';
import { bodyObject, param, zoneOf } from './common';

function isStaging(pack: SimObject): boolean {
  return pack.sim?.deploy === 'staging' || String(pack['status']).startsWith('staging_');
}

/**
 * Without `status=all` only active packs come back: the surprise of lifecycle §7.1.
 * `page`/`per_page`/`deploy` are the current API's (the 2024 spec has none).
 */
function listPacks(context: RequestContext): ApiResponse {
  const status = enumParam(context.query, 'status', ['all']);
  const deploy = enumParam(context.query, 'deploy', ['staging', 'production']);
  if (typeof status === 'object') return status;
  if (typeof deploy === 'object') return deploy;
  const paging = parsePaging(context.query);
  if (!isPaging(paging)) return paging;
  const packs = zoneOf(context).packs.all().filter((pack) => {
    if (status === undefined && pack['status'] !== 'active') return false;
    if (deploy !== undefined && isStaging(pack) !== (deploy === 'staging')) return false;
    return true;
  });
  return pageOf(packs, paging, apiView);
}

function locatePack(context: RequestContext): Located | ApiResponse {
  const zone = zoneOf(context);
  const pack = zone.packs.get(param(context, 'certificate_pack_id'));
  return pack === undefined ? cfErrors.notFound(context.path) : { zone, kind: 'pack', object: pack };
}

function isLocated(value: Located | ApiResponse): value is Located {
  return 'object' in value;
}

function packDetails(context: RequestContext): ApiResponse {
  const located = locatePack(context);
  return isLocated(located) ? ok(apiView(located.object)) : located;
}

function quota(context: RequestContext): ApiResponse {
  const zone = zoneOf(context);
  const used = zone.packs.all().filter((pack) => pack['type'] === 'advanced' && !['deleted', 'pending_deletion'].includes(String(pack['status']))).length;
  return ok({ advanced: { allocated: zone.spec.advancedQuota ?? 0, used } });
}

/** Restart validation: only an advanced pack in `validation_timed_out` (lifecycle §3.8, §7.9). */
function restartValidation(context: RequestContext): ApiResponse {
  const located = locatePack(context);
  if (!isLocated(located)) return located;
  const pack = located.object;
  if (pack['type'] !== 'advanced' || pack['status'] !== 'validation_timed_out') {
    return cfErrors.restartNotAllowed(String(pack['status']));
  }
  const branding = bodyObject(context)?.['cloudflare_branding'];
  if (typeof branding === 'boolean') pack['cloudflare_branding'] = branding;
  context.state.setStatus(located, 'pending_validation');
  return ok(apiView(pack));
}

function deletePack(context: RequestContext): ApiResponse {
  const located = locatePack(context);
  if (!isLocated(located)) return located;
  if (located.object['type'] !== 'advanced') {
    return fail(400, [{ code: 1400, message: 'Only advanced certificate packs can be deleted.' }]);
  }
  if (!['deleted', 'pending_deletion'].includes(String(located.object['status']))) {
    context.state.setStatus(located, 'pending_deletion');
  }
  return ok({ id: located.object.id });
}

const packPath = '/zones/:zone_id/ssl/certificate_packs';

export const certificatePackRoutes: readonly Route[] = [
  { method: 'GET', pattern: packPath, family: 'certificate_packs', access: 'SSL and Certificates: Read', handle: listPacks },
  { method: 'GET', pattern: `${packPath}/quota`, family: 'certificate_packs', access: 'SSL and Certificates: Read', handle: quota },
  { method: 'GET', pattern: `${packPath}/:certificate_pack_id`, family: 'certificate_packs', access: 'SSL and Certificates: Read', handle: packDetails },
  { method: 'PATCH', pattern: `${packPath}/:certificate_pack_id`, family: 'certificate_packs', access: 'SSL and Certificates: Write', handle: restartValidation },
  { method: 'DELETE', pattern: `${packPath}/:certificate_pack_id`, family: 'certificate_packs', access: 'SSL and Certificates: Write', handle: deletePack },
];
