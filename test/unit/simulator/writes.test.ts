import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { call, firstError, hostnameId, packId, result, zoneId } from '../../support/simulator/simulatorFixture';

describe('simulator writes', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });
  afterEach(async () => {
    await sim.close();
  });

  const packPath = (host: string): string => `/zones/${zoneId(sim, 'acme.com')}/ssl/certificate_packs/${packId(sim, 'acme.com', host)}`;

  it('restarts validation of a timed-out advanced pack with fresh tokens', async () => {
    const before = result(await call(sim, packPath('legacy.acme.com')));
    assert.equal(before['status'], 'validation_timed_out');
    const restarted = await call(sim, packPath('legacy.acme.com'), { method: 'PATCH' });
    assert.equal(restarted.status, 200);
    assert.equal(result(restarted)['status'], 'pending_validation');
    assert.notDeepEqual(result(restarted)['validation_records'], before['validation_records']);
    assert.deepEqual(result(restarted)['validation_errors'], []);
  });

  it('refuses to restart validation of an active pack with Cloudflare\'s error', async () => {
    const refused = await call(sim, packPath('partners.acme.com'), { method: 'PATCH' });
    assert.equal(refused.status, 400);
    assert.equal(firstError(refused).code, 1400);
    assert.equal(result(await call(sim, packPath('partners.acme.com')))['status'], 'active');
  });

  it('rechecks or switches the DCV method with the verification PATCH, never on an active pack', async () => {
    const zone = zoneId(sim, 'acme.com');
    const shop = packId(sim, 'acme.com', 'shop.acme.com');
    const path = `/zones/${zone}/ssl/verification/${shop}`;
    assert.equal((await call(sim, path, { method: 'PATCH' })).status, 400, 'the body must not be empty');
    const recheck = await call(sim, path, { method: 'PATCH', body: { validation_method: 'txt' } });
    assert.deepEqual(result(recheck), { status: 'pending_validation', validation_method: 'txt' });
    const switched = await call(sim, path, { method: 'PATCH', body: { validation_method: 'http' } });
    assert.equal(switched.status, 200);
    const records = result(await call(sim, `/zones/${zone}/ssl/certificate_packs/${shop}`))['validation_records'] as Record<string, unknown>[];
    assert.ok(records.every((record) => typeof record['http_url'] === 'string'));
    const active = await call(sim, `/zones/${zone}/ssl/verification/${packId(sim, 'acme.com', 'partners.acme.com')}`, { method: 'PATCH', body: { validation_method: 'txt' } });
    assert.equal(active.status, 400);
  });

  it('advances a pending validation at once on ?retry=true', async () => {
    const zone = zoneId(sim, 'acme.com');
    assert.equal(result(await call(sim, packPath('status.acme.com')))['status'], 'pending_validation');
    await call(sim, `/zones/${zone}/ssl/verification?retry=true`);
    assert.equal(result(await call(sim, packPath('status.acme.com')))['status'], 'pending_issuance');
  });

  it('deletes an advanced pack through pending_deletion', async () => {
    const deleted = await call(sim, packPath('tmp.acme.com'), { method: 'DELETE' });
    assert.deepEqual(result(deleted), { id: packId(sim, 'acme.com', 'tmp.acme.com') });
    assert.equal(result(await call(sim, packPath('tmp.acme.com')))['status'], 'pending_deletion');
    sim.advance(60_000);
    assert.equal(result(await call(sim, packPath('tmp.acme.com')))['status'], 'deleted');
  });

  it('refreshes a moved custom hostname: 202, back to pending, new DCV tokens', async () => {
    const path = `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames/${hostnameId(sim, 'docs.initech.com')}`;
    const before = result(await call(sim, path));
    const refreshed = await call(sim, path, { method: 'PATCH', body: { ssl: { method: 'txt', type: 'dv' } } });
    assert.equal(refreshed.status, 202);
    assert.equal(result(refreshed)['status'], 'pending');
    const ssl = result(refreshed)['ssl'] as Record<string, unknown>;
    assert.equal(ssl['status'], 'pending_validation');
    assert.notDeepEqual(ssl['validation_records'], (before['ssl'] as Record<string, unknown>)['validation_records']);
  });

  it('refuses a custom hostname PATCH whose ssl lacks type or method with 1440', async () => {
    const path = `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames/${hostnameId(sim, 'docs.initech.com')}`;
    const refused = await call(sim, path, { method: 'PATCH', body: { ssl: { method: 'txt' } } });
    assert.equal(refused.status, 400);
    assert.equal(firstError(refused).code, 1440);
    const metadata = await call(sim, path, { method: 'PATCH', body: { custom_metadata: { plan: 'gold' } } });
    assert.equal(metadata.status, 200);
    assert.deepEqual(result(metadata)['custom_metadata'], { plan: 'gold' });
  });

  it('revokes and reactivates client certificates asynchronously', async () => {
    const zone = zoneId(sim, 'acme.com');
    const certificates = sim.state.zone(zone)?.clientCertificates.all() ?? [];
    const active = certificates.find((certificate) => certificate['status'] === 'active');
    const revoked = certificates.find((certificate) => certificate['status'] === 'revoked');
    assert.ok(active !== undefined && revoked !== undefined);
    const path = (id: string): string => `/zones/${zone}/client_certificates/${id}`;
    assert.equal(result(await call(sim, path(active.id), { method: 'DELETE' }))['status'], 'pending_revocation');
    assert.equal(result(await call(sim, path(revoked.id), { method: 'PATCH', body: { reactivate: true } }))['status'], 'pending_reactivation');
    assert.equal((await call(sim, path(active.id), { method: 'PATCH', body: { reactivate: true } })).status, 400);
    sim.advance(60_000);
    assert.equal(result(await call(sim, path(active.id)))['status'], 'revoked');
    assert.equal(result(await call(sim, path(revoked.id)))['status'], 'active');
  });

  it('answers malformed JSON bodies with 400 / 6007', async () => {
    const response = await fetch(`${sim.apiBaseUrl}${packPath('legacy.acme.com')}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${sim.demoToken}`, 'content-type': 'application/json' },
      body: '{"cloudflare_branding": tr',
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { errors: { code: number }[] }).errors[0]?.code, 6007);
  });
});
