import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { CloudflareApiError } from '../../../src/cloudflare';
import { parseEnvelope } from '../../../src/cloudflare/envelope';
import { judgePage, planPages } from '../../../src/cloudflare/pagePlan';
import { type Page, readPages } from '../../../src/cloudflare/pagination';

/** Any value a hostile server could put in a result_info field. */
const anyNumberish = fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0, -1, 1e9, 1e308, Number.MAX_SAFE_INTEGER), fc.jsonValue());

/** A result_info as it comes off the wire: each field absent, of any type, or any number. */
const wireResultInfo = fc.record(
  { page: anyNumberish, per_page: anyNumberish, count: anyNumberish, total_count: anyNumberish, total_pages: anyNumberish },
  { requiredKeys: [] },
);

/** What one page of a scripted server holds: ids from a small pool, so repeats happen. */
const scriptedPage = fc.record({
  ids: fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 12 }),
  rejected: fc.nat({ max: 3 }),
  info: fc.option(wireResultInfo, { nil: undefined }),
});

describe('paging parsing (fast-check)', () => {
  it('reads any result_info into a plan within the hard maximum, without throwing', () => {
    fc.assert(
      fc.property(wireResultInfo, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 5000 }), (raw, perPage, hardMax) => {
        const info = parseEnvelope(JSON.stringify({ success: true, result: [], result_info: raw }))?.resultInfo;
        const plan = planPages(info, perPage, hardMax);
        assert.ok(plan.lastPage === undefined || (Number.isInteger(plan.lastPage) && plan.lastPage >= 0 && plan.lastPage <= hardMax), `lastPage ${plan.lastPage}`);
        assert.ok(Number.isInteger(plan.perPage) && plan.perPage >= 1 && plan.perPage <= perPage);
        assert.ok(plan.announced === undefined || plan.lastPage === Math.min(plan.announced, hardMax));
      }),
      { numRuns: 500 },
    );
  });

  it('never reads past the hard maximum or beyond the page asked for', () => {
    fc.assert(
      fc.property(wireResultInfo, fc.integer({ min: 1, max: 100 }), fc.nat({ max: 60 }), fc.nat({ max: 60 }), (raw, asked, received, fresh) => {
        const info = parseEnvelope(JSON.stringify({ success: true, result: [], result_info: raw }))?.resultInfo;
        const hardMax = 20;
        const verdict = judgePage({ asked, answeredPage: info?.page, received, fresh: Math.min(fresh, received) }, planPages(info, 50, hardMax), hardMax);
        if (asked >= hardMax) assert.notEqual(verdict.kind, 'next');
        if (info?.page !== undefined && info.page !== asked) assert.equal(verdict.kind, 'stop');
        if (received > 0 && Math.min(fresh, received) === 0) assert.equal(verdict.kind, 'stop');
      }),
      { numRuns: 500 },
    );
  });

  it('ends every listing a scripted server can serve, with unique items it served, within the hard maximum', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scriptedPage, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 8 }), async (script, hardMax, window) => {
        let requests = 0;
        const served = new Set<string>();
        const fetch = ({ page }: { page: number }): Promise<Page<{ id: string }>> => {
          requests++;
          // Past the script, the server repeats its last page forever.
          const entry = script[Math.min(page, script.length) - 1] ?? script[0];
          assert.ok(entry !== undefined);
          const items = entry.ids.map((id) => ({ id: `i${id}` }));
          items.forEach((item) => served.add(item.id));
          const info = parseEnvelope(JSON.stringify({ success: true, result: [], result_info: entry.info }))?.resultInfo;
          return Promise.resolve({ items, rejected: entry.rejected, resultInfo: info });
        };
        const read = await readPages(fetch, { what: 'items', perPage: 10, maxPages: hardMax, pagesAtOnce: window });
        assert.ok(requests <= hardMax, `${requests} requests for a hard maximum of ${hardMax}`);
        assert.ok(read.lastPage <= hardMax);
        const ids = read.items.map((item) => item.id);
        assert.equal(new Set(ids).size, ids.length, 'no item twice');
        assert.ok(ids.every((id) => served.has(id)), 'only items the server sent');
        assert.ok(read.stopped === undefined || (CloudflareApiError.is(read.stopped) && read.stopped.code === 'incomplete_listing'));
      }),
      { numRuns: 300 },
    );
  });
});
