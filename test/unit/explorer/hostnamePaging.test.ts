import * as assert from 'node:assert/strict';
import { valueOf } from '../../../src/explorer/loadable';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';

/** 1,000 hostnames in one zone: 20 pages of 50. */
const hostnameCount = 1000;

describe('Loading every custom hostname of a large zone', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: hostnameCount, seed: 11 }), lifecycle: false });
  });

  after(async () => {
    await sim.close();
  });

  it('loads each remaining page once, keeps the API order, and redraws only as the list doubles', async () => {
    const account = tokenAccount(sim.demoToken);
    const { model, changes, close } = explorerOver(sim.apiBaseUrl, [account]);
    try {
      await model.loadZones(account.profile.key);
      await model.whenIdle();
      const zone = [...(model.account(account.profile.key)?.zoneStates.values() ?? [])][0];
      assert.ok(zone !== undefined);
      assert.equal(valueOf(zone.hostnames)?.items.length, 50, 'the first page came with the zone');
      const expected = sim.state.zones[0]?.customHostnames.all().map((hostname) => String(hostname['hostname']));
      const requests = sim.requests;
      const changesBefore = changes();

      await model.loadHostnames(account.profile.key, zone.zone.id, { all: true });

      // The model replaced the zone's state as it loaded: read it again.
      const loaded = model.zone(account.profile.key, zone.zone.id);
      const list = loaded === undefined ? undefined : valueOf(loaded.hostnames);
      assert.equal(loaded?.hostnames.status, 'ready');
      assert.deepEqual(list?.items.map((hostname) => hostname.hostname), expected);
      assert.equal(list?.pagesLoaded, 20);
      assert.equal(sim.requests - requests, 19, 'pages 2 to 20, each once');
      // Every redraw rebuilds every loaded row: one per page would make large zones quadratic.
      assert.ok(changes() - changesBefore <= 5, `${changes() - changesBefore} change notifications for 19 pages`);
    } finally {
      await close();
    }
  });
});
