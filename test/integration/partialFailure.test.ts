import * as assert from 'node:assert/strict';
import { environmentAccountKey } from '../../src/domain/accounts';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startFaultSwitch, type FaultSwitch } from '../support/servers/faultSwitch';
import { extensionApi, flatten, removeStoredAccounts, setApiBaseUrl } from '../support/vscode/extensionHost';

const acme = '7e05f48470fd987decb1f6604b86760e';

describe('What is shown survives a partial failure', () => {
  let simulator: RunningSimulator;
  let faults: FaultSwitch;
  let api: CloudflareCertificatesApi;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    faults = await startFaultSwitch(simulator.apiBaseUrl);
    api = await extensionApi();
    await setApiBaseUrl(faults.baseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    // The environment account alone, so the badge counts only what this suite loads.
    await removeStoredAccounts(api);
    await api.refresh();
  });

  after(async () => {
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await faults.close();
    await simulator.close();
  });

  /** The environment account's part of the tree. */
  async function tree(): Promise<ReturnType<typeof flatten>> {
    return flatten(await api.snapshotTree()).filter((item) => item.node.type === 'message' || item.node.account === environmentAccountKey);
  }

  it('keeps the packs and custom certificates a failed refresh could not renew, marked stale, and the badge with them', async () => {
    const before = await tree();
    const packsOf = (items: typeof before): number => items.filter((item) => item.node.type === 'pack' && item.node.zone === acme).length;
    const customOf = (items: typeof before): number => items.filter((item) => item.node.type === 'customCertificate' && item.node.zone === acme).length;
    assert.equal(packsOf(before), 25);
    assert.equal(customOf(before), 5);
    const badge = api.viewState().badge;
    assert.ok(badge !== undefined && badge.value > 0, 'the demo needs action');

    faults.fail(/\/ssl\/certificate_packs$/, { status: 503 });
    faults.fail(/\/custom_certificates$/, { drop: true });
    await api.refresh();

    const after = await tree();
    assert.equal(packsOf(after), 25, 'the packs are still shown');
    assert.equal(customOf(after), 5, 'the custom certificates are still shown');
    const zone = after.find((item) => item.node.type === 'zone' && item.node.zone === acme);
    assert.match(zone?.description ?? '', /stale/);
    const edge = after.find((item) => item.node.type === 'group' && item.node.zone === acme && item.node.group === 'edgeCertificates');
    assert.match(edge?.description ?? '', /stale$/);
    assert.ok(after.some((item) => item.node.type === 'message' && item.node.kind === 'error' && /showing the last data loaded$/.test(item.label)), 'the failure is shown beside the kept data');
    const staleBadge = api.viewState().badge;
    assert.equal(staleBadge?.value, badge.value, 'an outage does not read as an all-clear');
    assert.match(staleBadge.tooltip, /stale data/);

    faults.heal();
    await api.refresh();
    const healed = await tree();
    assert.doesNotMatch(healed.find((item) => item.node.type === 'zone' && item.node.zone === acme)?.description ?? '', /stale/);
    assert.equal(api.viewState().badge?.tooltip.includes('stale'), false);
  });
});
