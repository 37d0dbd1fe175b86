import assert from 'node:assert/strict';
import { startSimulator, statusOf, type RunningSimulator } from '../../../src/simulator';
import { call, packId, result, zoneId, hostnameId } from '../../support/simulator/simulatorFixture';

const minute = 60_000;
const day = 86_400_000;

describe('simulator lifecycle engine', () => {
  let sim: RunningSimulator;

  beforeEach(async () => {
    sim = await startSimulator();
  });
  afterEach(async () => {
    await sim.close();
  });

  const pack = async (host: string, zone = 'acme.com'): Promise<Record<string, unknown>> =>
    result(await call(sim, `/zones/${zoneId(sim, zone)}/ssl/certificate_packs/${packId(sim, zone, host)}`));

  it('moves a new pack through every issuing stage to active with fresh certificates', async () => {
    const seen: unknown[] = [(await pack('docs.acme.com'))['status']];
    for (let step = 0; step < 4; step++) {
      sim.advance(45_000);
      seen.push((await pack('docs.acme.com'))['status']);
    }
    assert.deepEqual(seen, ['initializing', 'pending_validation', 'pending_issuance', 'pending_deployment', 'active']);
    const active = await pack('docs.acme.com');
    const certificates = active['certificates'] as Record<string, unknown>[];
    assert.deepEqual(certificates.map((certificate) => certificate['signature']), ['ECDSAWithSHA256', 'SHA256WithRSA']);
    assert.equal(active['primary_certificate'], certificates[0]?.['id']);
    assert.equal(active['validation_records'], undefined);
  });

  it('times a stuck validation out when the scenario says so', async () => {
    assert.equal((await pack('trial.acme.com'))['status'], 'pending_validation');
    sim.advance(2 * minute);
    assert.equal((await pack('trial.acme.com'))['status'], 'validation_timed_out');
  });

  it('holds objects on the hold path', async () => {
    sim.advance(30 * day);
    assert.equal((await pack('shop.acme.com'))['status'], 'pending_validation');
  });

  it('runs scheduled deactivation: active → deactivating → inactive', async () => {
    sim.advance(20 * minute);
    assert.equal((await pack('partners.acme.com'))['status'], 'deactivating');
    sim.advance(minute);
    assert.equal((await pack('partners.acme.com'))['status'], 'inactive');
  });

  it('renews a certificate inside its 30-day window through pending_deployment, with a later expiry', async () => {
    const before = (await pack('www.acme.com'))['certificates'] as { expires_on: string }[];
    assert.equal((await pack('www.acme.com'))['status'], 'pending_deployment');
    sim.advance(minute);
    const renewed = await pack('www.acme.com');
    assert.equal(renewed['status'], 'active');
    const after = renewed['certificates'] as { expires_on: string }[];
    assert.ok(Date.parse(after[0]?.expires_on ?? '') > Date.parse(before[0]?.expires_on ?? '') + 60 * day);
  });

  it('fails a renewal on CAA, then expires the pack at its Not After', async () => {
    const zone = 'acme-shop.com';
    const failing = await pack('acme-shop.com', zone);
    assert.equal(failing['status'], 'pending_issuance');
    assert.match(JSON.stringify(failing['validation_errors']), /CAA/);
    sim.advance(12 * day);
    assert.equal((await pack('acme-shop.com', zone))['status'], 'expired');
  });

  it('releases a held custom certificate when its zone becomes active', async () => {
    const zone = zoneId(sim, 'acme.dev');
    assert.equal((await pack('www.acme.dev', 'acme.dev'))['status'], 'holding_deployment');
    // The demo keeps acme.dev pending (Holding Deployment stays on screen): the nameserver change comes from here.
    const located = sim.state.find(zone);
    assert.ok(located !== undefined);
    sim.state.setStatus(located, 'active');
    assert.equal(result(await call(sim, `/zones/${zone}`))['status'], 'active');
    assert.equal((await pack('www.acme.dev', 'acme.dev'))['status'], 'active');
    const custom = sim.state.zone(zone)?.customCertificates.all()[0];
    assert.equal(custom?.['status'], 'active');
  });

  it('deletes a moved custom hostname after 7 days', async () => {
    const id = hostnameId(sim, 'docs.initech.com');
    const path = `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames/${id}`;
    assert.equal(result(await call(sim, path))['status'], 'moved');
    sim.advance(7 * day);
    assert.equal(result(await call(sim, path))['status'], 'deleted');
  });

  it('advances objects a test changes through the state', async () => {
    const located = sim.state.find(packId(sim, 'acme.com', 'beta.acme.com'));
    assert.ok(located !== undefined);
    sim.state.setStatus(located, 'pending_issuance');
    assert.equal((await pack('beta.acme.com'))['status'], 'pending_issuance');
    sim.advance(minute);
    assert.equal(statusOf(located.object), 'pending_deployment');
  });

  it('speeds the lifecycle up with lifecycle.speed', async () => {
    const fast = await startSimulator({ lifecycle: { speed: 1000 } });
    try {
      fast.advance(180);
      const located = fast.state.find(packId(fast, 'acme.com', 'docs.acme.com'));
      assert.equal(located === undefined ? '' : statusOf(located.object), 'active', '180 ms × 1000 = 3 minutes of lifecycle');
    } finally {
      await fast.close();
    }
  });

  it('stands still with lifecycle: false', async () => {
    const still = await startSimulator({ lifecycle: false });
    try {
      still.advance(10 * day);
      const located = still.state.find(packId(still, 'acme.com', 'docs.acme.com'));
      assert.equal(located === undefined ? '' : statusOf(located.object), 'initializing');
    } finally {
      await still.close();
    }
  });
});
