import type { CloudflareClient } from '../cloudflare';
import { getCloudflareIps, getDcvDelegationUuid } from '../cloudflare/endpoints/network';
import type { DiagnosisApi } from './checkContext';

/**
 * The API facts a diagnosis needs, asked through a Cloudflare client (so they count in its
 * rate budget): `GET /ips` and `GET /zones/{zone_id}/dcv_delegation/uuid`. One definition
 * for `cfcerts diagnose` and the extension, so both judge from the same facts.
 */
export function clientDiagnosisApi(client: CloudflareClient, signal?: AbortSignal): DiagnosisApi {
  return {
    cloudflareIps: async () => {
      const ips = await getCloudflareIps(client.api, signal);
      return { ipv4: ips.ipv4_cidrs ?? [], ipv6: ips.ipv6_cidrs ?? [] };
    },
    dcvDelegationUuid: async (zoneId) => (await getDcvDelegationUuid(client.api, zoneId, signal)).uuid,
  };
}

/** Per DNS question or HTTP fetch, unless told otherwise (`cfcerts diagnose --timeout`). */
export const defaultDiagnoseTimeoutMs = 5000;
