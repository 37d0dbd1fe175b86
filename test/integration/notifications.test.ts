import * as assert from 'node:assert/strict';
import { objectKey } from '../../src/domain/objectRef';
import { objectRefOf } from '../../src/explorer/objectLookup';
import type { WalkedItem } from '../../src/explorer/walkTree';
import type { CloudflareCertificatesApi } from '../../src/extension';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { extensionApi, flatten, setApiBaseUrl, stubWindow } from '../support/vscode/extensionHost';

/** A hostname of the demo scenario that starts Pending with its certificate Pending Validation. */
const hostnameLabel = 'portal.contoso.io';

/** Long enough for the notifier to see the model idle and announce (it waits a quarter second). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1500));

describe('Notifications of status changes', () => {
  let simulator: RunningSimulator;
  let api: CloudflareCertificatesApi;
  const shown: { tone: 'info' | 'warning'; message: string; buttons: string[] }[] = [];
  let restore: () => void = () => undefined;

  before(async () => {
    // Every notification of this suite is caught, including any an earlier suite's state causes.
    restore = stubWindow({
      showInformationMessage: (message: string, ...items: unknown[]) => {
        shown.push({ tone: 'info', message, buttons: items.filter((item): item is string => typeof item === 'string') });
        return Promise.resolve(undefined);
      },
      showWarningMessage: (message: string, ...items: unknown[]) => {
        shown.push({ tone: 'warning', message, buttons: items.filter((item): item is string => typeof item === 'string') });
        return Promise.resolve(undefined);
      },
    });
    simulator = await startSimulator({ lifecycle: false });
    api = await extensionApi();
    await setApiBaseUrl(simulator.apiBaseUrl);
    process.env['CLOUDFLARE_API_TOKEN'] = simulator.demoToken;
    await api.refresh();
    await api.snapshotTree();
    await settle();
  });

  after(async () => {
    restore();
    delete process.env['CLOUDFLARE_API_TOKEN'];
    await setApiBaseUrl(undefined);
    await simulator.close();
  });

  const aboutHostname = (): typeof shown => shown.filter((entry) => entry.message.includes(hostnameLabel));

  async function hostnameItems(): Promise<WalkedItem[]> {
    return flatten(await api.snapshotTree()).filter((item) => item.label === hostnameLabel);
  }

  async function setHostname(status: string, sslStatus: string): Promise<void> {
    const item = (await hostnameItems())[0];
    const located = item?.node.type === 'customHostname' ? simulator.state.find(item.node.hostname.id) : undefined;
    assert.ok(located, `${hostnameLabel} is in the simulator`);
    simulator.state.setStatus(located, status, 'status');
    simulator.state.setStatus(located, sslStatus, 'ssl.status');
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 100));
  }

  it('announces a hostname that became active once, however often the view refreshes, and keeps its history', async () => {
    const before = await hostnameItems();
    // Every account that can see the hostname shows it (a suite before may have stored one more).
    const accounts = before.length;
    assert.ok(accounts >= 1);
    assert.match(before[0]?.description ?? '', /Pending/);
    assert.deepEqual(aboutHostname(), [], 'loading it, even again after a reload, is no news');

    await setHostname('active', 'active');
    await api.refresh();
    await until(() => aboutHostname().length >= accounts);
    const [notice] = aboutHostname();
    assert.equal(notice?.tone, 'info');
    assert.match(notice?.message ?? '', /^Custom hostname portal\.contoso\.io: (certificate )?Pending( Validation)? → Active\.$/);
    assert.deepEqual(notice?.buttons, ['Show Details', 'Open in Dashboard']);

    // The same refresh again, then the status flapping back and forth: nothing new to announce.
    await api.refresh();
    await setHostname('pending', 'pending_validation');
    await api.refresh();
    await setHostname('active', 'active');
    await api.refresh();
    await settle();
    assert.equal(aboutHostname().length, accounts, 'announced exactly once per account');

    const ref = (await hostnameItems()).map((item) => objectRefOf(item.node)).find((candidate) => candidate?.account === 'environment');
    assert.ok(ref);
    const history = api.transitionsOf(objectKey(ref));
    const statuses = history.filter((entry) => entry.field === 'status');
    const certificates = history.filter((entry) => entry.field === 'sslStatus');
    assert.deepEqual(statuses.slice(-3).map((entry) => `${entry.from}>${entry.to}`), ['pending>active', 'active>pending', 'pending>active']);
    assert.deepEqual(certificates.slice(-3).map((entry) => `${entry.from}>${entry.to}`), ['pending_validation>active', 'active>pending_validation', 'pending_validation>active']);
    assert.equal(statuses[0]?.from, undefined, 'the history starts where the object was first seen');
    for (const entry of history) assert.ok(Number.isFinite(entry.at) && entry.at > 0, 'every entry has its time');
    assert.ok(history.every((entry, index) => index === 0 || entry.at >= (history[index - 1]?.at ?? 0)), 'oldest first');
  });
});
