import * as assert from 'node:assert/strict';
import { CloudflareApiError, type CloudflareClient, type RetryOptions } from '../../../src/cloudflare';
import { parseFaultSpec, routeFamilies, type RunningSimulator, startSimulator } from '../../../src/simulator';
import { FakeClock } from '../../support/clock';
import { acmeZoneId, demoTokens, simulatorClient } from '../../support/simulator/simulatorFixture';

interface Harness {
  readonly sim: RunningSimulator;
  readonly client: CloudflareClient;
  readonly clock: FakeClock;
}

/** A simulator with these faults and a client whose waits are instant but recorded. */
async function withFaults(faults: string, body: (harness: Harness) => Promise<void>, options: { retries?: RetryOptions; timeoutMs?: number } = {}): Promise<void> {
  const sim = await startSimulator({ lifecycle: false, faults: parseFaultSpec(faults, routeFamilies) });
  const clock = new FakeClock({ start: 1_700_000_000_000, sleeps: 'instant' });
  const client = simulatorClient(sim, demoTokens.readOnly, { clock, random: () => 0.5, ...options });
  try {
    await body({ sim, client, clock });
  } finally {
    await client.close();
    await sim.close();
  }
}

async function failure(call: () => Promise<unknown>): Promise<CloudflareApiError> {
  try {
    await call();
  } catch (error) {
    assert.ok(CloudflareApiError.is(error), `a CloudflareApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call should have failed');
}

describe('client against the simulator: 429, 5xx and broken responses', () => {
  it('waits out a 429 for the Retry-After the server sent, then succeeds', async () => {
    await withFaults('route=zones,status=429,retry-after=2,count=2', async ({ sim, client, clock }) => {
      const zones = await client.listZones();
      assert.equal(zones.length, 11);
      assert.equal(client.stats.rateLimited, 2);
      assert.equal(client.stats.retries, 2);
      assert.equal(sim.requests, 3);
      assert.ok(clock.sleeps.includes(2000), `waited 2 s: ${clock.sleeps.join(', ')}`);
    });
  });

  it('gives up at once on a Retry-After longer than it may wait, and sends nothing during the lockout', async () => {
    await withFaults('route=zones,status=429,retry-after=600', async ({ sim, client }) => {
      const error = await failure(() => client.listZones());
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.retryAfterMs, 600_000);
      assert.equal(error.cloudflareErrors[0]?.code, 971);
      const sent = sim.requests;
      const locked = await failure(() => client.listCertificatePacks(acmeZoneId));
      assert.equal(locked.code, 'rate_limited');
      assert.equal(sim.requests, sent, 'no request was sent while locked out');
    });
  });

  it('retries 502/503/504 edge pages with backoff and succeeds', async () => {
    await withFaults('route=certificate_packs,status=503,count=1;route=certificate_packs,status=502,after=1,count=1', async ({ sim, client, clock }) => {
      const packs = await client.listCertificatePacks(acmeZoneId);
      assert.equal(packs.length, 25);
      assert.equal(client.stats.retries, 2);
      assert.equal(sim.requests, 3);
      assert.equal(clock.sleeps.length, 2);
    });
  });

  it('stops after the retry limit on a persistent 500 and reports a server error', async () => {
    await withFaults('route=custom_certificates,status=500', async ({ sim, client }) => {
      const error = await failure(() => client.listCustomCertificates(acmeZoneId));
      assert.equal(error.code, 'server');
      assert.equal(error.status, 500);
      assert.equal(sim.requests, 1 + 3);
    });
  });

  it('does not retry a 4xx that is not a 429', async () => {
    await withFaults('route=zones,status=400,count=1', async ({ sim, client }) => {
      const error = await failure(() => client.listZones());
      assert.equal(error.status, 400);
      assert.equal(sim.requests, 1);
    });
  });

  it('retries a dropped connection', async () => {
    await withFaults('route=custom_hostnames,drop,count=1', async ({ sim, client }) => {
      const hostnames = await client.listCustomHostnames(acmeZoneId);
      assert.deepEqual(hostnames, []);
      assert.equal(sim.requests, 2);
    });
  });

  it('reports truncated JSON as bad_response, without the body', async () => {
    await withFaults('route=client_certificates,malformed', async ({ client }) => {
      const error = await failure(() => client.listClientCertificates(acmeZoneId));
      assert.equal(error.code, 'bad_response');
    }, { retries: { max: 0 } });
  });

  it('times out a response that trickles in too slowly', async () => {
    await withFaults('route=zones,slow=5000', async ({ client }) => {
      const error = await failure(() => client.listZones());
      assert.equal(error.code, 'timeout');
    }, { retries: { max: 0 }, timeoutMs: 200 });
  });
});
