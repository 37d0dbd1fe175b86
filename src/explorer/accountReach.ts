import type { Account, CloudflareClient } from '../cloudflare';
import type { AccountState } from './explorerState';
import { valueOf } from './loadable';

/**
 * The Cloudflare accounts an explorer account has shown, by ID with their names: those
 * of the zones it listed, and the account it is scoped to. Empty when nothing was listed
 * (e.g. the stored token had already expired), in which case there is nothing to compare.
 */
export function shownAccounts(state: AccountState | undefined): Map<string, string> {
  const shown = new Map<string, string>();
  for (const zone of (state === undefined ? undefined : valueOf(state.zones)) ?? []) {
    const id = zone.account?.id;
    if (id) shown.set(id, zone.account?.name || id);
  }
  const scope = state?.profile.accountId;
  if (scope !== undefined && !shown.has(scope)) shown.set(scope, scope);
  return shown;
}

/**
 * Which of `accountIds` the client's credentials cannot reach, so a replacement token
 * that would hide zones is caught before it is stored. An account counts as reached when
 * `GET /accounts` (already read by the caller, when the token may) lists it, or when the
 * token sees at least one of its zones: most tokens may read zones but not accounts.
 */
export async function unreachedAccounts(client: CloudflareClient, accountIds: Iterable<string>, listed: readonly Account[], signal?: AbortSignal): Promise<string[]> {
  const known = new Set(listed.map((account) => account.id));
  const unknown = [...accountIds].filter((id) => !known.has(id));
  const reached = await Promise.all(unknown.map((id) => seesZonesOf(client, id, signal)));
  return unknown.filter((_, index) => reached[index] !== true);
}

async function seesZonesOf(client: CloudflareClient, accountId: string, signal: AbortSignal | undefined): Promise<boolean> {
  try {
    // per_page 5 is the API's smallest page: one zone is all the answer needs.
    const page = await client.zonesPage({ accountId, page: 1, perPage: 5 }, signal);
    return page.items.length > 0;
  } catch (error) {
    if (signal?.aborted === true) throw error;
    // A refusal here means the token does not reach the account: the user is asked.
    return false;
  }
}
