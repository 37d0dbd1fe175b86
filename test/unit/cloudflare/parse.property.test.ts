import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CloudflareApiError } from '../../../src/cloudflare';
import { parseEnvelope } from '../../../src/cloudflare/envelope';
import { firstBadField, type Shape } from '../../../src/cloudflare/guards';
import { parseList, parseOne } from '../../../src/cloudflare/parse';
import * as schemas from '../../../src/cloudflare/schemas';
import { silentLogger } from '../../../src/shared/logger';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import { base, type MockApi, mockApi } from '../../support/cloudflare/mockApi';

const shapes = Object.entries(schemas) as Array<[string, Shape<unknown>]>;
const samples: unknown[] = [zone(1), pack(1), hostname(1), customCertificate(1), clientCertificate(1), { origin: 'o.example.com', status: 'active', errors: [] }];

/** Only typed errors may come out of parsing; anything else is a crash. */
function typedOrNothing(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    assert.ok(CloudflareApiError.is(error), `untyped error: ${String(error)}`);
    assert.equal(error.code, 'bad_response');
  }
}

/** Random edits of a valid payload: drop, retype or nest fields, at any depth. */
function mutated(): fc.Arbitrary<unknown> {
  return fc.tuple(fc.constantFrom(...samples), fc.array(fc.tuple(fc.nat(), fc.constantFrom('drop', 'set', 'wrap'), fc.jsonValue()), { maxLength: 6 })).map(([sample, edits]) => {
    const copy = JSON.parse(JSON.stringify(sample)) as Record<string, unknown>;
    for (const [index, kind, value] of edits) {
      let target: Record<string, unknown> = copy;
      const nested = Object.values(copy).find((field) => typeof field === 'object' && field !== null && !Array.isArray(field));
      if (index % 3 === 0 && nested !== undefined) {
        target = nested as Record<string, unknown>;
      }
      const keys = Object.keys(target);
      const key = keys[index % Math.max(1, keys.length)] ?? 'id';
      if (kind === 'drop') {
        delete target[key];
      } else if (kind === 'set') {
        target[key] = value;
      } else {
        target[key] = [target[key], value];
      }
    }
    return copy;
  });
}

describe('parsing (property-based)', () => {
  it('parseEnvelope never throws, on any text or any JSON', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue().map((value) => JSON.stringify(value))), (text) => {
        const envelope = parseEnvelope(text);
        if (envelope !== undefined) {
          assert.ok(envelope.errors.every((entry) => typeof entry.code === 'number' && typeof entry.message === 'string'));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('envelopes with random errors, chains and result_info stay readable', () => {
    const message = fc.record({ code: fc.oneof(fc.integer(), fc.string()), message: fc.oneof(fc.string(), fc.integer()), error_chain: fc.anything() }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.record({ success: fc.anything(), errors: fc.oneof(fc.array(message), fc.anything()), result: fc.anything(), result_info: fc.anything() }, { requiredKeys: [] }), (body) => {
        parseEnvelope(JSON.stringify(body));
      }),
      { numRuns: 300 },
    );
  });

  it('list and single checks accept or refuse anything with a typed error, never a crash', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.array(fc.anything()), fc.array(mutated())), (payload) => {
        for (const [, fields] of shapes) {
          typedOrNothing(() => {
            const parsed = parseList(payload, fields, 'things', silentLogger);
            assert.ok(parsed.rejected >= 0);
            JSON.stringify(parsed.items);
          });
          typedOrNothing(() => parseOne(payload, fields, 'a thing'));
          assert.equal(typeof firstBadField(fields, payload), 'string');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mutated payloads that pass keep the declared types of their fields', () => {
    fc.assert(
      fc.property(fc.array(mutated(), { maxLength: 5 }), (items) => {
        const packs = parseList(items, schemas.certificatePackShape, 'packs', silentLogger).items;
        for (const item of packs) {
          assert.equal(typeof item.id, 'string');
          assert.ok(item.status == null || typeof item.status === 'string');
          assert.ok(item.hosts == null || item.hosts.every((host) => typeof host === 'string'));
        }
        const hostnames = parseList(items, schemas.customHostnameShape, 'hostnames', silentLogger).items;
        for (const item of hostnames) {
          assert.equal(typeof item.hostname, 'string');
          assert.ok(item.ssl == null || item.ssl.status == null || typeof item.ssl.status === 'string');
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the client on random answers (property-based)', () => {
  let api: MockApi;
  beforeEach(() => {
    api = mockApi();
  });
  afterEach(async () => {
    await api.close();
  });

  it('resolves or rejects with a typed error, whatever the status and body', async () => {
    const client = api.client({ retries: { max: 0 } });
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.record({ success: fc.boolean(), errors: fc.anything(), result: fc.oneof(fc.anything(), fc.array(mutated())), result_info: fc.anything() }, { requiredKeys: [] }).map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(200, 200, 200, 201, 400, 401, 403, 404, 429, 500, 503), body, fc.constantFrom('packs', 'zone', 'hostnames', 'fallback'), async (status, text, which) => {
        const zoneId = 'z1';
        const paths = {
          packs: { path: `${base}/zones/${zoneId}/ssl/certificate_packs`, call: () => client.listCertificatePacks(zoneId) },
          zone: { path: `${base}/zones/${zoneId}`, call: () => client.getZone(zoneId) },
          hostnames: { path: `${base}/zones/${zoneId}/custom_hostnames`, call: () => client.listCustomHostnames(zoneId) },
          fallback: { path: `${base}/zones/${zoneId}/custom_hostnames/fallback_origin`, call: () => client.getFallbackOrigin(zoneId) },
        } as const;
        const target = paths[which];
        // Random bodies may announce many pages; the later ones answer empty.
        api.pool.intercept({ path: (path: string) => path === target.path || path.startsWith(`${target.path}?`), method: 'GET' }).reply(status, text);
        api.pool
          .intercept({ path: (path: string) => path.startsWith(`${target.path}?`) && !/[?&]page=1(&|$)/.test(path), method: 'GET' })
          .reply(200, JSON.stringify({ success: true, result: [] }))
          .persist();
        try {
          const result = await target.call();
          JSON.stringify(result);
        } catch (error) {
          assert.ok(CloudflareApiError.is(error), `untyped error: ${String(error)}`);
        }
      }),
      { numRuns: 150 },
    );
  });
});
