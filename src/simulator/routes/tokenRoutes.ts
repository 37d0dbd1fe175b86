import { identify, isAccountToken, isIdentity, tokenStatus } from '../http/auth';
import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import type { RequestContext, Route } from '../http/route';
import type { ScenarioToken } from '../model';
import { param } from './common';

function verified(token: ScenarioToken, nowMs: number): ApiResponse {
  const status = tokenStatus(token, nowMs);
  const result: Record<string, unknown> = { id: token.id, status };
  if (token.not_before !== undefined) result['not_before'] = token.not_before;
  if (token.expires_on !== undefined) result['expires_on'] = token.expires_on;
  // Code 10000 in `messages` means success here (api-facts §1).
  const messages = status === 'active' ? [{ code: 10000, message: 'This API Token is valid and active' }] : [];
  return ok(result, { messages });
}

/** The user-token check; account-owned tokens and global keys fail here (api-facts §1, §7). */
function verifyUserToken(context: RequestContext): ApiResponse {
  if (context.headers.authorization === undefined) {
    return cfErrors.missingAuthorization();
  }
  const identity = identify(context.headers, context.state);
  if (!isIdentity(identity)) return identity;
  if (identity.kind !== 'token' || isAccountToken(identity.token)) return cfErrors.invalidToken();
  return verified(identity.token, context.now());
}

/** The account-owned (`cfat_`) token check, which exists in the current API only. */
function verifyAccountToken(context: RequestContext): ApiResponse {
  if (context.headers.authorization === undefined) {
    return cfErrors.missingAuthorization();
  }
  const identity = identify(context.headers, context.state);
  if (!isIdentity(identity)) return identity;
  const accountId = param(context, 'account_id');
  if (!context.state.accounts.some((account) => account.id === accountId)) {
    return cfErrors.notFound(`/accounts/${accountId}/tokens/verify`);
  }
  if (identity.kind !== 'token' || identity.token.accountId !== accountId) return cfErrors.invalidToken();
  return verified(identity.token, context.now());
}

export const tokenRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/user/tokens/verify', family: 'tokens', access: 'self', handle: verifyUserToken },
  { method: 'GET', pattern: '/accounts/:account_id/tokens/verify', family: 'tokens', access: 'self', handle: verifyAccountToken },
];
