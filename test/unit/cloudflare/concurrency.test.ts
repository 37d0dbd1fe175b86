import * as assert from 'node:assert/strict';
import { CloudflareClient } from '../../../src/cloudflare';
import { type HttpTestServer, startHttpServer } from '../../support/servers/httpTestServer';
import { envelope } from '../../support/cloudflare/mockApi';

describe('concurrency over a real socket', () => {
  let server: HttpTestServer;
  let inFlight = 0;
  let busiest = 0;
  let held: Array<() => void> = [];

  beforeEach(async () => {
    inFlight = 0;
    busiest = 0;
    held = [];
    server = await startHttpServer((_request, response) => {
      inFlight++;
      busiest = Math.max(busiest, inFlight);
      const answer = (): void => {
        inFlight--;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(envelope({ id: 'z', name: 'z.test' })));
      };
      held.push(answer);
      // Answer in batches once the client has filled its slots, or after a short pause,
      // so the peak is reached whatever the machine's speed.
      if (held.length >= 3) {
        held.splice(0).forEach((release) => release());
      } else {
        setTimeout(() => held.splice(0).forEach((release) => release()), 30);
      }
    });
  });
  afterEach(async () => {
    await server.close();
  });

  it('keeps at most `concurrency` requests in flight, and uses all of them', async () => {
    const client = new CloudflareClient({ baseUrl: `${server.url}/client/v4`, credentials: { kind: 'token', token: 'conc-token-123' }, concurrency: 3, rateBudget: false, proxy: { env: {} } });
    try {
      await Promise.all(Array.from({ length: 12 }, () => client.getZone('z')));
    } finally {
      await client.close();
    }
    assert.equal(busiest, 3);
    assert.equal(client.stats.requests, 12);
  });
});
