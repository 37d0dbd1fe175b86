import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import { CloudflareApiError, CloudflareClient, type ClientOptions, type CustomHostname } from '../../../src/cloudflare';
import { captureIo } from '../../support/cliIo';
import { expandAll, explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { hostnameId, type HostileApi, type HostileMode, packId, startHostileApi, zoneId } from '../../support/hostile/hostileApi';
import { FakeClock } from '../../support/clock';
import { zone } from '../../support/builders';
import { base, envelope, failure, type MockApi, mockApi } from '../../support/cloudflare/mockApi';

const token = 'hostile-waits-test-token-0123456789';
const zonesRoute = /^GET \/zones$/;
const packPatch = /^PATCH \/zones\/[^/]+\/ssl\/certificate_packs\/[^/]+$/;
const hostnamePatch = /^PATCH \/zones\/[^/]+\/custom_hostnames\/[^/]+$/;

async function rejection(promise: Promise<unknown>): Promise<CloudflareApiError> {
  const error = await promise.then(
    () => assert.fail('the call should fail'),
    (reason: unknown) => reason,
  );
  assert.ok(CloudflareApiError.is(error), `a typed error, not ${String(error)}`);
  return error;
}

describe('Retry-After from a hostile API', () => {
  let api: HostileApi | undefined;
  const clients: CloudflareClient[] = [];
  const start = async (mode: HostileMode, target: RegExp): Promise<HostileApi> => (api = await startHostileApi(mode, target));
  const client = (hostile: HostileApi, options: Partial<ClientOptions> = {}): CloudflareClient => {
    const created = new CloudflareClient({ baseUrl: hostile.baseUrl, credentials: { kind: 'token', token }, rateBudget: false, ...options });
    clients.push(created);
    return created;
  };

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((created) => created.close()));
    await api?.close();
    api = undefined;
  });

  it('ends cfcerts inventory with exit 1, naming the rate limit and when it lifts, past --max-wait', async () => {
    const hostile = await start({ kind: 'retryAfter', seconds: 999_999_999 }, zonesRoute);
    const io = captureIo({ CLOUDFLARE_API_TOKEN: token });
    const code = await runCli(['inventory', '--api-base', hostile.baseUrl, '--max-wait', '30'], io);
    assert.equal(code, 1);
    assert.match(io.err.join(''), /rate limit is in force until 20[5-9]\d-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in \d+ days\), longer than the 30 s this client waits/);
    assert.deepEqual(hostile.requests, ['GET /zones'], 'asked once, never again');
  });

  it('ends an explorer refresh with the same message: the rate limit and when it lifts', async () => {
    const hostile = await start({ kind: 'retryAfter', seconds: 999_999_999 }, zonesRoute);
    const explorer = explorerOver(hostile.baseUrl, [tokenAccount(token)]);
    try {
      const labels = (await expandAll(explorer.model)).map((item) => String(item.label));
      assert.ok(labels.some((label) => /rate limit is in force until 20[5-9]\d-.*longer than the 300 s this client waits/.test(label)), labels.join('\n'));
    } finally {
      await explorer.close();
    }
  });

  it('locks the client for at most its own longest wait, not for 31 years', async () => {
    const hostile = await start({ kind: 'retryAfter', seconds: 999_999_999 }, zonesRoute);
    const clock = new FakeClock({ start: 1_700_000_000_000, sleeps: 'instant' });
    const lockedOut = client(hostile, { clock });
    const error = await rejection(lockedOut.listZones());
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 999_999_999_000);
    await rejection(lockedOut.listZones());
    assert.equal(hostile.requests.length, 1, 'nothing is sent during the lockout');
    await clock.advance(300_001);
    await rejection(lockedOut.listZones());
    assert.equal(hostile.requests.length, 2, 'asked again once 300 s have passed');
  });

  it('times the lockout on the monotonic clock: setting the wall clock back does not extend it', async () => {
    const hostile = await start({ kind: 'retryAfter', seconds: 400 }, zonesRoute);
    // A wall clock that is set back while the monotonic one only moves forward.
    const clock = new FakeClock({ start: 1_700_000_000_000, sleeps: 'instant' });
    const lockedOut = client(hostile, { clock });
    await rejection(lockedOut.listZones());
    clock.stepWall(-3_600_000);
    await clock.advance(300_001);
    await rejection(lockedOut.listZones());
    assert.equal(hostile.requests.length, 2);
  });
});

describe('Retry-After within the limit', () => {
  let mock: MockApi;
  const path = `${base}/zones/${zone(1).id}`;

  beforeEach(() => {
    mock = mockApi();
  });
  afterEach(async () => {
    await mock.close();
  });

  it('waits out up to 300 s and tells the extension when the limit lifts', async () => {
    mock.pool.intercept({ path, method: 'GET' }).reply(429, failure(971, 'Please wait'), { headers: { 'retry-after': '240' } });
    mock.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    const lifts: number[] = [];
    const start = mock.clock.now();
    const created = mock.client({ onRateLimitWait: (liftsAt) => lifts.push(liftsAt) });
    assert.equal((await created.getZone(zone(1).id)).id, zone(1).id);
    assert.ok(mock.clock.sleeps.includes(240_000), `sleeps: ${mock.clock.sleeps.join(',')}`);
    assert.deepEqual(lifts, [start + 240_000]);
  });
});

describe('writes against a hostile API', () => {
  let api: HostileApi | undefined;
  let created: CloudflareClient | undefined;
  const start = async (mode: HostileMode, target: RegExp): Promise<CloudflareClient> => {
    api = await startHostileApi(mode, target);
    created = new CloudflareClient({ baseUrl: api.baseUrl, credentials: { kind: 'token', token }, rateBudget: false, clock: new FakeClock({ start: 1_700_000_000_000, sleeps: 'instant' }) });
    return created;
  };
  const patches = (): number => api?.requests.filter((request) => request.startsWith('PATCH')).length ?? 0;
  const hostname: CustomHostname = { id: hostnameId, hostname: 'app.customer.test', status: 'active', ssl: { id: 'ssl-1', status: 'validation_timed_out', method: 'txt', type: 'dv' } };

  afterEach(async () => {
    await created?.close();
    await api?.close();
    api = undefined;
  });

  it('does not repeat a restart answered 502 after it worked: re-reads the pack and reports it restarted', async () => {
    const client = await start({ kind: 'failingWrite', failure: '502' }, packPatch);
    const pack = await client.restartPackValidation(zoneId, packId);
    assert.equal(pack.status, 'pending_validation');
    assert.equal(patches(), 1);
    assert.deepEqual(api?.requests.slice(-1), [`GET /zones/${zoneId}/ssl/certificate_packs/${packId}`]);
  });

  it('counts "already restarted" as success', async () => {
    const client = await start({ kind: 'errorBody', status: 400, message: 'unused' }, /^$/);
    assert.equal((await client.restartPackValidation(zoneId, packId)).status, 'pending_validation');
    assert.equal((await client.restartPackValidation(zoneId, packId)).status, 'pending_validation', 'a second restart finds it restarted');
    assert.equal(patches(), 2);
  });

  it('does not repeat a refresh whose connection was reset: validation tokens are issued once', async () => {
    const client = await start({ kind: 'failingWrite', failure: 'reset' }, hostnamePatch);
    const updated = await client.refreshCustomHostname(zoneId, hostname);
    assert.equal(updated.ssl?.status, 'pending_validation');
    assert.equal(patches(), 1);
    assert.equal(api?.state.validationTokensIssued, 2, 'one refresh, one new set of tokens');
  });

  it('reports the state Cloudflare shows when the write did not take, without sending it again', async () => {
    const client = await start({ kind: 'errorBody', status: 502, message: 'Bad gateway' }, packPatch);
    const error = await rejection(client.restartPackValidation(zoneId, packId));
    assert.equal(error.code, 'server');
    assert.match(error.message, /Cloudflare shows the certificate pack in status validation_timed_out: the change was not applied/);
    assert.equal(patches(), 1);
  });
});

describe('writes that never left', () => {
  let mock: MockApi;
  const path = `${base}/zones/${zoneId}/ssl/certificate_packs/${packId}`;
  const networkError = (code: string): Error => Object.assign(new Error(code), { code });
  const pack = { id: packId, type: 'advanced', status: 'pending_validation', hosts: ['example.com'] };

  beforeEach(() => {
    mock = mockApi();
  });
  afterEach(async () => {
    await mock.close();
  });

  it('are retried after a refused connection, and never after a reset', async () => {
    mock.pool.intercept({ path, method: 'PATCH' }).replyWithError(networkError('ECONNREFUSED'));
    mock.pool.intercept({ path, method: 'PATCH' }).reply(200, envelope(pack));
    const client = mock.client();
    assert.equal((await client.restartPackValidation(zoneId, packId)).status, 'pending_validation');
    assert.equal(client.stats.retries, 1);

    mock.pool.intercept({ path, method: 'PATCH' }).replyWithError(networkError('ECONNRESET'));
    mock.pool.intercept({ path, method: 'GET' }).reply(200, envelope(pack));
    assert.equal((await client.restartPackValidation(zoneId, packId)).status, 'pending_validation');
    assert.equal(client.stats.retries, 1, 'the reset write was re-read, not repeated');
  });
});
