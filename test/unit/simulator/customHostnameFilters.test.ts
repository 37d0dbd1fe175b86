import assert from 'node:assert/strict';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { call, firstError, resultArray } from '../../support/simulator/simulatorFixture';

/** The list filters of the current API (the `cloudflare` SDK 7.x): `hostname_status` and `ssl_status`, one value each, combined with AND. */
describe('simulator: custom hostname status filters', () => {
  let sim: RunningSimulator;
  let zone: string;
  before(async () => {
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: 400, seed: 7 }), lifecycle: false });
    zone = sim.state.zones[0]?.spec.id ?? '';
  });
  after(async () => {
    await sim.close();
  });

  const all = (): readonly Record<string, unknown>[] => sim.state.zones[0]?.customHostnames.all() ?? [];
  const sslOf = (item: Record<string, unknown>): unknown => (item['ssl'] as Record<string, unknown> | undefined)?.['status'];

  it('hostname_status lists only hostnames in that status, with result_info counting them', async () => {
    const expected = all().filter((item) => item['status'] === 'pending');
    assert.ok(expected.length > 0);
    const response = await call(sim, `/zones/${zone}/custom_hostnames?hostname_status=pending&per_page=50`);
    assert.equal(response.status, 200);
    const listed = resultArray(response);
    assert.ok(listed.every((item) => item['status'] === 'pending'));
    assert.equal((response.body['result_info'] as Record<string, unknown>)['total_count'], expected.length);
  });

  it('ssl_status lists only hostnames whose certificate is in that status', async () => {
    const expected = all().filter((item) => sslOf(item) === 'validation_timed_out');
    const response = await call(sim, `/zones/${zone}/custom_hostnames?ssl_status=validation_timed_out&per_page=50`);
    assert.equal(response.status, 200);
    assert.deepEqual(resultArray(response).map((item) => item['id']).sort(), expected.map((item) => item['id']).sort());
  });

  it('both filters must match', async () => {
    const expected = all().filter((item) => item['status'] === 'active' && sslOf(item) === 'pending_deployment');
    assert.ok(expected.length > 0);
    const response = await call(sim, `/zones/${zone}/custom_hostnames?hostname_status=active&ssl_status=pending_deployment&per_page=50`);
    assert.deepEqual(resultArray(response).map((item) => item['id']).sort(), expected.map((item) => item['id']).sort());
    const none = await call(sim, `/zones/${zone}/custom_hostnames?hostname_status=moved&ssl_status=active&per_page=50`);
    assert.equal(none.status, 200);
    assert.deepEqual(resultArray(none), []);
    assert.equal((none.body['result_info'] as Record<string, unknown>)['total_pages'], 0);
  });

  it('a value outside the API’s list is a 400 invalid-parameter error, not an empty list', async () => {
    for (const query of ['hostname_status=stuck', 'ssl_status=ACTIVE']) {
      const response = await call(sim, `/zones/${zone}/custom_hostnames?${query}`);
      assert.equal(response.status, 400, query);
      assert.equal(firstError(response).code, 6008);
      assert.match(firstError(response).error_chain?.[0]?.message ?? '', /must be one of/);
    }
  });
});
