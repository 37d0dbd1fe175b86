import { type Api } from '../api';
import { isAccountToken } from '../credentials';
import { CloudflareApiError } from '../errors';
import { Permission } from '../permissions';
import { accountShape } from '../schemas';
import { type Account } from '../types';

/**
 * The accounts the credentials can see. `GET /accounts` refuses account-owned tokens
 * (400, code 1001), so for those the one account they belong to is read instead.
 */
export async function listAccounts(api: Api, signal?: AbortSignal): Promise<Account[]> {
  const credentials = await api.credentials();
  const accountId = credentials.kind === 'token' ? credentials.accountId?.trim() || undefined : undefined;
  if (isAccountToken(credentials) && accountId !== undefined) {
    return [await getAccount(api, accountId, signal)];
  }
  try {
    return (await api.all('/accounts', {}, accountShape, 'accounts', { signal, permission: Permission.accountSettingsRead })).items;
  } catch (error) {
    const refusesAccountTokens = CloudflareApiError.is(error) && error.cloudflareErrors.some((entry) => entry.code === 1001);
    if (refusesAccountTokens && accountId !== undefined) {
      return [await getAccount(api, accountId, signal)];
    }
    throw error;
  }
}

export function getAccount(api: Api, accountId: string, signal?: AbortSignal): Promise<Account> {
  return api.one(`/accounts/${encodeURIComponent(accountId)}`, accountShape, 'an account', { signal, permission: Permission.accountSettingsRead });
}
