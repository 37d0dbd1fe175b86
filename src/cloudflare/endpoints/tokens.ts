import { type Api } from '../api';
import { isAccountToken } from '../credentials';
import { CloudflareApiError } from '../errors';
import { tokenVerifyShape } from '../schemas';
import { type TokenVerification } from '../types';

/**
 * Checks the credentials. User tokens use `/user/tokens/verify`; account-owned tokens
 * (`cfat_…`, or an older one that the user route rejects while an account ID is known)
 * use `/accounts/{id}/tokens/verify`; a Global API Key has no verify route, so a
 * one-item zone list stands in. A token that is `expired` or `disabled` is an error.
 */
export async function verifyToken(api: Api, signal?: AbortSignal): Promise<TokenVerification> {
  const credentials = await api.credentials();
  if (credentials.kind === 'globalKey') {
    await api.result('GET', '/zones', { query: { per_page: 5 }, signal });
    return { status: 'active', via: 'globalKey' };
  }
  const accountId = credentials.accountId?.trim() || undefined;
  if (isAccountToken(credentials)) {
    if (accountId === undefined) {
      throw new CloudflareApiError('bad_request', 'An account-owned API token (cfat_…) is verified under its account: give the account ID too.');
    }
    return checked(await verifyAt(api, `/accounts/${encodeURIComponent(accountId)}/tokens/verify`, signal), 'account');
  }
  try {
    return checked(await verifyAt(api, '/user/tokens/verify', signal), 'user');
  } catch (error) {
    if (accountId !== undefined && CloudflareApiError.is(error) && error.code === 'invalid_token') {
      return checked(await verifyAt(api, `/accounts/${encodeURIComponent(accountId)}/tokens/verify`, signal), 'account');
    }
    throw error;
  }
}

async function verifyAt(api: Api, path: string, signal: AbortSignal | undefined): Promise<Omit<TokenVerification, 'via'>> {
  return api.one(path, tokenVerifyShape, 'a token verification', { signal });
}

function checked(result: Omit<TokenVerification, 'via'>, via: TokenVerification['via']): TokenVerification {
  if (result.status === 'expired') {
    throw new CloudflareApiError('expired_token', `The API token has expired${result.expires_on == null ? '' : ` (on ${result.expires_on})`}.`);
  }
  if (result.status === 'disabled') {
    throw new CloudflareApiError('invalid_token', 'The API token is disabled.');
  }
  return { ...result, via };
}
