import * as assert from 'node:assert/strict';
import { type ResultInfo } from '../../../src/cloudflare/envelope';
import { planPages } from '../../../src/cloudflare/pagePlan';
import { type Page, type PageRequest, readPages } from '../../../src/cloudflare/pagination';

interface Item {
  readonly id: string;
}

/** An honest list of `total` items, with the result_info Cloudflare sends (or a part of it). */
function pages(total: number, perPage: number, info: 'pages' | 'count' | 'none'): { fetch: (request: PageRequest) => Promise<Page<Item>>; asked: Array<[number, boolean]> } {
  const asked: Array<[number, boolean]> = [];
  return {
    asked,
    fetch: ({ page, urgent }) => {
      asked.push([page, urgent]);
      const items = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => ({ id: String((page - 1) * perPage + i) }));
      const resultInfo =
        info === 'pages'
          ? { page, per_page: perPage, count: items.length, total_count: total, total_pages: Math.ceil(total / perPage) }
          : info === 'count'
            ? { page, per_page: perPage, count: items.length, total_count: total }
            : undefined;
      return Promise.resolve({ items, resultInfo });
    },
  };
}

/** A server that answers every page with `answer(page)`, counting requests. */
function hostile(answer: (page: number) => Page<Item>): { fetch: (request: PageRequest) => Promise<Page<Item>>; requests: () => number } {
  let requests = 0;
  return {
    requests: () => requests,
    fetch: ({ page }) => {
      requests++;
      return Promise.resolve(answer(page));
    },
  };
}

const ids = (from: number, count: number): Item[] => Array.from({ length: count }, (_, i) => ({ id: `z${from + i}` }));
const info = (fields: ResultInfo): ResultInfo => fields;

describe('pagination: the one pager', () => {
  it('plans pages from total_pages and total_count ÷ per_page, the smaller winning, capped by the hard maximum', () => {
    assert.equal(planPages(info({ total_pages: 4 }), 50).lastPage, 4);
    assert.equal(planPages(info({ total_count: 101, per_page: 50 }), 50).lastPage, 3);
    assert.equal(planPages(info({ total_count: 101, per_page: 20 }), 50).lastPage, 6);
    assert.equal(planPages(info({ total_count: 0 }), 50).lastPage, 0);
    assert.equal(planPages(info({ total_pages: 1e9, total_count: 120, per_page: 50 }), 50).lastPage, 3);
    assert.equal(planPages(info({ total_pages: 1e9 }), 50, 100).lastPage, 100);
    assert.equal(planPages(info({ total_pages: 1e9 }), 50, 100).announced, 1e9);
    // A page size larger than asked, or absurd, is not believed.
    assert.equal(planPages(info({ total_count: 100, per_page: 1e-9 }), 50).lastPage, 2);
    assert.equal(planPages(info({ page: 1 }), 50).lastPage, undefined);
    assert.equal(planPages(undefined, 50).lastPage, undefined);
  });

  it('asks for page 1, then the other pages a window at a time, marked urgent, keeping page order', async () => {
    const source = pages(230, 50, 'pages');
    const order: number[] = [];
    const read = await readPages(source.fetch, { what: 'items', onPage: (_, page) => order.push(page) });
    assert.deepEqual(
      read.items.map((item) => item.id),
      Array.from({ length: 230 }, (_, i) => String(i)),
    );
    assert.deepEqual(source.asked, [
      [1, false],
      [2, true],
      [3, true],
      [4, true],
      [5, true],
    ]);
    assert.deepEqual(order, [1, 2, 3, 4, 5]);
    assert.equal(read.stopped, undefined);
  });

  it('stops after page 1 when it is the only page, even a full one', async () => {
    const source = pages(50, 50, 'count');
    assert.equal((await readPages(source.fetch, { what: 'items' })).items.length, 50);
    assert.equal(source.asked.length, 1);
  });

  it('without result_info, reads one page at a time until a short or empty page', async () => {
    const short = pages(120, 50, 'none');
    assert.equal((await readPages(short.fetch, { what: 'items' })).items.length, 120);
    assert.equal(short.asked.length, 3);
    const exact = pages(100, 50, 'none');
    const read = await readPages(exact.fetch, { what: 'items' });
    assert.equal(read.items.length, 100);
    assert.equal(exact.asked.length, 3);
    assert.equal(read.stopped, undefined, 'an empty page after full ones is the normal end');
  });

  it('reads a page budget and says more remain, resuming after the ids already seen', async () => {
    const source = pages(230, 50, 'pages');
    const first = await readPages(source.fetch, { what: 'items', pages: 1 });
    assert.deepEqual([first.items.length, first.lastPage, first.more, first.plannedPages], [50, 1, true, 5]);
    const rest = await readPages(source.fetch, { what: 'items', firstPage: 2, seen: first.items.map((item) => item.id) });
    assert.deepEqual([rest.items.length, rest.lastPage, rest.more], [180, 5, false]);
  });

  it('rejects when a page fails, and cancels the pages still in flight', async () => {
    const aborted: number[] = [];
    const fetch = ({ page, signal }: PageRequest): Promise<Page<Item>> => {
      if (page === 1) return Promise.resolve({ items: ids(0, 50), resultInfo: { total_pages: 9 } });
      if (page === 2) return Promise.reject(new Error('page 2 broke'));
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error(`page ${aborted.push(page)} aborted`))));
    };
    await assert.rejects(readPages(fetch, { what: 'items', pagesAtOnce: 4 }), /page 2 broke/);
    assert.deepEqual(aborted.sort((a, b) => a - b), [3, 4, 5], 'pages 3 to 5 were in flight, and were cancelled');
  });

  describe('against a hostile server', () => {
    it('announcing 1e9 pages of which only page 1 exists: one page, cut short, items kept', async () => {
      const server = hostile((page) => ({ items: page === 1 ? ids(0, 3) : [], resultInfo: { page, per_page: 50, total_pages: 1e9, total_count: 5e10 } }));
      const read = await readPages(server.fetch, { what: 'zones' });
      assert.equal(server.requests(), 1);
      assert.equal(read.items.length, 3);
      assert.equal(read.stopped?.code, 'incomplete_listing');
      assert.match(read.stopped?.message ?? '', /ended early at page 1 though 1,000,000,000 page\(s\) were announced/);
    });

    it('repeating the same full page forever: stops at page 2, keeping page 1', async () => {
      const server = hostile((page) => ({ items: ids(0, 50), resultInfo: { page, per_page: 50, total_pages: 1e9 } }));
      const read = await readPages(server.fetch, { what: 'zones' });
      assert.equal(read.items.length, 50);
      assert.equal(read.lastPage, 1);
      assert.match(read.stopped?.message ?? '', /stopped at page 2: it only repeated zones listed on earlier pages/);
      // Page 2 is judged first; the rest of its window was asked for at once, and no more.
      assert.ok(server.requests() <= 9, `${server.requests()} requests`);
    });

    it('empty pages claiming 1e9 pages: one request', async () => {
      const server = hostile((page) => ({ items: [], resultInfo: { page, per_page: 50, total_pages: 1e9, total_count: 5e10 } }));
      const read = await readPages(server.fetch, { what: 'custom hostnames' });
      assert.equal(server.requests(), 1);
      assert.equal(read.stopped?.code, 'incomplete_listing');
    });

    it('answering page 1 whatever was asked: stops at page 2 and drops it', async () => {
      const server = hostile((page) => ({ items: ids(page * 50, 50), resultInfo: { page: 1, per_page: 50, total_pages: 1e9 } }));
      const read = await readPages(server.fetch, { what: 'zones' });
      assert.equal(read.items.length, 50);
      assert.match(read.stopped?.message ?? '', /stopped at page 2: Cloudflare answered with another page/);
      assert.ok(server.requests() <= 9);
    });

    it('fresh full pages forever: stops at the hard maximum, never beyond', async () => {
      const server = hostile((page) => ({ items: ids(page * 50, 50), resultInfo: { page, per_page: 50, total_pages: 1e9 } }));
      const read = await readPages(server.fetch, { what: 'zones', maxPages: 30 });
      assert.equal(server.requests(), 30);
      assert.equal(read.items.length, 1500);
      assert.match(read.stopped?.message ?? '', /stopped after 30 pages/);
      const silent = hostile((page) => ({ items: ids(page * 50, 50), resultInfo: undefined }));
      assert.equal((await readPages(silent.fetch, { what: 'zones', maxPages: 30 })).stopped?.code, 'incomplete_listing');
      assert.equal(silent.requests(), 30);
    });

    it('overlapping pages (an object created mid-listing) lose the duplicate, not the listing', async () => {
      const server = hostile((page) => ({ items: page === 1 ? ids(0, 50) : ids(49, 10), resultInfo: { page, per_page: 50, total_count: 60 } }));
      const read = await readPages(server.fetch, { what: 'zones' });
      assert.equal(read.items.length, 59);
      assert.equal(new Set(read.items.map((item) => item.id)).size, 59);
      assert.equal(read.stopped, undefined);
    });
  });
});
