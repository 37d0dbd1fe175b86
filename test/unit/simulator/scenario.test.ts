import assert from 'node:assert/strict';
import { generateLargeAccount, loadScenario, ScenarioError, startSimulator } from '../../../src/simulator';
import demo from '../../../src/simulator/scenarios/demo.json';
import { call, result, resultArray } from '../../support/simulator/simulatorFixture';

function withChange(change: (copy: Record<string, unknown>) => void): unknown {
  const copy = structuredClone(demo) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
}

function zonesOf(copy: Record<string, unknown>): Record<string, unknown>[] {
  return copy['zones'] as Record<string, unknown>[];
}

describe('scenarios', () => {
  it('rejects a bad scenario with an error naming the field', () => {
    const cases: [unknown, RegExp][] = [
      [null, /\(root\): must be an object/],
      [withChange((copy) => { delete copy['tokens']; }), /tokens: must be an array/],
      [withChange((copy) => { (zonesOf(copy)[0] as Record<string, unknown>)['status'] = 'sleeping'; }), /zones\[0\]\.status: must be one of/],
      [withChange((copy) => { ((zonesOf(copy)[0]?.['certificatePacks'] as Record<string, unknown>[])[2] as Record<string, unknown>)['status'] = 'bogus'; }), /zones\[0\]\.certificatePacks\[2\]\.status/],
      [withChange((copy) => { (((zonesOf(copy)[5]?.['customHostnames'] as Record<string, unknown>[])[1] as Record<string, unknown>)['ssl'] as Record<string, unknown>)['status'] = 'nope'; }), /zones\[5\]\.customHostnames\[1\]\.ssl\.status/],
      [withChange((copy) => { (zonesOf(copy)[0] as Record<string, unknown>)['accountId'] = 'x'; }), /zones\[0\]\.accountId: names no account/],
      [withChange((copy) => { ((copy['tokens'] as Record<string, unknown>[])[0] as Record<string, unknown>)['permissions'] = ['Everything: Write']; }), /tokens\[0\]\.permissions\[0\]/],
      [withChange((copy) => { copy['demoToken'] = 'SIMULATOR-SOMETHING-ELSE-not-a-real-token-000000000'; }), /demoToken/],
      [withChange((copy) => { ((zonesOf(copy)[0]?.['certificatePacks'] as Record<string, unknown>[])[0] as Record<string, unknown>)['sim'] = { events: [{ after: 'soon', status: 'active' }] }; }), /sim\.events\[0\]\.after/],
    ];
    for (const [input, message] of cases) {
      assert.throws(() => loadScenario(input), (error: unknown) => error instanceof ScenarioError && error.code === 'scenario_invalid' && message.test(error.message), String(message));
    }
  });

  it('resolves relative dates against the simulator\'s start', async () => {
    const sim = await startSimulator({ lifecycle: false });
    try {
      const zone = sim.state.zones[0];
      assert.ok(zone !== undefined);
      const universal = zone.packs.all()[0];
      const expires = ((universal?.['certificates'] as { expires_on: string }[])[0]?.expires_on) ?? '';
      assert.match(expires, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
      assert.equal(Math.round((Date.parse(expires) - sim.state.startMs) / 86_400_000), 64);
    } finally {
      await sim.close();
    }
  });

  it('generates a large account deterministically, with the sizes asked for', () => {
    const options = { zones: 300, packsPerZone: 10, customHostnames: 10_000, seed: 7 };
    const account = generateLargeAccount(options);
    assert.equal(account.zones.length, 300);
    assert.equal(account.zones.reduce((sum, zone) => sum + (zone.certificatePacks?.length ?? 0), 0), 3000);
    assert.equal(account.zones.reduce((sum, zone) => sum + (zone.customHostnames?.length ?? 0), 0), 10_000);
    assert.deepEqual(generateLargeAccount(options), account);
    assert.notDeepEqual(generateLargeAccount({ ...options, seed: 8 }).zones[0]?.id, account.zones[0]?.id);
    assert.equal(loadScenario(account), account);
  });

  it('serves a generated account', async () => {
    const sim = await startSimulator({ scenario: generateLargeAccount({ zones: 60, packsPerZone: 3, customHostnames: 120, seed: 1 }), lifecycle: false });
    try {
      const zones = await call(sim, '/zones?per_page=50&page=2');
      assert.equal((zones.body['result_info'] as { total_count: number }).total_count, 60);
      assert.equal(resultArray(zones).length, 10);
      assert.equal(result(await call(sim, '/user/tokens/verify'))['status'], 'active');
    } finally {
      await sim.close();
    }
  });
});
