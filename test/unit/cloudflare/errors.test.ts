import * as assert from 'node:assert/strict';
import { CloudflareApiError, type CloudflareErrorCode } from '../../../src/cloudflare';
import { base, envelope, failure, type MockApi, mockApi, secretToken } from '../../support/cloudflare/mockApi';
import { zone } from '../../support/builders';

async function rejectsWith(promise: Promise<unknown>, code: CloudflareErrorCode): Promise<CloudflareApiError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(CloudflareApiError.is(error), `expected a CloudflareApiError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    return error;
  }
  assert.fail(`expected a ${code} error`);
}

describe('CloudflareClient errors', () => {
  let api: MockApi;
  const zoneId = zone(1).id;
  const packsPath = `${base}/zones/${zoneId}/ssl/certificate_packs`;
  const packsQuery = { status: 'all', page: '1', per_page: '50' };

  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  it('names the missing permission on 403 code 10000', async () => {
    api.pool.intercept({ path: packsPath, method: 'GET', query: packsQuery }).reply(403, failure(10000, 'Authentication error'));
    const error = await rejectsWith(api.client().listCertificatePacks(zoneId), 'missing_permission');
    assert.equal(error.permission, 'SSL and Certificates: Read');
    assert.equal(error.status, 403);
    assert.deepEqual(error.cloudflareErrors, [{ code: 10000, message: 'Authentication error' }]);
    assert.match(error.message, /SSL and Certificates: Read/);
  });

  it('names "Zone: Read" for zone calls and "Zone Settings: Read" for the SSL mode', async () => {
    api.pool.intercept({ path: `${base}/zones/${zoneId}`, method: 'GET' }).reply(403, failure(10000, 'Authentication error'));
    api.pool.intercept({ path: `${base}/zones/${zoneId}/settings/ssl`, method: 'GET' }).reply(403, failure(9109, 'Unauthorized to access requested resource'));
    const client = api.client();
    assert.equal((await rejectsWith(client.getZone(zoneId), 'missing_permission')).permission, 'Zone: Read');
    assert.equal((await rejectsWith(client.getSslMode(zoneId), 'missing_permission')).permission, 'Zone Settings: Read');
  });

  it('names "SSL and Certificates: Edit" for writes', async () => {
    api.pool.intercept({ path: `${packsPath}/abc`, method: 'PATCH' }).reply(403, failure(10000, 'Authentication error'));
    assert.equal((await rejectsWith(api.client().restartPackValidation(zoneId, 'abc'), 'missing_permission')).permission, 'SSL and Certificates: Edit');
  });

  it('treats a malformed Authorization header (6003 → 6111) as an invalid token, keeping the chain', async () => {
    api.pool.intercept({ path: `${base}/zones/${zoneId}`, method: 'GET' }).reply(400, failure(6003, 'Invalid request headers', [{ code: 6111, message: 'Invalid format for Authorization header' }]));
    const error = await rejectsWith(api.client().getZone(zoneId), 'invalid_token');
    assert.deepEqual(
      error.cloudflareErrors.map((entry) => entry.code),
      [6003, 6111],
    );
  });

  it('treats bad X-Auth headers, 9109 "Invalid access token" and 401 as invalid credentials', async () => {
    const path = `${base}/zones/${zoneId}`;
    api.pool.intercept({ path, method: 'GET' }).reply(400, failure(6003, 'Invalid request headers', [{ code: 6103, message: 'Invalid format for X-Auth-Key header' }]));
    api.pool.intercept({ path, method: 'GET' }).reply(403, failure(9109, 'Invalid access token'));
    api.pool.intercept({ path, method: 'GET' }).reply(400, failure(9109, 'Invalid access token'));
    api.pool.intercept({ path, method: 'GET' }).reply(401, failure(10000, 'Authentication error'));
    const client = api.client();
    for (let i = 0; i < 4; i++) {
      await rejectsWith(client.getZone(zoneId), 'invalid_token');
    }
  });

  it('maps 404 and 7003 to not_found, other 4xx to bad_request', async () => {
    api.pool.intercept({ path: `${base}/zones/missing`, method: 'GET' }).reply(404, failure(1001, 'Invalid zone identifier'));
    api.pool.intercept({ path: `${base}/zones/other`, method: 'GET' }).reply(400, failure(7003, 'No route for the URI'));
    api.pool.intercept({ path: `${base}/zones/odd`, method: 'GET' }).reply(400, failure(1004, 'Invalid per_page'));
    const client = api.client();
    await rejectsWith(client.getZone('missing'), 'not_found');
    await rejectsWith(client.getZone('other'), 'not_found');
    await rejectsWith(client.getZone('odd'), 'bad_request');
  });

  it('reports malformed JSON, a non-envelope and a non-list result as bad_response', async () => {
    const path = `${base}/zones/${zoneId}`;
    api.pool.intercept({ path, method: 'GET' }).reply(200, '{"success": true, "result": {', { headers: { 'content-type': 'application/json' } });
    api.pool.intercept({ path, method: 'GET' }).reply(200, '<html>hello</html>');
    api.pool.intercept({ path, method: 'GET' }).reply(200, '[1,2,3]');
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope({ id: 7 }));
    api.pool.intercept({ path: packsPath, method: 'GET', query: packsQuery }).reply(200, envelope({ not: 'a list' }));
    const client = api.client();
    for (let i = 0; i < 4; i++) {
      await rejectsWith(client.getZone(zoneId), 'bad_response');
    }
    await rejectsWith(client.listCertificatePacks(zoneId), 'bad_response');
  });

  it('treats success:false on HTTP 200 as an error with its codes', async () => {
    api.pool.intercept({ path: `${base}/zones/${zoneId}`, method: 'GET' }).reply(200, failure(1049, 'Zone is not active'));
    const error = await rejectsWith(api.client().getZone(zoneId), 'bad_request');
    assert.equal(error.cloudflareErrors[0]?.code, 1049);
  });

  it('refuses empty, missing and unprintable credentials without sending anything', async () => {
    await rejectsWith(api.client({ credentials: { kind: 'token', token: '  ' } }).getZone(zoneId), 'invalid_token');
    await rejectsWith(api.client({ credentials: { kind: 'token', token: 'abc def\n' } }).getZone(zoneId), 'invalid_token');
    await rejectsWith(api.client({ credentials: { kind: 'globalKey', email: 'a@b.c', key: '' } }).getZone(zoneId), 'invalid_token');
    await rejectsWith(api.client({ credentials: () => Promise.resolve(undefined) }).getZone(zoneId), 'no_credentials');
    assert.equal(api.agent.getCallHistory()?.calls().length, 0);
  });

  it('never lets the token or key appear in logs or errors, even when Cloudflare echoes it', async () => {
    api.pool.intercept({ path: `${base}/zones/${zoneId}`, method: 'GET' }).reply(400, failure(9109, `Invalid access token ${secretToken}`));
    api.pool.intercept({ path: `${base}/zones/${zoneId}`, method: 'GET' }).reply(500, failure(500, 'oops')).times(4);
    const client = api.client();
    const first = await rejectsWith(client.getZone(zoneId), 'invalid_token');
    const second = await rejectsWith(client.getZone(zoneId), 'server');
    for (const error of [first, second]) {
      const serialised = `${error.message} ${JSON.stringify(error)} ${JSON.stringify(error.cloudflareErrors)} ${String(error.stack)}`;
      assert.ok(!serialised.includes(secretToken), serialised);
    }
    assert.ok(!api.logger.text().includes(secretToken));
    assert.ok(api.logger.entries.length > 0, 'retries were logged');
  });
});

describe('CloudflareClient token verification', () => {
  let api: MockApi;
  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  it('verifies a user token at /user/tokens/verify', async () => {
    api.pool.intercept({ path: `${base}/user/tokens/verify`, method: 'GET' }).reply(200, { ...envelope({ id: 'tokid', status: 'active', expires_on: '2030-01-01T00:00:00Z' }), messages: [{ code: 10000, message: 'This API Token is valid and active' }] });
    const result = await api.client().verifyToken();
    assert.equal(result.status, 'active');
    assert.equal(result.via, 'user');
  });

  it('verifies an account token (cfat_) under its account', async () => {
    api.pool.intercept({ path: `${base}/accounts/acc1/tokens/verify`, method: 'GET' }).reply(200, envelope({ id: 'tokid', status: 'active' }));
    const result = await api.client({ credentials: { kind: 'token', token: 'cfat_abcdef123456', accountId: 'acc1' } }).verifyToken();
    assert.equal(result.via, 'account');
  });

  it('falls back to the account route when the user route rejects an older account token', async () => {
    api.pool.intercept({ path: `${base}/user/tokens/verify`, method: 'GET' }).reply(401, failure(1000, 'Invalid API Token'));
    api.pool.intercept({ path: `${base}/accounts/acc1/tokens/verify`, method: 'GET' }).reply(200, envelope({ id: 'tokid', status: 'active' }));
    assert.equal((await api.client({ credentials: { kind: 'token', token: 'olderAccountToken123', accountId: 'acc1' } }).verifyToken()).via, 'account');
  });

  it('asks for the account ID of a cfat_ token rather than guessing', async () => {
    await rejectsWith(api.client({ credentials: { kind: 'token', token: 'cfat_abcdef123456' } }).verifyToken(), 'bad_request');
  });

  it('reports expired and disabled tokens', async () => {
    api.pool.intercept({ path: `${base}/user/tokens/verify`, method: 'GET' }).reply(200, envelope({ id: 'tokid', status: 'expired', expires_on: '2020-01-01T00:00:00Z' }));
    api.pool.intercept({ path: `${base}/user/tokens/verify`, method: 'GET' }).reply(200, envelope({ id: 'tokid', status: 'disabled' }));
    const client = api.client();
    await rejectsWith(client.verifyToken(), 'expired_token');
    await rejectsWith(client.verifyToken(), 'invalid_token');
  });

  it('checks a Global API Key with a one-item zone list', async () => {
    api.pool.intercept({ path: `${base}/zones`, method: 'GET', query: { per_page: '5' } }).reply(200, envelope([]));
    const result = await api.client({ credentials: { kind: 'globalKey', email: 'a@b.c', key: 'k123456789' } }).verifyToken();
    assert.equal(result.via, 'globalKey');
  });

  it('lists accounts, or reads the one account of an account-owned token', async () => {
    api.pool.intercept({ path: `${base}/accounts`, method: 'GET', query: { page: '1', per_page: '50' } }).reply(200, envelope([{ id: 'acc1', name: 'Acme' }], { result_info: { page: 1, per_page: 50, count: 1, total_count: 1 } }));
    api.pool.intercept({ path: `${base}/accounts/acc2`, method: 'GET' }).reply(200, envelope({ id: 'acc2', name: 'Own' }));
    api.pool.intercept({ path: `${base}/accounts`, method: 'GET', query: { page: '1', per_page: '50' } }).reply(400, failure(1001, 'List accounts endpoint does not support account owned tokens.'));
    api.pool.intercept({ path: `${base}/accounts/acc3`, method: 'GET' }).reply(200, envelope({ id: 'acc3' }));
    assert.equal((await api.client().listAccounts())[0]?.name, 'Acme');
    assert.equal((await api.client({ credentials: { kind: 'token', token: 'cfat_abcdef123456', accountId: 'acc2' } }).listAccounts())[0]?.name, 'Own');
    assert.equal((await api.client({ credentials: { kind: 'token', token: 'legacyAcctToken', accountId: 'acc3' } }).listAccounts())[0]?.id, 'acc3');
  });
});
