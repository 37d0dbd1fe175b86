import * as assert from 'node:assert/strict';
import { badgeOf, statusBarOf, summarize } from '../../../src/explorer/summary';
import { DEFAULT_EXPIRY_THRESHOLDS } from '../../../src/domain/expiry';
import { parseFaultSpec, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { expandAll, explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';

const acmeZone = '7e05f48470fd987decb1f6604b86760e';

describe('Explorer model: what is shown survives a partial failure', () => {
  let simulator: RunningSimulator;

  afterEach(async () => {
    await simulator.close();
  });

  it('keeps a failed collection\'s previous items, marked stale with its error, and says the counts are stale', async () => {
    // Each of the 11 zones lists its packs and custom certificates once; every later call fails.
    simulator = await startSimulator({ lifecycle: false, faults: parseFaultSpec('route=certificate_packs,status=503,after=11;route=custom_certificates,drop,after=11') });
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    const context = { now: Date.now(), thresholds: DEFAULT_EXPIRY_THRESHOLDS };
    try {
      await expandAll(explorer.model);
      const first = explorer.model.zone('demo', acmeZone);
      assert.ok(first?.details.status === 'ready');
      assert.equal(first.details.value.certificatePacks?.length, 25);
      assert.equal(first.details.value.customCertificates?.length, 5);
      const before = summarize(explorer.model.snapshot(context));
      assert.ok(before.needAction > 0);
      assert.equal(before.staleZones, undefined, 'nothing is stale yet');

      await explorer.model.refresh();
      const tree = await expandAll(explorer.model);
      const zone = explorer.model.zone('demo', acmeZone);
      assert.ok(zone?.details.status === 'ready');
      assert.equal(zone.details.value.certificatePacks?.length, 25, 'the packs are kept');
      assert.equal(zone.details.value.customCertificates?.length, 5, 'the custom certificates are kept');
      assert.deepEqual(
        zone.details.value.errors.map((error) => [error.collection, error.stale]),
        [
          ['certificatePacks', true],
          ['customCertificates', true],
        ],
      );
      const after = summarize(explorer.model.snapshot(context));
      assert.equal(after.needAction, before.needAction, 'an outage does not read as an all-clear');
      assert.equal(after.staleZones, 11);
      assert.match(badgeOf(after)?.tooltip ?? '', /stale data from 11 zones/);
      assert.match(statusBarOf(after, context.now)?.tooltip ?? '', /Counts include stale data/);

      const acme = tree.find((item) => item.node.type === 'zone' && item.label === 'acme.com');
      assert.match(acme?.description ?? '', /stale/, 'the zone says its counts are stale');
      const edge = tree.find((item) => item.node.type === 'group' && item.node.zone === acmeZone && item.node.group === 'edgeCertificates');
      assert.match(edge?.description ?? '', /^25 · \d+ needs? action · stale$/);
      const notice = tree.find((item) => item.node.type === 'message' && item.node.kind === 'error' && item.node.parentId === `${edge?.id ?? ''}`);
      assert.match(notice?.label ?? '', /showing the last data loaded$/);
      assert.equal(tree.filter((item) => item.node.type === 'pack' && item.node.zone === acmeZone).length, 25, 'the packs are still in the tree');
    } finally {
      await explorer.close();
    }
  });

  it('shows how many items of a collection were left out, and why', async () => {
    simulator = await startSimulator({ lifecycle: false });
    const acme = simulator.state.zones.find((zone) => zone.spec.name === 'acme.com');
    assert.ok(acme);
    const [pack] = acme.packs.all();
    assert.ok(pack);
    pack['status'] = 42;
    const tenantly = simulator.state.zones.find((zone) => zone.spec.name === 'tenantly.app');
    const [first, second] = tenantly?.customHostnames.all() ?? [];
    assert.ok(first && second);
    first['hostname'] = 7;
    second['hostname'] = 8;
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    try {
      const tree = await expandAll(explorer.model);
      const errors = explorer.model.zone('demo', acmeZone)?.details.status === 'ready' ? explorer.model.zone('demo', acmeZone)?.details : undefined;
      assert.ok(errors?.status === 'ready');
      assert.deepEqual(errors.value.errors.map((error) => [error.collection, error.error.code, error.error.rejected]), [['certificatePacks', 'bad_item', 1]]);
      assert.equal(errors.value.certificatePacks?.length, 24);
      const notice = tree.find((item) => item.node.type === 'message' && /^1 item was left out: .*"status"/.test(item.label));
      assert.ok(notice, 'the tree says one pack was left out and why');
      const hostnames = tree.find((item) => item.node.type === 'message' && /^2 items were left out: .*"hostname"/.test(item.label));
      assert.ok(hostnames, 'the custom hostnames say two were left out and why');
      assert.equal(tree.filter((item) => item.node.type === 'customHostname').length, 31);
    } finally {
      await explorer.close();
    }
  });

  it('says on the account how many zones were left out of the listing, and why', async () => {
    simulator = await startSimulator({ lifecycle: false });
    for (const name of ['acme.io', 'acme.dev']) {
      const zone = simulator.state.zones.find((candidate) => candidate.spec.name === name);
      assert.ok(zone, name);
      zone.api['name'] = 42;
    }
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    try {
      const tree = await expandAll(explorer.model);
      assert.equal(tree.filter((item) => item.node.type === 'zone').length, 9);
      const notice = tree.find((item) => item.node.type === 'message' && item.node.kind === 'error' && /^2 items were left out: .*"name"/.test(item.label));
      assert.ok(notice, 'the account says two zones were left out and why');
    } finally {
      await explorer.close();
    }
  });
});
