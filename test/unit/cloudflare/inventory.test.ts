import * as assert from 'node:assert/strict';
import { CloudflareApiError, CloudflareClient, gatherInventory, type InventoryProgress } from '../../../src/cloudflare';
import { type HttpTestServer, startHttpServer } from '../../support/servers/httpTestServer';
import { zone } from '../../support/builders';
import { fakeAccount, type FakeAnswer, type FakeAccountOptions } from '../../support/cloudflare/fakeAccount';
import { base, envelope, failure, type MockApi, mockApi } from '../../support/cloudflare/mockApi';

describe('gatherInventory', () => {
  let api: MockApi;
  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    api.agent.assertNoPendingInterceptors();
    await api.close();
  });

  function serve(options: FakeAccountOptions): void {
    const route = fakeAccount(options);
    api.pool
      .intercept({ path: (path: string) => path.startsWith(base), method: 'GET' })
      .reply((request) => {
        const answer = route(request.path);
        return { statusCode: answer.status, data: JSON.stringify(answer.body) };
      })
      .persist();
  }

  function calls(): string[] {
    return (api.agent.getCallHistory()?.calls() ?? []).map((log) => `${log.path}?${new URLSearchParams(log.searchParams).toString()}`);
  }

  it('gathers every zone and collection with the fewest requests, none twice', async () => {
    serve({ zones: 120, packs: (n) => (n === 7 ? 120 : 1) });
    const client = api.client();
    const inventory = await gatherInventory(client, { accountId: 'acc1' });
    assert.equal(inventory.zones.length, 120);
    assert.deepEqual(
      inventory.zones.map((entry) => entry.zone.name),
      Array.from({ length: 120 }, (_, i) => zone(i + 1).name),
    );
    assert.equal(inventory.complete, true);
    assert.equal(inventory.zones[6]?.certificatePacks?.length, 120);
    assert.equal(inventory.zones[0]?.fallbackOrigin?.origin, 'origin1.example.com');
    // 3 zone pages + 5 calls per zone + 2 more pack pages for zone 7.
    const expected = 3 + 120 * 5 + 2;
    assert.equal(inventory.requests, expected);
    const all = calls();
    assert.equal(all.length, expected);
    assert.equal(new Set(all).size, all.length, 'no request was sent twice');
    assert.ok(all.every((call) => !call.includes('per_page') || call.includes('per_page=50')));
    assert.ok(all.filter((call) => call.includes('/zones?')).every((call) => call.includes('account.id=acc1')));
    assert.ok(all.filter((call) => call.includes('certificate_packs') || call.includes('client_certificates')).every((call) => call.includes('status=all')));
  });

  it('keeps partial results: a failed collection is absent with its error, a missing fallback origin is null', async () => {
    const z2 = zone(2).id;
    const z3 = zone(3).id;
    serve({
      zones: 3,
      override: (path): FakeAnswer | undefined => {
        if (path === `/zones/${z2}/custom_hostnames`) {
          return { status: 403, body: failure(10000, 'Authentication error') };
        }
        if (path === `/zones/${z3}/custom_hostnames/fallback_origin`) {
          return { status: 404, body: failure(1551, 'No fallback origin') };
        }
        if (path === `/zones/${z3}/client_certificates`) {
          return { status: 200, body: envelope([{ id: 5, status: ['x'] }, { id: 'ok', status: 'brand_new_status' }], { result_info: { page: 1, per_page: 50, count: 2, total_count: 2 } }) };
        }
        return undefined;
      },
    });
    const progress: InventoryProgress[] = [];
    const inventory = await gatherInventory(api.client(), { onProgress: (p) => progress.push(p) });
    const [first, second, third] = inventory.zones;
    assert.equal(first?.errors.length, 0);
    assert.equal(second?.customHostnames, undefined);
    assert.ok(!('customHostnames' in (second ?? {})), 'a failed collection is an absent key');
    assert.deepEqual(second?.errors, [
      {
        collection: 'customHostnames',
        code: 'missing_permission',
        message: second?.errors[0]?.message,
        status: 403,
        permission: 'SSL and Certificates: Read',
        cloudflareErrors: [{ code: 10000, message: 'Authentication error' }],
      },
    ]);
    assert.equal(second?.certificatePacks?.length, 1);
    assert.equal(third?.fallbackOrigin, null);
    assert.deepEqual(
      third?.clientCertificates?.map((c) => c.status),
      ['brand_new_status'],
    );
    assert.equal(third?.errors[0]?.collection, 'clientCertificates');
    assert.equal(third?.errors[0]?.code, 'bad_item', 'a malformed item is reported, never swallowed');
    assert.equal(third?.errors[0]?.rejected, 1);
    assert.match(third?.errors[0]?.message ?? '', /1 item was left out.*"id"/);
    assert.equal(inventory.complete, false);
    assert.deepEqual(
      progress.map((p) => [p.done, p.total]),
      [
        [1, 3],
        [2, 3],
        [3, 3],
      ],
    );
    assert.doesNotThrow(() => JSON.stringify(inventory));
  });

  it('inventories named zones, and reports a name that matches nothing', async () => {
    serve({ zones: 5 });
    const inventory = await gatherInventory(api.client(), { zoneNames: ['zone4.example.com', 'nope.example.com', 'zone2.example.com'] });
    assert.deepEqual(
      inventory.zones.map((entry) => entry.zone.name),
      ['zone4.example.com', 'zone2.example.com'],
    );
    assert.equal(inventory.errors.length, 1);
    assert.equal(inventory.errors[0]?.code, 'not_found');
    assert.match(inventory.errors[0]?.message ?? '', /nope\.example\.com/);
  });

  it('keeps the zones it got when a later zone page fails', async () => {
    serve({
      zones: 60,
      override: (path, query) => (path === '/zones' && query.get('page') === '2' ? { status: 403, body: failure(10000, 'Authentication error') } : undefined),
    });
    const inventory = await gatherInventory(api.client());
    assert.equal(inventory.zones.length, 50);
    assert.equal(inventory.errors[0]?.collection, 'zones');
    assert.equal(inventory.errors[0]?.permission, 'Zone: Read');
  });

  it('rejects with a cancellation when its signal aborts, leaving nothing unhandled', async () => {
    serve({ zones: 40 });
    const controller = new AbortController();
    let seen = 0;
    const pending = gatherInventory(api.client({ concurrency: 2 }), {
      signal: controller.signal,
      onProgress: () => {
        if (++seen === 3) {
          controller.abort();
        }
      },
    });
    const error = await pending.catch((caught: unknown) => caught);
    assert.ok(CloudflareApiError.is(error));
    assert.equal(error.code, 'cancelled');
    await assert.rejects(gatherInventory(api.client(), { signal: AbortSignal.abort() }), (caught: unknown) => CloudflareApiError.is(caught) && caught.code === 'cancelled');
  });
});

describe('gatherInventory over a real socket', () => {
  let server: HttpTestServer;
  let inFlight = 0;
  let busiest = 0;

  before(async () => {
    const route = fakeAccount({ zones: 12, packs: (n) => (n === 1 ? 160 : 1) });
    const held: Array<() => void> = [];
    const releaseAll = (): void => held.splice(0).forEach((release) => release());
    server = await startHttpServer((request, response) => {
      inFlight++;
      busiest = Math.max(busiest, inFlight);
      const answer = route(request.url ?? '/');
      held.push(() => {
        inFlight--;
        response.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
      });
      // Answers go out in batches once eight are waiting (or after a pause, at the
      // tail), so the peak does not depend on the machine's speed.
      if (held.length >= 8) {
        releaseAll();
      } else {
        setTimeout(releaseAll, 100);
      }
    });
  });
  after(async () => {
    await server.close();
  });

  it('fills all eight slots and gathers everything', async () => {
    const client = new CloudflareClient({ baseUrl: `${server.url}/client/v4`, credentials: { kind: 'token', token: 'inv-token-123' }, rateBudget: false, proxy: { env: {} } });
    try {
      const inventory = await gatherInventory(client);
      assert.equal(inventory.zones.length, 12);
      assert.equal(inventory.zones[0]?.certificatePacks?.length, 160);
      assert.equal(inventory.requests, 1 + 12 * 5 + 3);
      assert.equal(busiest, 8);
    } finally {
      await client.close();
    }
  });
});
