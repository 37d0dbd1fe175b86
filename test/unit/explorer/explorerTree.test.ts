import * as assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { welcomeState } from '../../../src/explorer/welcomeState';
import { demoTokens } from '../../support/simulator/demoTokens';
import { expandAll, explorerOver, tokenAccount, type FlatItem } from '../../support/explorer/explorerHarness';


describe('Explorer tree over the simulator', () => {
  let simulator: RunningSimulator;
  let tree: FlatItem[];

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(simulator.demoToken, 'Demo')]);
    tree = await expandAll(explorer.model);
    await explorer.close();
  });

  after(async () => {
    await simulator.close();
  });

  it('lists the account, then every zone of the demo scenario', () => {
    assert.equal(tree[0]?.label, 'Demo');
    const zones = tree.filter((item) => item.node.type === 'zone').map((item) => item.label);
    assert.ok(zones.includes('acme.com'), zones.join(', '));
    assert.ok(zones.includes('tenantly.app'));
    assert.equal(zones.length, 11);
  });

  it('gives every pack, hostname and certificate a status icon, a colour and a description', () => {
    const objects = tree.filter((item) => ['pack', 'customHostname', 'customCertificate', 'clientCertificate'].includes(item.node.type));
    assert.ok(objects.length > 40, `only ${objects.length} objects`);
    for (const item of objects) {
      assert.ok(item.icon?.id, `${item.label} has an icon`);
      assert.ok(item.icon.color, `${item.label} has a colour`);
      assert.ok(item.description, `${item.label} has a description`);
    }
  });

  it('says what a pack waiting on validation needs, and offers the TXT record to copy', () => {
    const pending = tree.find((item) => item.node.type === 'pack' && item.description?.startsWith('Pending Validation'));
    assert.ok(pending, 'a pack in Pending Validation');
    assert.match(pending.contextValue, /\brestartable\b/);
    const records = tree.filter((item) => item.node.type === 'record' && item.depth === pending.depth + 1);
    assert.ok(records.length > 0, 'its validation records are listed');
  });

  it('puts custom hostname status and SSL status together', () => {
    const hostnames = tree.filter((item) => item.node.type === 'customHostname');
    assert.ok(hostnames.length >= 30);
    assert.ok(hostnames.some((item) => /Hostname|Certificate/.test(item.description ?? '')), 'a hostname whose problem part is named');
  });

  it('shows client certificates in each of their four statuses', () => {
    const labels = new Set(tree.filter((item) => item.node.type === 'clientCertificate').map((item) => item.description?.split(' · ')[0]));
    for (const status of ['Active', 'Revoked', 'Pending Revocation', 'Pending Reactivation']) {
      assert.ok(labels.has(status), `${status} in ${[...labels].join(', ')}`);
    }
  });

  it('shows the fallback origin of the SaaS zone', () => {
    assert.ok(tree.some((item) => item.node.type === 'fallbackOrigin'));
  });

  it('escapes API strings in tooltips', () => {
    for (const item of tree) {
      assert.ok(!/<script/i.test(item.tooltip ?? ''), item.label);
    }
  });
});

describe('Explorer failures over the simulator', () => {
  let simulator: RunningSimulator;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
  });

  after(async () => {
    await simulator.close();
  });

  it('turns an expired token into the invalid-token welcome view', async () => {
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(demoTokens.expired)]);
    await explorer.model.loadZones('test');
    assert.equal(welcomeState(explorer.model), 'invalidToken');
    await explorer.close();
  });

  it('names the missing permission on the group that needs it', async () => {
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(demoTokens.zoneOnly)]);
    const tree = await expandAll(explorer.model);
    const permission = tree.find((item) => item.node.type === 'message' && /Missing permission/.test(item.label));
    assert.ok(permission, tree.map((item) => item.label).join('\n'));
    assert.match(permission.label, /SSL and Certificates: Read/);
    await explorer.close();
  });

  it('keeps what it showed, marked stale, when a refresh fails', async () => {
    const explorer = explorerOver(simulator.apiBaseUrl, [tokenAccount(demoTokens.demo)]);
    await expandAll(explorer.model, Date.now(), 1);
    const unreachable = explorerOver('http://127.0.0.1:9/client/v4', [tokenAccount(demoTokens.demo)]);
    await unreachable.model.loadZones('test');
    assert.equal(welcomeState(unreachable.model), 'unreachable');
    await unreachable.close();
    await simulator.close();
    await explorer.model.refresh();
    const account = explorer.model.account('test');
    assert.equal(account?.zones.status, 'failed');
    assert.equal(account?.zones.status === 'failed' ? account.zones.previous?.length : 0, 11);
    const after = await expandAll(explorer.model, Date.now(), 0);
    assert.match(after[0]?.description ?? '', /stale/);
    await explorer.close();
    simulator = await startSimulator({ lifecycle: false });
  });
});
