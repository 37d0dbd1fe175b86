import * as assert from 'node:assert/strict';
import { CloudflareClient } from '../../../src/cloudflare';
import { systemClock } from '../../../src/shared/clock';
import { ExplorerModel } from '../../../src/explorer/explorerModel';
import { objectKey } from '../../../src/domain/objectRef';
import { TransitionHistory } from '../../../src/explorer/transitionHistory';
import { detectTransitions, type ObjectsLoaded } from '../../../src/explorer/statusChanges';
import { silentLogger } from '../../../src/shared/logger';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { tokenAccount } from '../../support/explorer/explorerHarness';

describe('Explorer model reports loaded objects for transitions', () => {
  let simulator: RunningSimulator;
  let client: CloudflareClient;
  let model: ExplorerModel;
  let changes: ObjectsLoaded[];
  const history = new TransitionHistory();

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    const account = tokenAccount(simulator.demoToken, 'Demo');
    client = new CloudflareClient({ baseUrl: simulator.apiBaseUrl, credentials: account.credentials, rateBudget: false, retries: { max: 0 } });
    changes = [];
    model = new ExplorerModel({
      listProfiles: () => [account.profile],
      clientFor: () => Promise.resolve(client),
      clock: systemClock,
      logger: silentLogger,
      onDidChange: () => undefined,
      onObjectsLoaded: (change) => {
        changes.push(change);
        history.record(detectTransitions(change, Date.now()));
      },
    });
    await model.loadZones('demo');
    await model.whenIdle();
  });

  after(async () => {
    model.dispose();
    await client.close();
    await simulator.close();
  });

  it('reports details and hostnames of every prefetched zone, first seen', () => {
    const zones = new Set(changes.map((change) => change.zone));
    assert.equal(zones.size, 11);
    assert.ok(changes.some((change) => change.part === 'details' && change.before === undefined));
    assert.ok(changes.some((change) => change.part === 'hostnames' && change.before === undefined));
    assert.ok(history.keys().length > 40, `${history.keys().length} objects in history`);
  });

  it('reports a status change on the next refresh, with what was loaded before', async () => {
    const zone = [...(model.account('demo')?.zoneStates.values() ?? [])].find((state) => state.details.status === 'ready' && (state.hostnames.status === 'ready' && state.hostnames.value.items.length > 0));
    assert.ok(zone, 'a zone with custom hostnames');
    const hostname = zone.hostnames.status === 'ready' ? zone.hostnames.value.items[0] : undefined;
    assert.ok(hostname);
    const located = simulator.state.find(hostname.id);
    assert.ok(located);
    const to = hostname.status === 'moved' ? 'active' : 'moved';
    simulator.state.setStatus(located, to, 'status');
    changes.length = 0;
    await model.refresh();
    await model.whenIdle();
    const reported = changes.filter((change) => change.zone === zone.zone.id && change.part === 'hostnames');
    assert.ok(reported.length > 0);
    const found = reported.flatMap((change) => detectTransitions(change, 1)).filter((transition) => transition.ref.id === hostname.id);
    assert.deepEqual(found.map((transition) => `${transition.field} ${transition.from}>${transition.to}`), [`status ${hostname.status}>${to}`]);
    const key = objectKey({ account: 'demo', zone: zone.zone.id, kind: 'customHostname', id: hostname.id });
    assert.deepEqual(history.of(key).filter((entry) => entry.field === 'status').map((entry) => entry.to), [hostname.status, to]);
  });

  it('reports an object replaced after a write', async () => {
    const timedOut = 'validation_timed_out';
    const zone = [...(model.account('demo')?.zoneStates.values() ?? [])].find((state) => state.details.status === 'ready' && (state.details.value.certificatePacks ?? []).some((candidate) => candidate.status !== timedOut));
    const pack = zone?.details.status === 'ready' ? zone.details.value.certificatePacks?.find((candidate) => candidate.status !== timedOut) : undefined;
    assert.ok(zone && pack);
    changes.length = 0;
    const located = simulator.state.find(pack.id);
    assert.ok(located);
    simulator.state.setStatus(located, timedOut);
    await model.refreshObject({ account: 'demo', zone: zone.zone.id, kind: 'certificatePack', id: pack.id });
    assert.equal(changes.length, 1);
    const [change] = changes;
    assert.ok(change);
    assert.deepEqual(detectTransitions(change, 1).map((transition) => `${transition.ref.id} ${transition.from}>${transition.to}`), [`${pack.id} ${pack.status}>${timedOut}`]);
  });
});
