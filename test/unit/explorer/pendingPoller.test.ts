import * as assert from 'node:assert/strict';
import { CloudflareClient } from '../../../src/cloudflare';
import type { AccountProfile } from '../../../src/domain/accounts';
import { ExplorerModel } from '../../../src/explorer/explorerModel';
import { loadedAt } from '../../../src/explorer/loadable';
import { findObject } from '../../../src/explorer/objectLookup';
import { PendingPoller, type PendingPollerOptions } from '../../../src/explorer/pendingPoller';
import { silentLogger } from '../../../src/shared/logger';
import { startSimulator, type RunningSimulator, type Scenario, type SimObject } from '../../../src/simulator';
import { FakeClock, turns } from '../../support/clock';

const token = 'SIMULATOR-POLLING-TOKEN-not-a-real-cloudflare-token-0001';
const accountId = 'a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0a0';
const quietZone = 'c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1';
const busyZone = 'd2d2d2d2d2d2d2d2d2d2d2d2d2d2d2d2';
const profile: AccountProfile = { key: 'test', label: 'Test', origin: 'stored', authKind: 'token' };

function pack(id: string, status: string, host: string): SimObject {
  return { id, type: 'advanced', status, hosts: [host], validation_method: 'txt', validity_days: 90, certificate_authority: 'lets_encrypt', certificates: [], sim: { path: 'hold' } };
}

/** Two zones: one with a single pending pack next to an active one, one with three pending packs. */
const scenario: Scenario = {
  name: 'pending-polling',
  demoToken: token,
  tokens: [{ id: 'e3e3e3e3e3e3e3e3e3e3e3e3e3e3e3e3', value: token, status: 'active', permissions: ['Zone: Read', 'Zone Settings: Read', 'SSL and Certificates: Read'] }],
  accounts: [{ id: accountId, name: 'Polling' }],
  zones: [
    { id: quietZone, name: 'quiet.example', accountId, status: 'active', sslMode: 'strict', certificatePacks: [pack('pack-pending', 'pending_validation', 'quiet.example'), pack('pack-active', 'active', 'www.quiet.example')] },
    {
      id: busyZone,
      name: 'busy.example',
      accountId,
      status: 'active',
      sslMode: 'strict',
      certificatePacks: [pack('busy-1', 'pending_validation', 'a.busy.example'), pack('busy-2', 'pending_validation', 'b.busy.example'), pack('busy-3', 'pending_issuance', 'c.busy.example')],
    },
  ],
};

interface Read {
  readonly id: string;
  readonly at: number;
}

/** A model loaded from the simulator and a poller on a manual clock, with every poll read recorded. */
class Rig {
  readonly clock = new FakeClock();
  readonly reads: Read[] = [];
  maxInFlight = 0;
  readonly model: ExplorerModel;
  readonly poller: PendingPoller;
  private inFlight = 0;

  constructor(
    readonly simulator: RunningSimulator,
    private readonly client: CloudflareClient,
    options: Partial<PendingPollerOptions> = {},
  ) {
    const recording = this.recording();
    this.model = new ExplorerModel({
      listProfiles: () => [profile],
      clientFor: () => Promise.resolve(recording),
      clock: this.clock,
      logger: silentLogger,
      onDidChange: () => this.poller.modelChanged(),
    });
    this.poller = new PendingPoller({ model: this.model, clock: this.clock, logger: silentLogger, ...options });
  }

  async load(): Promise<void> {
    await this.model.loadZones('test');
    await this.model.whenIdle();
  }

  /** Moves the clock, letting every poll it wakes finish. */
  advance(seconds: number): Promise<void> {
    return this.clock.advance(seconds * 1000, async () => {
      for (let round = 0; round < 3; round++) {
        await turns();
        await this.poller.whenIdle();
        await this.model.whenIdle();
      }
    });
  }

  /** Seconds between the polls of one object, the first counted from `since`. */
  gaps(id: string, since: number): number[] {
    const times = [since, ...this.reads.filter((read) => read.id === id).map((read) => read.at)];
    return times.slice(1).map((at, index) => (at - (times[index] ?? 0)) / 1000);
  }

  status(zone: string, id: string): string | undefined {
    const found = findObject(this.model, { account: 'test', zone, kind: 'certificatePack', id });
    return found?.kind === 'certificatePack' ? (found.object.status ?? undefined) : undefined;
  }

  setStatus(id: string, status: string): void {
    const located = this.simulator.state.find(id);
    assert.ok(located, id);
    this.simulator.state.setStatus(located, status);
  }

  /** The client, with every read of one object by id (what a poll makes) recorded; the model reads through it. */
  private recording(): CloudflareClient {
    const track = async <T>(id: string, read: () => Promise<T>): Promise<T> => {
      this.reads.push({ id, at: this.clock.now() });
      this.inFlight += 1;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      try {
        return await read();
      } finally {
        this.inFlight -= 1;
      }
    };
    const client = this.client;
    // The client's own methods and state through its prototype; the four reads recorded.
    return Object.assign(Object.create(client) as CloudflareClient, {
      getCertificatePack: (zone: string, id: string, signal?: AbortSignal) => track(id, () => client.getCertificatePack(zone, id, signal)),
      getCustomCertificate: (zone: string, id: string, signal?: AbortSignal) => track(id, () => client.getCustomCertificate(zone, id, signal)),
      getCustomHostname: (zone: string, id: string, signal?: AbortSignal) => track(id, () => client.getCustomHostname(zone, id, signal)),
      getClientCertificate: (zone: string, id: string, signal?: AbortSignal) => track(id, () => client.getClientCertificate(zone, id, signal)),
    });
  }
}

describe('Pending poller', () => {
  let simulator: RunningSimulator;
  let client: CloudflareClient;
  let rig: Rig | undefined;

  before(async () => {
    simulator = await startSimulator({ scenario, lifecycle: false });
    client = new CloudflareClient({ baseUrl: simulator.apiBaseUrl, credentials: { kind: 'token', token }, rateBudget: false, retries: { max: 0 } });
  });

  afterEach(() => {
    rig?.poller.dispose();
    rig = undefined;
    // Each test changes statuses: put them back.
    for (const id of ['pack-pending', 'busy-1', 'busy-2']) {
      const located = simulator.state.find(id);
      if (located !== undefined) simulator.state.setStatus(located, 'pending_validation');
    }
  });

  after(async () => {
    await client.close();
    await simulator.close();
  });

  async function visibleRig(options: Partial<PendingPollerOptions> = {}): Promise<{ rig: Rig; start: number }> {
    const created = new Rig(simulator, client, options);
    rig = created;
    await created.load();
    created.poller.setVisible(true);
    const start = created.clock.now();
    await created.advance(0);
    return { rig: created, start };
  }

  it('polls a pending object after 15 s, 30 s, 1 min, 2 min, then every 5 min', async () => {
    const { rig, start } = await visibleRig();
    await rig.advance(15 + 30 + 60 + 120 + 300 + 300);
    assert.deepEqual(rig.gaps('pack-pending', start), [15, 30, 60, 120, 300, 300]);
    assert.ok(!rig.reads.some((read) => read.id === 'pack-active'), 'an active pack is never polled');
  });

  it('starts the schedule over when the status changes, and shows the change without a refresh', async () => {
    const { rig, start } = await visibleRig();
    await rig.advance(15 + 30);
    rig.setStatus('pack-pending', 'pending_issuance');
    await rig.advance(60 + 15);
    assert.deepEqual(rig.gaps('pack-pending', start), [15, 30, 60, 15]);
    assert.equal(rig.status(quietZone, 'pack-pending'), 'pending_issuance');
  });

  it('stops polling an object once it settles', async () => {
    const { rig, start } = await visibleRig();
    await rig.advance(15);
    rig.setStatus('pack-pending', 'active');
    await rig.advance(30);
    assert.equal(rig.status(quietZone, 'pack-pending'), 'active');
    await rig.advance(3600);
    assert.deepEqual(rig.gaps('pack-pending', start), [15, 30], 'no poll after it became active');
    assert.ok(!rig.poller.watched().some((watch) => watch.ref.id === 'pack-pending'));
  });

  it('reloads a zone with many pending objects instead of reading each', async () => {
    const { rig, start } = await visibleRig({ zoneReloadThreshold: 2 });
    rig.setStatus('busy-1', 'active');
    await rig.advance(15);
    assert.deepEqual(
      rig.reads.filter((read) => read.id.startsWith('busy-')),
      [],
      'no per-object reads in the busy zone',
    );
    assert.equal(loadedAt(rig.model.zone('test', busyZone)?.details ?? { status: 'idle' }), start + 15_000, 'the busy zone was reloaded');
    assert.equal(rig.status(busyZone, 'busy-1'), 'active');
    assert.deepEqual(rig.gaps('pack-pending', start), [15], 'the quiet zone is polled object by object');
  });

  it('never has more than a few polls in flight', async () => {
    const { rig } = await visibleRig({ maxConcurrent: 2 });
    await rig.advance(15);
    assert.equal(rig.reads.length, 4, 'four pending packs polled');
    assert.equal(rig.maxInFlight, 2);
  });

  it('polls nothing while the view is hidden, and catches up when it shows again', async () => {
    const { rig, start } = await visibleRig();
    await rig.advance(15);
    rig.poller.setVisible(false);
    await rig.advance(3600);
    assert.deepEqual(rig.gaps('pack-pending', start), [15], 'no poll while hidden');
    rig.poller.setVisible(true);
    await rig.advance(0);
    assert.deepEqual(rig.gaps('pack-pending', start), [15, 3600], 'polled at once when shown, being overdue');
  });

  it('does nothing until the view is shown', async () => {
    const created = new Rig(simulator, client);
    rig = created;
    await created.load();
    await created.advance(3600);
    assert.deepEqual(created.reads, []);
  });
});
