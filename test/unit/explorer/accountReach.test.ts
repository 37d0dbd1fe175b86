import * as assert from 'node:assert/strict';
import type { Zone } from '../../../src/cloudflare';
import { shownAccounts, unreachedAccounts } from '../../../src/explorer/accountReach';
import type { AccountState } from '../../../src/explorer/explorerState';
import { idle } from '../../../src/explorer/loadable';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { acmeAccountId, demoTokens, simulatorClient } from '../../support/simulator/simulatorFixture';

const tenantlyAccountId = 'a0d62a607ec78ab679b477df6be25c61';

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

describe('unreachedAccounts against the simulator', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ lifecycle: false });
  });

  after(async () => {
    await sim.close();
  });

  async function unreached(token: string, accountIds: readonly string[], credentialsAccountId?: string): Promise<string[]> {
    const client = simulatorClient(sim, { kind: 'token', token, ...(credentialsAccountId === undefined ? {} : { accountId: credentialsAccountId }) });
    try {
      const listed = await client.listAccounts().catch(() => []);
      return await unreachedAccounts(client, accountIds, listed);
    } finally {
      await client.close();
    }
  }

  it('finds both demo accounts reached by a token that may list accounts', async () => {
    assert.deepEqual(await unreached(demoTokens.demo, [acmeAccountId, tenantlyAccountId]), []);
  });

  it('finds them through zones for a token that may not list accounts', async () => {
    assert.deepEqual(await unreached(demoTokens.readOnly, [acmeAccountId, tenantlyAccountId]), []);
  });

  it('names the account a zone-scoped token does not reach', async () => {
    assert.deepEqual(await unreached(demoTokens.scoped, [acmeAccountId, tenantlyAccountId]), [acmeAccountId]);
  });

  it('names the other account for an account-owned token', async () => {
    assert.deepEqual(await unreached(demoTokens.account, [acmeAccountId, tenantlyAccountId], acmeAccountId), [tenantlyAccountId]);
  });

  it('has nothing to check when no account was shown', async () => {
    const before = sim.requests;
    assert.deepEqual(await unreached(demoTokens.scoped, []), []);
    assert.equal(sim.requests - before, 1, 'only the accounts list the caller read');
  });
});
