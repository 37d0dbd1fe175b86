import * as assert from 'node:assert/strict';
import { base, envelope, type MockApi, mockApi, pageInfo, secretToken } from '../../support/cloudflare/mockApi';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';

describe('CloudflareClient reads', () => {
  let api: MockApi;
  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  function calls(): Array<{ path: string; query: Record<string, string>; headers: Record<string, string | string[]> }> {
    return (api.agent.getCallHistory()?.calls() ?? []).map((log) => ({ path: log.path, query: log.searchParams, headers: log.headers ?? {} }));
  }

  it('sends the token as a Bearer header, JSON accept and a user agent', async () => {
    api.pool.intercept({ path: `${base}/zones/${zone(1).id}`, method: 'GET' }).reply(200, envelope(zone(1)));
    const result = await api.client().getZone(zone(1).id);
    assert.equal(result.name, 'zone1.example.com');
    const [call] = calls();
    assert.equal(call?.headers['authorization'], `Bearer ${secretToken}`);
    assert.equal(call?.headers['accept'], 'application/json');
    assert.match(String(call?.headers['user-agent']), /cloudflare-certificates/);
  });

  it('sends the legacy Global API Key as X-Auth-Email and X-Auth-Key', async () => {
    api.pool.intercept({ path: `${base}/zones/${zone(1).id}`, method: 'GET' }).reply(200, envelope(zone(1)));
    await api.client({ credentials: { kind: 'globalKey', email: 'ops@example.com', key: 'globalKEY123456' } }).getZone(zone(1).id);
    const [call] = calls();
    assert.equal(call?.headers['x-auth-email'], 'ops@example.com');
    assert.equal(call?.headers['x-auth-key'], 'globalKEY123456');
    assert.equal(call?.headers['authorization'], undefined);
  });

  it('asks a credentials provider before each request', async () => {
    let asked = 0;
    api.pool.intercept({ path: `${base}/zones/${zone(1).id}`, method: 'GET' }).reply(200, envelope(zone(1))).times(2);
    const client = api.client({
      credentials: () => {
        asked++;
        return Promise.resolve({ kind: 'token', token: `token-${asked}-abcdef` });
      },
    });
    await client.getZone(zone(1).id);
    await client.getZone(zone(1).id);
    assert.deepEqual(
      calls().map((call) => call.headers['authorization']),
      ['Bearer token-1-abcdef', 'Bearer token-2-abcdef'],
    );
  });

  it('honours a configured base URL', async () => {
    const pool = api.agent.get('http://127.0.0.1:8787');
    pool.intercept({ path: '/client/v4/zones/abc', method: 'GET' }).reply(200, envelope(zone(1)));
    await api.client({ baseUrl: 'http://127.0.0.1:8787/client/v4/' }).getZone('abc');
  });

  it('lists certificate packs with status=all and per_page=50, following total_pages', async () => {
    const zoneId = zone(1).id;
    const all = Array.from({ length: 120 }, (_, i) => pack(i, { status: i % 2 === 0 ? 'active' : 'pending_validation' }));
    for (const page of [1, 2, 3]) {
      api.pool
        .intercept({ path: `${base}/zones/${zoneId}/ssl/certificate_packs`, method: 'GET', query: { status: 'all', page: String(page), per_page: '50' } })
        .reply(200, envelope(all.slice((page - 1) * 50, page * 50), { result_info: pageInfo(page, 50, 50, 120, 3) }));
    }
    const packs = await api.client().listCertificatePacks(zoneId);
    assert.deepEqual(
      packs.map((item) => item.id),
      all.map((item) => item.id),
    );
    assert.ok(calls().every((call) => call.query['status'] === 'all' && call.query['per_page'] === '50'));
  });

  it('pages by total_count when total_pages is missing, and by short pages when both are', async () => {
    const zoneId = zone(1).id;
    const certs = Array.from({ length: 60 }, (_, i) => customCertificate(i));
    api.pool.intercept({ path: `${base}/zones/${zoneId}/custom_certificates`, method: 'GET', query: { page: '1', per_page: '50' } }).reply(200, envelope(certs.slice(0, 50), { result_info: pageInfo(1, 50, 50, 60) }));
    api.pool.intercept({ path: `${base}/zones/${zoneId}/custom_certificates`, method: 'GET', query: { page: '2', per_page: '50' } }).reply(200, envelope(certs.slice(50), { result_info: pageInfo(2, 50, 10, 60) }));
    assert.equal((await api.client().listCustomCertificates(zoneId)).length, 60);

    const clientCerts = Array.from({ length: 50 }, (_, i) => clientCertificate(i));
    api.pool.intercept({ path: `${base}/zones/${zoneId}/client_certificates`, method: 'GET', query: { status: 'all', page: '1', per_page: '50' } }).reply(200, envelope(clientCerts));
    api.pool.intercept({ path: `${base}/zones/${zoneId}/client_certificates`, method: 'GET', query: { status: 'all', page: '2', per_page: '50' } }).reply(200, envelope([]));
    assert.equal((await api.client().listClientCertificates(zoneId)).length, 50);
  });

  it('lists zones by account and by name', async () => {
    api.pool.intercept({ path: `${base}/zones`, method: 'GET', query: { 'account.id': 'acc1', page: '1', per_page: '50' } }).reply(200, envelope([zone(1), zone(2)], { result_info: pageInfo(1, 50, 2, 2, 1) }));
    api.pool.intercept({ path: `${base}/zones`, method: 'GET', query: { name: 'zone3.example.com', page: '1', per_page: '50' } }).reply(200, envelope([zone(3)], { result_info: pageInfo(1, 50, 1, 1, 1) }));
    const client = api.client();
    assert.equal((await client.listZones({ accountId: 'acc1' })).length, 2);
    assert.equal((await client.listZones({ name: 'zone3.example.com' }))[0]?.name, 'zone3.example.com');
  });

  it('reads custom hostnames a page at a time, with a hostname filter', async () => {
    const zoneId = zone(1).id;
    api.pool
      .intercept({ path: `${base}/zones/${zoneId}/custom_hostnames`, method: 'GET', query: { hostname: 'app1.customer.test', page: '3', per_page: '50' } })
      .reply(200, envelope([hostname(1)], { result_info: pageInfo(3, 50, 1, 101, 3) }));
    const page = await api.client().customHostnamesPage(zoneId, { page: 3, hostname: 'app1.customer.test' });
    assert.equal(page.items[0]?.hostname, 'app1.customer.test');
    assert.equal(page.resultInfo?.total_count, 101);
  });

  it('reads the single objects and settings at their paths', async () => {
    const zoneId = zone(1).id;
    const p = `${base}/zones/${zoneId}`;
    api.pool.intercept({ path: `${p}/settings/ssl`, method: 'GET' }).reply(200, envelope({ id: 'ssl', value: 'strict', editable: true, modified_on: null }));
    api.pool.intercept({ path: `${p}/ssl/certificate_packs/${pack(1).id}`, method: 'GET' }).reply(200, envelope(pack(1)));
    api.pool.intercept({ path: `${p}/ssl/certificate_packs/quota`, method: 'GET' }).reply(200, envelope({ advanced: { allocated: 10, used: 2 } }));
    api.pool.intercept({ path: `${p}/ssl/verification`, method: 'GET' }).reply(200, envelope([{ certificate_status: 'authorizing', cert_pack_uuid: pack(1).id, validation_method: 'txt' }]));
    api.pool.intercept({ path: `${p}/ssl/universal/settings`, method: 'GET' }).reply(200, envelope({ enabled: true }));
    api.pool.intercept({ path: `${p}/custom_certificates/${customCertificate(1).id}`, method: 'GET' }).reply(200, envelope(customCertificate(1)));
    api.pool.intercept({ path: `${p}/custom_hostnames/${hostname(1).id}`, method: 'GET' }).reply(200, envelope(hostname(1)));
    api.pool.intercept({ path: `${p}/custom_hostnames/fallback_origin`, method: 'GET' }).reply(200, envelope({ origin: 'origin.example.com', status: 'active', errors: [] }));
    const client = api.client();
    assert.equal((await client.getSslMode(zoneId)).value, 'strict');
    assert.equal((await client.getCertificatePack(zoneId, pack(1).id)).id, pack(1).id);
    assert.equal((await client.getCertificatePackQuota(zoneId)).advanced?.allocated, 10);
    assert.equal((await client.getSslVerification(zoneId))[0]?.certificate_status, 'authorizing');
    assert.equal((await client.getUniversalSslSettings(zoneId)).enabled, true);
    assert.equal((await client.getCustomCertificate(zoneId, customCertificate(1).id)).issuer, 'DigiCert');
    assert.equal((await client.getCustomHostname(zoneId, hostname(1).id)).ssl?.method, 'http');
    assert.equal((await client.getFallbackOrigin(zoneId))?.origin, 'origin.example.com');
  });

  it('reports no fallback origin (undefined) on 404 or an empty result', async () => {
    const path = `${base}/zones/${zone(1).id}/custom_hostnames/fallback_origin`;
    api.pool.intercept({ path, method: 'GET' }).reply(404, { success: false, errors: [{ code: 1551, message: 'No fallback origin' }], messages: [], result: null });
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(null));
    const client = api.client();
    assert.equal(await client.getFallbackOrigin(zone(1).id), undefined);
    assert.equal(await client.getFallbackOrigin(zone(1).id), undefined);
  });

  it('keeps unknown status values and unknown fields raw', async () => {
    const odd = { ...pack(1, { status: 'quantum_pending' }), brand_new_field: { nested: [1, 2] } };
    api.pool.intercept({ path: `${base}/zones/${zone(1).id}/ssl/certificate_packs`, method: 'GET', query: { status: 'all', page: '1', per_page: '50' } }).reply(200, envelope([odd], { result_info: pageInfo(1, 50, 1, 1, 1) }));
    const [result] = await api.client().listCertificatePacks(zone(1).id);
    assert.equal(result?.status, 'quantum_pending');
    assert.deepEqual(JSON.parse(JSON.stringify(result)), odd);
  });

  it('leaves out a malformed item with a warning, keeping the rest', async () => {
    const bad = { id: 42, hostname: ['not', 'a', 'string'] };
    api.pool
      .intercept({ path: `${base}/zones/${zone(1).id}/custom_hostnames`, method: 'GET', query: { page: '1', per_page: '50' } })
      .reply(200, envelope([hostname(1), bad, 'junk', hostname(2)], { result_info: pageInfo(1, 50, 4, 4, 1) }));
    const result = await api.client().listCustomHostnames(zone(1).id);
    assert.deepEqual(
      result.map((item) => item.hostname),
      ['app1.customer.test', 'app2.customer.test'],
    );
    assert.equal(api.logger.entries.filter((entry) => entry.level === 'warn').length, 2);
  });
});

describe('CloudflareClient writes', () => {
  let api: MockApi;
  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  it('restarts pack validation with a PATCH of the pack', async () => {
    const zoneId = zone(1).id;
    api.pool.intercept({ path: `${base}/zones/${zoneId}/ssl/certificate_packs/${pack(1).id}`, method: 'PATCH' }).reply(200, envelope(pack(1, { status: 'pending_validation' })));
    const result = await api.client().restartPackValidation(zoneId, pack(1).id);
    assert.equal(result.status, 'pending_validation');
  });

  it('rechecks validation with the chosen method', async () => {
    const zoneId = zone(1).id;
    api.pool
      .intercept({ path: `${base}/zones/${zoneId}/ssl/verification/${pack(1).id}`, method: 'PATCH', body: JSON.stringify({ validation_method: 'http' }) })
      .reply(200, envelope({ status: 'pending_validation', validation_method: 'http' }));
    assert.equal((await api.client().recheckValidation(zoneId, pack(1).id, 'http')).validation_method, 'http');
  });

  it('refreshes a custom hostname with its own ssl.method and ssl.type', async () => {
    const zoneId = zone(1).id;
    const target = hostname(1, { ssl: { method: 'txt', type: 'dv', status: 'validation_timed_out' } });
    api.pool
      .intercept({ path: `${base}/zones/${zoneId}/custom_hostnames/${target.id}`, method: 'PATCH', body: JSON.stringify({ ssl: { method: 'txt', type: 'dv' } }) })
      .reply(200, envelope(hostname(1, { ssl: { method: 'txt', type: 'dv', status: 'pending_validation' } })));
    const result = await api.client().refreshCustomHostname(zoneId, target);
    assert.equal(result.ssl?.status, 'pending_validation');
    const [call] = api.agent.getCallHistory()?.calls() ?? [];
    assert.equal(call?.headers?.['content-type'], 'application/json');
  });
});
