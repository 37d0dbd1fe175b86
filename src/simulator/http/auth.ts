import type { IncomingHttpHeaders } from 'node:http';
import type { Permission, ScenarioGlobalKey, ScenarioToken } from '../model';
import type { SimulatorState, ZoneState } from '../state/simulatorState';
import { cfErrors } from './cfErrors';
import type { ApiResponse } from './envelope';

export type Identity =
  | { readonly kind: 'token'; readonly token: ScenarioToken }
  | { readonly kind: 'globalKey'; readonly key: ScenarioGlobalKey };

/** API tokens are 40+ URL-safe characters; anything else in a Bearer header is malformed. */
const tokenShape = /^[A-Za-z0-9_-]{40,}$/;
/** Global API Keys are 37 hex characters. */
const globalKeyShape = /^[0-9a-f]{37}$/i;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Who is calling, from the headers alone; errors as api-facts §7 records them. */
export function identify(headers: IncomingHttpHeaders, state: SimulatorState): Identity | ApiResponse {
  const authorization = header(headers, 'authorization');
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const value = match?.[1];
    if (value === undefined || !tokenShape.test(value)) {
      return cfErrors.badAuthorizationHeader();
    }
    const token = state.token(value);
    return token === undefined ? cfErrors.invalidToken() : { kind: 'token', token };
  }
  const email = header(headers, 'x-auth-email');
  const key = header(headers, 'x-auth-key');
  if (email === undefined && key === undefined) {
    return cfErrors.missingCredentials();
  }
  if (email === undefined || !email.includes('@')) {
    return cfErrors.badAuthEmail();
  }
  if (key === undefined || !globalKeyShape.test(key)) {
    return cfErrors.badAuthKey();
  }
  const known = state.globalKey(email);
  return known?.key === key ? { kind: 'globalKey', key: known } : cfErrors.forbidden();
}

export function isIdentity(value: Identity | ApiResponse): value is Identity {
  return 'kind' in value;
}

/** A token's effective status at `nowMs`: past `expires_on` counts as expired. */
export function tokenStatus(token: ScenarioToken, nowMs: number): ScenarioToken['status'] {
  if (token.status !== 'active') return token.status;
  if (token.expires_on !== undefined && Date.parse(token.expires_on) <= nowMs) return 'expired';
  if (token.not_before !== undefined && Date.parse(token.not_before) > nowMs) return 'disabled';
  return 'active';
}

function hasPermission(token: ScenarioToken, permission: Permission): boolean {
  if (token.permissions.includes(permission)) return true;
  // Write includes read, as on the dashboard.
  return permission === 'SSL and Certificates: Read' && token.permissions.includes('SSL and Certificates: Write');
}

/** Undefined when the identity may call a route needing `permission`; else Cloudflare's answer. */
export function checkPermission(identity: Identity, permission: Permission, nowMs: number): ApiResponse | undefined {
  if (identity.kind === 'globalKey') return undefined;
  if (tokenStatus(identity.token, nowMs) !== 'active') return cfErrors.invalidToken();
  return hasPermission(identity.token, permission) ? undefined : cfErrors.forbidden();
}

/** Whether a token's resources include the zone (account-owned tokens: their account only). */
export function canReachZone(identity: Identity, zone: ZoneState): boolean {
  if (identity.kind === 'globalKey') return true;
  const { token } = identity;
  if (token.accountId !== undefined && token.accountId !== zone.spec.accountId) return false;
  return token.zones === undefined || token.zones.includes(zone.spec.id) || token.zones.includes(zone.spec.name);
}

/** Account-owned tokens start with `cfat_` (api-facts §1). */
export function isAccountToken(token: ScenarioToken): boolean {
  return token.value.startsWith('cfat_') || token.accountId !== undefined;
}
