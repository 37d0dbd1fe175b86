import * as assert from 'node:assert/strict';
import { CloudflareApiError, type CloudflareErrorCode } from '../../../src/cloudflare';
import { isCancellation } from '../../../src/shared/appError';
import { base, envelope, failure, type MockApi, mockApi } from '../../support/cloudflare/mockApi';
import { zone } from '../../support/builders';

async function codeOf(promise: Promise<unknown>): Promise<CloudflareErrorCode> {
  try {
    await promise;
  } catch (error) {
    assert.ok(CloudflareApiError.is(error), String(error));
    return error.code;
  }
  assert.fail('expected an error');
}

describe('Transport: retries, timeouts, cancellation', () => {
  let api: MockApi;
  const path = `${base}/zones/${zone(1).id}`;

  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  it('waits out a 429 for its Retry-After, then succeeds', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(429, failure(971, 'Please wait and consider throttling your request speed'), { headers: { 'retry-after': '3' } });
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    const client = api.client();
    assert.equal((await client.getZone(zone(1).id)).id, zone(1).id);
    assert.ok(api.clock.sleeps.includes(3000), `sleeps: ${api.clock.sleeps.join(',')}`);
    assert.equal(client.stats.retries, 1);
    assert.equal(client.stats.rateLimited, 1);
    assert.equal(client.stats.requests, 2);
  });

  it('honours the Ratelimit header (t=) when Retry-After is absent', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(429, failure(971, 'slow down'), { headers: { ratelimit: '"default";r=0;t=7' } });
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    await api.client().getZone(zone(1).id);
    assert.ok(api.clock.sleeps.includes(7000), `sleeps: ${api.clock.sleeps.join(',')}`);
  });

  it('pauses before the next request when a success says the quota is spent (r=0)', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)), { headers: { ratelimit: '"default";r=0;t=12' } });
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    const client = api.client();
    await client.getZone(zone(1).id);
    await client.getZone(zone(1).id);
    assert.deepEqual(api.clock.sleeps, [12_000]);
  });

  it('gives up on a 429 whose wait is longer than allowed, then refuses calls until the lockout ends', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(429, failure(971, 'Please wait'), { headers: { 'retry-after': '301' } });
    const client = api.client();
    const error = await client.getZone(zone(1).id).catch((caught: unknown) => caught);
    assert.ok(CloudflareApiError.is(error));
    assert.equal(error.code, 'rate_limited');
    assert.equal(error.retryAfterMs, 301_000);
    // Locked: nothing is sent (no interceptor is left, so a request would fail differently).
    assert.equal(await codeOf(client.getZone(zone(1).id)), 'rate_limited');
    assert.equal(client.stats.requests, 1);
    await api.clock.advance(300_001);
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    await client.getZone(zone(1).id);
  });

  it('retries 5xx with growing jittered backoff, bounded in count', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(502, '<html>Bad gateway</html>').times(4);
    const client = api.client({ retries: { max: 3, baseDelayMs: 100 } });
    assert.equal(await codeOf(client.getZone(zone(1).id)), 'server');
    assert.equal(client.stats.requests, 4);
    // random() is 0.5 in tests: each wait is 3/4 of a doubling step.
    assert.deepEqual(api.clock.sleeps, [75, 150, 300]);
  });

  it('stops retrying once the total wait would pass maxTotalMs', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(503, failure(503, 'unavailable')).times(2);
    const client = api.client({ retries: { max: 10, baseDelayMs: 1000, maxTotalMs: 2000 } });
    assert.equal(await codeOf(client.getZone(zone(1).id)), 'server');
    assert.equal(client.stats.requests, 2);
  });

  it('recovers from a 5xx and from a broken connection', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(500, failure(500, 'internal'));
    api.pool.intercept({ path, method: 'GET' }).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1)));
    const client = api.client();
    await client.getZone(zone(1).id);
    assert.equal(client.stats.retries, 2);
  });

  it('reports a network error once retries run out', async () => {
    api.pool.intercept({ path, method: 'GET' }).replyWithError(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })).times(2);
    assert.equal(await codeOf(api.client({ retries: { max: 1 } }).getZone(zone(1).id)), 'network');
  });

  it('does not retry 4xx answers', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(403, failure(10000, 'Authentication error'));
    const client = api.client();
    await codeOf(client.getZone(zone(1).id));
    assert.equal(client.stats.requests, 1);
  });

  it('times out a request that does not answer in time', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1))).delay(500);
    const client = api.client({ timeoutMs: 20 });
    assert.equal(await codeOf(client.getZone(zone(1).id)), 'timeout');
  });

  it('cancels an in-flight request through its AbortSignal, silently', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(200, envelope(zone(1))).delay(500);
    const controller = new AbortController();
    const pending = api.client().getZone(zone(1).id, controller.signal);
    setTimeout(() => controller.abort(), 5);
    const error = await pending.catch((caught: unknown) => caught);
    assert.ok(CloudflareApiError.is(error));
    assert.equal(error.code, 'cancelled');
    assert.ok(isCancellation(error));
  });

  it('cancels during a retry wait and before sending', async () => {
    api.pool.intercept({ path, method: 'GET' }).reply(503, failure(503, 'unavailable'));
    const controller = new AbortController();
    const client = api.client({
      clock: {
        now: () => 0,
        sleep: (_ms, signal) => {
          controller.abort();
          return Promise.reject(signal?.reason as Error);
        },
      },
    });
    assert.equal(await codeOf(client.getZone(zone(1).id, controller.signal)), 'cancelled');
    assert.equal(await codeOf(client.getZone(zone(1).id, AbortSignal.abort())), 'cancelled');
  });
});
