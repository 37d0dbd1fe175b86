import type { ApiObject, ScenarioAccount, ScenarioZone } from '../model';
import { isoSeconds } from '../scenario/time';

const planIds: Readonly<Record<string, string>> = {
  Free: '0feeeeeeeeeeeeeeeeeeeeeeeeeeeeee',
  Pro: 'a577b510288e82b26486fd3df47b0d6c',
  Business: '9a7806061c88ada191ed06f989cc3dac',
  Enterprise: '94f3b7b768b0458b56d2cac4fe5ec0f9',
};

/** Builds the zone object `GET /zones` returns, from the scenario's compact zone entry. */
export function zoneObject(zone: ScenarioZone, account: ScenarioAccount | undefined, startMs: number): ApiObject {
  const created = zone.created_on ?? isoSeconds(startMs - 400 * 86_400_000);
  const plan = zone.plan ?? 'Free';
  const pending = zone.status !== 'active';
  return {
    id: zone.id,
    name: zone.name,
    status: zone.status,
    paused: false,
    type: zone.type ?? 'full',
    development_mode: 0,
    name_servers: ['ada.ns.cloudflare.com', 'rob.ns.cloudflare.com'],
    original_name_servers: pending ? ['ns1.registrar-dns.example', 'ns2.registrar-dns.example'] : null,
    original_registrar: null,
    original_dnshost: null,
    vanity_name_servers: [],
    created_on: created,
    modified_on: created,
    activated_on: zone.activated_on === undefined ? (pending ? null : created) : zone.activated_on,
    meta: { step: pending ? 4 : 2, custom_certificate_quota: plan === 'Enterprise' ? 10 : 1, page_rule_quota: 3, phishing_detected: false },
    owner: { type: 'organization', name: account?.name ?? '' },
    account: { id: zone.accountId, name: account?.name ?? '' },
    permissions: ['#zone:read', '#ssl:read'],
    plan: { id: planIds[plan] ?? planIds['Free'], name: `${plan} Website`, price: 0, currency: 'USD', frequency: '', is_subscribed: true, can_subscribe: false, legacy_id: plan.toLowerCase(), legacy_discount: false, externally_managed: false },
  };
}
