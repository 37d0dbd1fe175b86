import { type Api } from '../api';
import { Permission } from '../permissions';
import { cloudflareIpsShape, dcvDelegationUuidShape } from '../schemas';
import { type CloudflareIps, type DcvDelegationUuid } from '../types';

/** `GET /ips`: Cloudflare's address ranges (public; sent with the credentials anyway). */
export function getCloudflareIps(api: Api, signal?: AbortSignal): Promise<CloudflareIps> {
  return api.one('/ips', cloudflareIpsShape, "Cloudflare's IP ranges", { signal });
}

/** `GET /zones/{zone_id}/dcv_delegation/uuid`: the UUID in `<host>.<uuid>.dcv.cloudflare.com`. */
export function getDcvDelegationUuid(api: Api, zoneId: string, signal?: AbortSignal): Promise<DcvDelegationUuid> {
  return api.one(`/zones/${encodeURIComponent(zoneId)}/dcv_delegation/uuid`, dcvDelegationUuidShape, 'the DCV delegation UUID', { permission: Permission.sslRead, signal });
}
