import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { call, demoGlobalKey, demoTokens, firstError, result, resultArray, zoneId } from '../../support/simulator/simulatorFixture';

describe('simulator API: authentication outcomes', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ lifecycle: false });
  });
  after(async () => {
    await sim.close();
  });

  const packsOf = (name: string): string => `/zones/${zoneId(sim, name)}/ssl/certificate_packs?status=all`;

  it('verifies an active user token with the 10000 success message', async () => {
    const response = await call(sim, '/user/tokens/verify');
    assert.equal(response.status, 200);
    assert.equal(result(response)['status'], 'active');
    assert.deepEqual(response.body['messages'], [{ code: 10000, message: 'This API Token is valid and active' }]);
  });

  it('reports disabled and expired tokens as such on verify, and refuses them elsewhere with 401 / 9109', async () => {
    for (const [token, status] of [[demoTokens.disabled, 'disabled'], [demoTokens.expired, 'expired']] as const) {
      const verify = await call(sim, '/user/tokens/verify', { token });
      assert.equal(result(verify)['status'], status);
      assert.deepEqual(verify.body['messages'], []);
      const zones = await call(sim, '/zones', { token });
      assert.equal(zones.status, 401);
      assert.deepEqual(firstError(zones), { code: 9109, message: 'Invalid access token' });
    }
  });

  it('refuses an unknown token with 401 / 9109 and a malformed one with 400 / 6003 + 6111', async () => {
    const unknown = await call(sim, '/zones', { token: 'SIMULATOR-UNKNOWN-TOKEN-not-a-real-token-0000000099' });
    assert.equal(unknown.status, 401);
    assert.equal(firstError(unknown).code, 9109);
    const malformed = await call(sim, '/zones', { token: demoGlobalKey.key });
    assert.equal(malformed.status, 400);
    assert.equal(firstError(malformed).code, 6003);
    assert.equal(firstError(malformed).error_chain?.[0]?.code, 6111);
  });

  it('answers a token lacking a permission with 403 / 10000 Authentication error', async () => {
    const response = await call(sim, packsOf('acme.com'), { token: demoTokens.zoneOnly });
    assert.equal(response.status, 403);
    assert.deepEqual(firstError(response), { code: 10000, message: 'Authentication error' });
    assert.equal((await call(sim, '/zones', { token: demoTokens.zoneOnly })).status, 200);
    const write = await call(sim, `/zones/${zoneId(sim, 'acme.com')}/client_certificates/x`, { token: demoTokens.readOnly, method: 'DELETE' });
    assert.equal(write.status, 403);
  });

  it('keeps a token to its resources: other zones are invisible in lists and 403 by id', async () => {
    const zones = resultArray(await call(sim, '/zones', { token: demoTokens.scoped }));
    assert.deepEqual(zones.map((zone) => zone['name']), ['tenantly.app']);
    assert.equal((await call(sim, packsOf('acme.com'), { token: demoTokens.scoped })).status, 403);
    assert.equal((await call(sim, packsOf('tenantly.app'), { token: demoTokens.scoped })).status, 200);
  });

  it('handles account-owned cfat_ tokens: refused by GET /accounts and /user/tokens/verify, verified under their account', async () => {
    const list = await call(sim, '/accounts', { token: demoTokens.account });
    assert.equal(list.status, 400);
    assert.deepEqual(firstError(list), { code: 1001, message: 'List accounts endpoint does not support account owned tokens.' });
    assert.equal((await call(sim, '/user/tokens/verify', { token: demoTokens.account })).status, 401);
    const acme = sim.state.accounts.find((account) => account.name === 'Acme Corp')?.id ?? '';
    const tenantly = sim.state.accounts.find((account) => account.name === 'Tenantly Platform')?.id ?? '';
    const verify = await call(sim, `/accounts/${acme}/tokens/verify`, { token: demoTokens.account });
    assert.equal(verify.status, 200);
    assert.equal(result(verify)['status'], 'active');
    assert.equal((await call(sim, `/accounts/${tenantly}/tokens/verify`, { token: demoTokens.account })).status, 401);
    assert.equal((await call(sim, `/accounts/${acme}/tokens/verify`)).status, 401, 'a user token is not an account token');
    assert.equal(result(await call(sim, `/accounts/${acme}`, { token: demoTokens.account }))['name'], 'Acme Corp');
    assert.equal((await call(sim, `/accounts/${tenantly}`, { token: demoTokens.account })).status, 403);
    const zones = resultArray(await call(sim, '/zones?per_page=50', { token: demoTokens.account }));
    assert.ok(zones.every((zone) => (zone['account'] as { id: string }).id === acme));
  });

  it('accepts the legacy Global API Key and rejects bad or partial key headers', async () => {
    const ok = await call(sim, '/zones', { headers: { 'x-auth-email': demoGlobalKey.email, 'x-auth-key': demoGlobalKey.key } });
    assert.equal(ok.status, 200);
    const wrong = await call(sim, '/zones', { headers: { 'x-auth-email': demoGlobalKey.email, 'x-auth-key': 'f'.repeat(37) } });
    assert.equal(wrong.status, 403);
    const badKey = await call(sim, '/zones', { headers: { 'x-auth-email': demoGlobalKey.email, 'x-auth-key': 'short' } });
    assert.equal(firstError(badKey).error_chain?.[0]?.code, 6103);
    const badEmail = await call(sim, '/zones', { headers: { 'x-auth-email': 'nobody', 'x-auth-key': demoGlobalKey.key } });
    assert.equal(firstError(badEmail).error_chain?.[0]?.code, 6102);
    const verify = await call(sim, '/user/tokens/verify', { headers: { 'x-auth-email': demoGlobalKey.email, 'x-auth-key': demoGlobalKey.key } });
    assert.equal(verify.status, 400);
    assert.deepEqual(firstError(verify), { code: 1001, message: 'Missing "Authorization" header' });
  });

  it('refuses a request without credentials with 400 / 6003', async () => {
    const response = await call(sim, '/zones', { token: null });
    assert.equal(response.status, 400);
    assert.equal(firstError(response).code, 6003);
  });

  it('lists accounts only with Account Settings: Read', async () => {
    assert.equal(resultArray(await call(sim, '/accounts')).length, 2);
    assert.equal((await call(sim, '/accounts', { token: demoTokens.readOnly })).status, 403);
  });
});
