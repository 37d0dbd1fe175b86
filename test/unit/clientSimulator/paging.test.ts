import * as assert from 'node:assert/strict';
import { gatherInventory, maxPerPage } from '../../../src/cloudflare';
import { generateLargeAccount, type RunningSimulator, startSimulator } from '../../../src/simulator';
import { acmeZoneId, demoTokens, simulatorClient } from '../../support/simulator/simulatorFixture';

describe('client against the simulator: paging and status=all', () => {
  describe('a generated account with several pages per collection', () => {
    // 60 zones (two pages), two SaaS zones with 65 custom hostnames each (two pages each).
    const scenario = generateLargeAccount({ zones: 60, packsPerZone: 2, customHostnames: 130, seed: 7 });
    let sim: RunningSimulator;

    before(async () => {
      sim = await startSimulator({ scenario, lifecycle: false });
    });

    after(async () => {
      await sim.close();
    });

    it('walks every page of zones with per_page 50, once each', async () => {
      const client = simulatorClient(sim, sim.demoToken);
      try {
        const before = sim.requests;
        const zones = await client.listZones();
        assert.equal(zones.length, 60);
        assert.equal(new Set(zones.map((zone) => zone.id)).size, 60);
        assert.equal(sim.requests - before, Math.ceil(60 / maxPerPage));
      } finally {
        await client.close();
      }
    });

    it('walks every page of custom hostnames without losing or repeating one', async () => {
      const client = simulatorClient(sim, sim.demoToken);
      try {
        const saasZone = scenario.zones.find((zone) => zone.saas === true);
        assert.ok(saasZone !== undefined);
        const hostnames = await client.listCustomHostnames(saasZone.id);
        assert.equal(hostnames.length, 65);
        assert.deepEqual(new Set(hostnames.map((item) => item.id)), new Set(saasZone.customHostnames?.map((item) => item.id)));
      } finally {
        await client.close();
      }
    });

    it('gathers the whole inventory with the fewest requests per_page 50 allows', async () => {
      const client = simulatorClient(sim, sim.demoToken);
      try {
        const before = sim.requests;
        const inventory = await gatherInventory(client);
        assert.equal(inventory.complete, true);
        assert.equal(inventory.zones.length, 60);
        const hostnames = inventory.zones.reduce((sum, zone) => sum + (zone.customHostnames?.length ?? 0), 0);
        assert.equal(hostnames, 130);
        // zone pages + 5 calls per zone + the second hostname page of each SaaS zone.
        const minimum = 2 + 60 * 5 + 2;
        assert.equal(sim.requests - before, minimum);
        assert.equal(inventory.requests, minimum);
      } finally {
        await client.close();
      }
    });
  });

  describe('the demo scenario', () => {
    let sim: RunningSimulator;

    before(async () => {
      sim = await startSimulator({ lifecycle: false });
    });

    after(async () => {
      await sim.close();
    });

    it('asks for status=all, so packs in every status come back, not only active ones', async () => {
      const client = simulatorClient(sim, demoTokens.readOnly);
      try {
        const packs = await client.listCertificatePacks(acmeZoneId);
        assert.equal(packs.length, 25);
        assert.ok(packs.some((pack) => pack.status === 'validation_timed_out'));
        assert.ok(packs.some((pack) => pack.status === 'expired'));
      } finally {
        await client.close();
      }
    });

    it('asks for status=all on client certificates, so revoked ones come back too', async () => {
      const client = simulatorClient(sim, demoTokens.readOnly);
      try {
        const certificates = await client.listClientCertificates(acmeZoneId);
        assert.deepEqual(certificates.map((item) => item.status).sort(), ['active', 'pending_reactivation', 'pending_reactivation', 'pending_revocation', 'pending_revocation', 'revoked']);
      } finally {
        await client.close();
      }
    });

    it('reads "no fallback origin" as undefined and a configured one as it is', async () => {
      const client = simulatorClient(sim, demoTokens.readOnly);
      try {
        assert.equal(await client.getFallbackOrigin(acmeZoneId), undefined);
        const [tenantly] = await client.listZones({ name: 'tenantly-staging.app' });
        assert.ok(tenantly !== undefined);
        assert.equal((await client.getFallbackOrigin(tenantly.id))?.status, 'deployment_timed_out');
      } finally {
        await client.close();
      }
    });
  });
});
