import { checkPermission, identify, isAccountToken, isIdentity } from '../http/auth';
import { cfErrors } from '../http/cfErrors';
import { ok, type ApiResponse } from '../http/envelope';
import { enumParam, isPaging, pageOf, parsePaging } from '../http/paging';
import type { RequestContext, Route } from '../http/route';
import type { ScenarioAccount } from '../model';

function accountView(account: ScenarioAccount): unknown {
  return {
    id: account.id,
    name: account.name,
    type: account.type ?? 'standard',
    settings: { enforce_twofactor: false, api_access_enabled: null, abuse_contact_email: null },
    created_on: account.created_on ?? '2019-03-14T09:12:00Z',
  };
}

/** `GET /accounts`: account-owned tokens are refused first (api-facts §1). */
function listAccounts(context: RequestContext): ApiResponse {
  const identity = identify(context.headers, context.state);
  if (!isIdentity(identity)) return identity;
  if (identity.kind === 'token' && isAccountToken(identity.token)) return cfErrors.accountTokenOnAccounts();
  const denied = checkPermission(identity, 'Account Settings: Read', context.now());
  if (denied !== undefined) return denied;
  const paging = parsePaging(context.query);
  if (!isPaging(paging)) return paging;
  const direction = enumParam(context.query, 'direction', ['asc', 'desc']);
  if (typeof direction === 'object') return direction;
  const name = context.query.get('name')?.toLowerCase();
  let accounts = context.state.accounts.filter((account) => name === undefined || account.name.toLowerCase().includes(name));
  if (direction !== undefined) {
    accounts = [...accounts].sort((a, b) => a.name.localeCompare(b.name) * (direction === 'desc' ? -1 : 1));
  }
  return pageOf(accounts, paging, accountView);
}

/** `GET /accounts/{id}`: how an account-owned token, refused by the list, reads its account. */
function accountDetails(context: RequestContext): ApiResponse {
  const id = context.params['account_id'] ?? '';
  const account = context.state.accounts.find((candidate) => candidate.id === id);
  if (account === undefined) return cfErrors.notFound(context.path);
  const identity = context.identity;
  if (identity?.kind === 'token' && identity.token.accountId !== undefined && identity.token.accountId !== id) return cfErrors.forbidden();
  return ok(accountView(account));
}

export const accountRoutes: readonly Route[] = [
  { method: 'GET', pattern: '/accounts', family: 'accounts', access: 'self', handle: listAccounts },
  { method: 'GET', pattern: '/accounts/:account_id', family: 'accounts', access: 'Account Settings: Read', handle: accountDetails },
];
