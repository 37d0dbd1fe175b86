import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { call, firstError, hostnameId, packId, result, resultArray, zoneId } from '../../support/simulator/simulatorFixture';

describe('simulator API: envelope, paging, filters, 404s', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ lifecycle: false });
  });
  after(async () => {
    await sim.close();
  });

  it('wraps results in Cloudflare\'s envelope with result_info on lists', async () => {
    const response = await call(sim, '/zones');
    assert.equal(response.status, 200);
    assert.equal(response.body['success'], true);
    assert.deepEqual(response.body['errors'], []);
    assert.deepEqual(response.body['messages'], []);
    assert.ok(Array.isArray(response.body['result']));
    assert.deepEqual(Object.keys(response.body['result_info'] as object).sort(), ['count', 'page', 'per_page', 'total_count', 'total_pages']);
    assert.match(response.headers.get('content-type') ?? '', /application\/json/);
  });

  it('wraps errors with success false, errors[{code,message}] and result null', async () => {
    const response = await call(sim, '/zones/0000000000000000000000000000dead');
    assert.equal(response.status, 404);
    assert.equal(response.body['success'], false);
    assert.equal(response.body['result'], null);
    assert.deepEqual(response.body['messages'], []);
    assert.equal(firstError(response).code, 7003);
  });

  for (const perPage of [4, 51]) {
    it(`rejects per_page=${perPage} with 400 / 6008 and the bounds in the error chain`, async () => {
      for (const path of ['/zones', `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames`, `/zones/${zoneId(sim, 'acme.com')}/client_certificates`]) {
        const response = await call(sim, `${path}?per_page=${perPage}`);
        assert.equal(response.status, 400, path);
        const error = firstError(response);
        assert.equal(error.code, 6008);
        assert.match(error.error_chain?.[0]?.message ?? '', /between 5 and 50/);
      }
    });
  }

  it('accepts the bounds 5 and 50', async () => {
    assert.equal((await call(sim, '/zones?per_page=5')).status, 200);
    assert.equal((await call(sim, '/zones?per_page=50')).status, 200);
  });

  it('pages to the end: every custom hostname once, last page short, past the end empty', async () => {
    const zone = zoneId(sim, 'tenantly.app');
    const total = sim.state.zone(zone)?.customHostnames.size ?? 0;
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const response = await call(sim, `/zones/${zone}/custom_hostnames?per_page=5&page=${page}`);
      const info = response.body['result_info'] as { count: number; total_count: number; page: number };
      assert.equal(info.total_count, total);
      assert.equal(info.page, page);
      seen.push(...resultArray(response).map((item) => String(item['id'])));
      if (info.count < 5) break;
    }
    assert.equal(seen.length, total);
    assert.equal(new Set(seen).size, total);
    const past = await call(sim, `/zones/${zone}/custom_hostnames?per_page=5&page=999`);
    assert.deepEqual(resultArray(past), []);
  });

  it('lists only active packs without status=all, every pack with it', async () => {
    const zone = zoneId(sim, 'acme.com');
    const active = resultArray(await call(sim, `/zones/${zone}/ssl/certificate_packs?per_page=50`));
    assert.ok(active.length > 0);
    assert.ok(active.every((pack) => pack['status'] === 'active'));
    const all = resultArray(await call(sim, `/zones/${zone}/ssl/certificate_packs?status=all&per_page=50`));
    assert.equal(all.length, sim.state.zone(zone)?.packs.size);
    assert.ok(all.some((pack) => pack['status'] === 'validation_timed_out'));
    const bad = await call(sim, `/zones/${zone}/ssl/certificate_packs?status=pending`);
    assert.equal(bad.status, 400);
  });

  it('filters packs by deploy=staging', async () => {
    const zone = zoneId(sim, 'acme.com');
    const staging = resultArray(await call(sim, `/zones/${zone}/ssl/certificate_packs?status=all&deploy=staging&per_page=50`));
    assert.deepEqual(staging.map((pack) => pack['status']).sort(), ['deactivating', 'inactive', 'staging_active', 'staging_deployment']);
  });

  it('filters custom hostnames by exact hostname and by id, and refuses both together', async () => {
    const zone = zoneId(sim, 'tenantly.app');
    const byName = resultArray(await call(sim, `/zones/${zone}/custom_hostnames?hostname=portal.contoso.io`));
    assert.deepEqual(byName.map((item) => item['hostname']), ['portal.contoso.io']);
    const none = resultArray(await call(sim, `/zones/${zone}/custom_hostnames?hostname=contoso.io`));
    assert.deepEqual(none, []);
    const id = hostnameId(sim, 'portal.contoso.io');
    const byId = resultArray(await call(sim, `/zones/${zone}/custom_hostnames?id=${id}`));
    assert.equal(byId[0]?.['id'], id);
    const both = await call(sim, `/zones/${zone}/custom_hostnames?id=${id}&hostname=portal.contoso.io`);
    assert.equal(both.status, 400);
  });

  it('filters client certificates by status, with status=all listing every one', async () => {
    const zone = zoneId(sim, 'acme.com');
    const all = resultArray(await call(sim, `/zones/${zone}/client_certificates?status=all`));
    assert.equal(all.length, 6);
    const revoked = resultArray(await call(sim, `/zones/${zone}/client_certificates?status=revoked`));
    assert.deepEqual(revoked.map((item) => item['status']), ['revoked']);
  });

  it('filters zones by name operators, status and account', async () => {
    const names = async (query: string): Promise<string[]> => resultArray(await call(sim, `/zones?per_page=50&${query}`)).map((zone) => String(zone['name'])).sort();
    assert.deepEqual(await names('name=acme.com'), ['acme.com']);
    assert.deepEqual(await names('name=ends_with:.app'), ['tenantly-eu.app', 'tenantly-staging.app', 'tenantly.app']);
    assert.deepEqual(await names('status=pending'), ['acme.dev']);
    const acme = sim.state.accounts.find((account) => account.name === 'Acme Corp')?.id ?? '';
    assert.equal((await names(`account.id=${acme}`)).length, 5);
  });

  it('serves one object per route and answers Cloudflare 404s for unknown ids and routes', async () => {
    const zone = zoneId(sim, 'acme.com');
    const pack = packId(sim, 'acme.com', 'shop.acme.com');
    assert.equal(result(await call(sim, `/zones/${zone}/ssl/certificate_packs/${pack}`))['id'], pack);
    assert.equal(result(await call(sim, `/zones/${zone}/settings/ssl`))['value'], 'strict');
    assert.equal(result(await call(sim, `/zones/${zone}/ssl/universal/settings`))['enabled'], true);
    assert.equal(typeof (result(await call(sim, `/zones/${zone}/ssl/certificate_packs/quota`))['advanced'] as Record<string, unknown>)['used'], 'number');
    for (const path of [
      `/zones/${zone}/ssl/certificate_packs/00000000-0000-4000-a000-000000000000`,
      `/zones/${zone}/custom_certificates/0000000000000000000000000000dead`,
      `/zones/${zone}/custom_hostnames/00000000-0000-4000-a000-000000000000`,
      `/zones/${zone}/client_certificates/00000000-0000-4000-a000-000000000000`,
      `/zones/${zone}/custom_hostnames/fallback_origin`,
    ]) {
      const response = await call(sim, path);
      assert.equal(response.status, 404, path);
      assert.equal(firstError(response).code, 7003);
    }
    const unknown = await call(sim, '/nothing/here');
    assert.equal(unknown.status, 404);
    assert.deepEqual(firstError(unknown), { code: 7003, message: 'No route for the URI' });
  });

  it('answers the fallback origin of a SaaS zone and the verification entries of a zone', async () => {
    const origin = result(await call(sim, `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames/fallback_origin`));
    assert.equal(origin['status'], 'active');
    assert.equal(origin['id'], undefined);
    const entries = resultArray(await call(sim, `/zones/${zoneId(sim, 'acme.com')}/ssl/verification`));
    const statuses = new Set(entries.map((entry) => entry['certificate_status']));
    for (const status of ['initializing', 'authorizing', 'active', 'expired', 'issuing', 'timing_out', 'pending_deployment']) {
      assert.ok(statuses.has(status), status);
    }
  });

  it('counts requests served', async () => {
    const before = sim.requests;
    await call(sim, '/zones');
    assert.equal(sim.requests, before + 1);
  });
});
