import * as assert from 'node:assert/strict';
import { announcedPages, fetchAllPages, type Page } from '../../../src/cloudflare/pagination';

function pages(total: number, perPage: number, info: 'pages' | 'count' | 'none'): { fetch: (page: number, urgent: boolean) => Promise<Page<number>>; asked: Array<[number, boolean]> } {
  const asked: Array<[number, boolean]> = [];
  return {
    asked,
    fetch: (page, urgent) => {
      asked.push([page, urgent]);
      const items = Array.from({ length: Math.max(0, Math.min(perPage, total - (page - 1) * perPage)) }, (_, i) => (page - 1) * perPage + i);
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

describe('pagination', () => {
  it('reads how many pages there are from total_pages, else total_count and the page size used', () => {
    assert.equal(announcedPages({ total_pages: 4 }, 50), 4);
    assert.equal(announcedPages({ total_count: 101, per_page: 50 }, 50), 3);
    assert.equal(announcedPages({ total_count: 101, per_page: 20 }, 50), 6);
    assert.equal(announcedPages({ total_count: 0 }, 50), 0);
    assert.equal(announcedPages({ page: 1 }, 50), undefined);
    assert.equal(announcedPages(undefined, 50), undefined);
  });

  it('asks for page 1, then every other page at once and marked urgent, keeping page order', async () => {
    const source = pages(230, 50, 'pages');
    const order: number[] = [];
    const items = await fetchAllPages(source.fetch, 50, (page) => order.push(page.items[0] ?? -1));
    assert.deepEqual(items, Array.from({ length: 230 }, (_, i) => i));
    assert.deepEqual(source.asked, [
      [1, false],
      [2, true],
      [3, true],
      [4, true],
      [5, true],
    ]);
    assert.equal(order.length, 5);
  });

  it('stops after page 1 when it is the only page, even a full one', async () => {
    const source = pages(50, 50, 'count');
    assert.equal((await fetchAllPages(source.fetch, 50)).length, 50);
    assert.equal(source.asked.length, 1);
  });

  it('without result_info, reads on until a short or empty page', async () => {
    const short = pages(120, 50, 'none');
    assert.equal((await fetchAllPages(short.fetch, 50)).length, 120);
    assert.equal(short.asked.length, 3);
    const exact = pages(100, 50, 'none');
    assert.equal((await fetchAllPages(exact.fetch, 50)).length, 100);
    assert.equal(exact.asked.length, 3);
  });

  it('rejects when a later page fails', async () => {
    const fetch = (page: number): Promise<Page<number>> => (page === 3 ? Promise.reject(new Error('page 3 broke')) : Promise.resolve({ items: [page], resultInfo: { total_pages: 4 } }));
    await assert.rejects(fetchAllPages(fetch, 50), /page 3 broke/);
  });
});
