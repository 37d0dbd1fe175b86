import * as assert from 'node:assert/strict';
import { CloudflareClient, type Credentials, type Zone } from '../../../src/cloudflare';
import { shownAccounts, unreachedAccounts } from '../../../src/explorer/accountReach';
import type { AccountState } from '../../../src/explorer/explorerState';
import { idle } from '../../../src/explorer/loadable';
import { zone } from '../../support/builders';
import { literalAccount, serveRoute, type FakeAnswer } from '../../support/cloudflare/literalAccount';
import { failure } from '../../support/cloudflare/mockApi';
import { literalToken } from '../../support/explorer/explorerHarness';

function accountState(zones: readonly Zone[] | undefined, accountId?: string): AccountState {
  return {
    profile: { key: 'k', label: 'Test', origin: 'stored', authKind: 'token', ...(accountId === undefined ? {} : { accountId }) },
    zones: zones === undefined ? idle : { status: 'ready', value: zones, at: 0 },
    zoneStates: new Map(),
  };
}

describe('shownAccounts', () => {
  it('collects the accounts of the listed zones, named', () => {
    const zones: Zone[] = [
      { id: 'z1', name: 'a.example', account: { id: 'acc1', name: 'One' } },
      { id: 'z2', name: 'b.example', account: { id: 'acc1', name: 'One' } },
      { id: 'z3', name: 'c.example', account: { id: 'acc2', name: null } },
      { id: 'z4', name: 'd.example' },
    ];
    assert.deepEqual([...shownAccounts(accountState(zones))], [['acc1', 'One'], ['acc2', 'acc2']]);
  });

  it('falls back to the account a profile is scoped to, and knows nothing of an account never listed', () => {
    assert.deepEqual([...shownAccounts(accountState(undefined, 'acc9'))], [['acc9', 'acc9']]);
    assert.deepEqual([...shownAccounts(accountState(undefined))], []);
    assert.deepEqual([...shownAccounts(undefined)], []);
  });
});

const acmeAccountId = '0000000000000000000000000000ac01';
const tenantlyAccountId = '0000000000000000000000000000te02';
const acmeZones = [zone(31, { name: 'acme.com', account: { id: acmeAccountId, name: 'Acme Corp' } }), zone(32, { name: 'acme.io', account: { id: acmeAccountId, name: 'Acme Corp' } })];
const tenantlyZones = [zone(33, { name: 'tenantly.app', account: { id: tenantlyAccountId, name: 'Tenantly Platform' } })];

/** A fake account-owned token (the `cfat_` prefix), for the stand-in only. */
const accountOwnedToken = 'cfat_LITERAL-ACCOUNT-TOKEN-not-a-real-token-0000001';

/** Cloudflare's answer to `GET /accounts` for a token without Account Settings: Read (api-facts §7). */
const forbidden: FakeAnswer = { status: 403, body: failure(10000, 'Authentication error') };

/**
 * What one token sees, written out: the zones in its resources, and whether it may list
 * the accounts (`GET /accounts` answers the accounts of those zones, or is refused).
 */
interface TokenView {
  readonly zones: readonly Zone[];
  readonly listsAccounts: boolean;
}

const views = {
  /** Every permission, both accounts. */
  full: { zones: [...acmeZones, ...tenantlyZones], listsAccounts: true },
  /** Zone and SSL read on both accounts, no Account Settings: Read. */
  readOnly: { zones: [...acmeZones, ...tenantlyZones], listsAccounts: false },
  /** Only tenantly.app in its resources. */
  scoped: { zones: tenantlyZones, listsAccounts: false },
  /** Owned by Acme Corp: its zones only; it reads its own account, never the list. */
  acmeOwned: { zones: acmeZones, listsAccounts: false },
} satisfies Record<string, TokenView>;

describe('unreachedAccounts against a literal account', () => {
  let requests = 0;

  async function unreached(view: TokenView, accountIds: readonly string[], credentials: Credentials = { kind: 'token', token: literalToken }): Promise<string[]> {
    const server = await serveRoute((path) => {
      requests += 1;
      // The listing filtered by `account.id`, as Cloudflare filters it: the zones of that account the token sees.
      const accountId = new URL(path, 'http://x').searchParams.get('account.id');
      const zones = view.zones.filter((entry) => accountId === null || entry.account?.id === accountId);
      return literalAccount(
        zones.map((entry) => ({ zone: entry })),
        (route) => (route === '/accounts' && !view.listsAccounts ? forbidden : undefined),
      )(path);
    });
    const client = new CloudflareClient({ baseUrl: server.baseUrl, credentials, rateBudget: false });
    try {
      const listed = await client.listAccounts().catch(() => []);
      return await unreachedAccounts(client, accountIds, listed);
    } finally {
      await client.close();
      await server.close();
    }
  }

  it('finds both accounts reached by a token that may list accounts', async () => {
    const before = requests;
    assert.deepEqual(await unreached(views.full, [acmeAccountId, tenantlyAccountId]), []);
    assert.equal(requests - before, 1, 'the accounts list is enough: no zone is looked up');
  });

  it('finds them through zones for a token that may not list accounts', async () => {
    assert.deepEqual(await unreached(views.readOnly, [acmeAccountId, tenantlyAccountId]), []);
  });

  it('names the account a zone-scoped token does not reach', async () => {
    assert.deepEqual(await unreached(views.scoped, [acmeAccountId, tenantlyAccountId]), [acmeAccountId]);
  });

  it('names the other account for an account-owned token', async () => {
    assert.deepEqual(await unreached(views.acmeOwned, [acmeAccountId, tenantlyAccountId], { kind: 'token', token: accountOwnedToken, accountId: acmeAccountId }), [tenantlyAccountId]);
  });

  it('has nothing to check when no account was shown', async () => {
    const before = requests;
    assert.deepEqual(await unreached(views.scoped, []), []);
    assert.equal(requests - before, 1, 'only the accounts list the caller read');
  });
});
