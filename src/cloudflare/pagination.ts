import { type ResultInfo } from './envelope';

/** Cloudflare's maximum page size on every list this client reads: fewest requests. */
export const maxPerPage = 50;

/** A safety stop for a server that ignores `page` and repeats itself forever. */
const maxPages = 10_000;

export interface Page<T> {
  readonly items: T[];
  readonly resultInfo: ResultInfo | undefined;
}

/** `urgent` marks pages after the first, so they jump the transport's queue. */
export type FetchPage<T> = (page: number, urgent: boolean) => Promise<Page<T>>;

/**
 * The number of pages `info` announces: `total_pages` when sent, else from `total_count`
 * and the page size the server actually used. Undefined when it does not say.
 */
export function announcedPages(info: ResultInfo | undefined, requestedPerPage: number): number | undefined {
  if (info === undefined) {
    return undefined;
  }
  if (info.total_pages !== undefined && info.total_pages >= 0) {
    return Math.min(maxPages, Math.ceil(info.total_pages));
  }
  const perPage = info.per_page !== undefined && info.per_page > 0 ? info.per_page : requestedPerPage;
  if (info.total_count !== undefined && info.total_count >= 0) {
    return Math.min(maxPages, Math.ceil(info.total_count / perPage));
  }
  return undefined;
}

/**
 * Every item of a paged list, in page order. Page 1 tells how many pages there are; the
 * rest are then fetched all at once (the transport caps concurrency). When the server
 * does not say, pages are read one after another until a short or empty one.
 */
export async function fetchAllPages<T>(fetchPage: FetchPage<T>, perPage: number = maxPerPage, onPage?: (page: Page<T>) => void): Promise<T[]> {
  const first = await fetchPage(1, false);
  onPage?.(first);
  const total = announcedPages(first.resultInfo, perPage);
  if (total !== undefined) {
    if (total <= 1) {
      return first.items;
    }
    const rest: Array<Promise<Page<T>>> = [];
    for (let page = 2; page <= total; page++) {
      rest.push(
        fetchPage(page, true).then((result) => {
          onPage?.(result);
          return result;
        }),
      );
    }
    const pages = await Promise.all(rest);
    return first.items.concat(...pages.map((page) => page.items));
  }
  const items = first.items.slice();
  let last = first;
  for (let page = 2; last.items.length >= perPage && page <= maxPages; page++) {
    last = await fetchPage(page, true);
    onPage?.(last);
    items.push(...last.items);
  }
  return items;
}
