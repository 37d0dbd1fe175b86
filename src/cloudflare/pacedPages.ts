import { type Clock } from '../shared/clock';
import { CloudflareApiError } from './errors';
import { type FetchPage, type PagesRead, readPages, type ReadPagesOptions } from './pagination';

/** What pacing reads of a rate budget; `RateBudget` is one. */
export interface PaceBudget {
  /** Grants a window may hold. */
  readonly capacity: number;
  /** Requests that could start now without waiting. */
  readonly available: number;
  /** Clock time from which `wanted` more requests fit the window. */
  freeAt(wanted: number): number;
}

/** Where a paced read stands: told after every chunk and before every wait. */
export interface PacedProgress {
  /** The last page read (pages are read in order from 1, so also how many). */
  readonly pagesLoaded: number;
  /** The last page the server announced, once known. */
  readonly totalPages: number | undefined;
  /** Set while waiting for the rate window: clock time the next pages are read. */
  readonly resumeAt?: number;
}

export interface PacedReadOptions<T> extends ReadPagesOptions<T> {
  readonly budget: PaceBudget;
  readonly clock: Clock;
  /**
   * The share of the budget a paced read leaves to everything else — a refresh, a poll,
   * a click on "Probe" — so a 2,000-page "Load All" never makes them wait (default 0.2).
   */
  readonly reserveShare?: number;
  /** Pages worth waking up for once the window frees (default 50, or what is left). */
  readonly minChunk?: number;
  readonly onProgress?: (progress: PacedProgress) => void;
}

export const defaultReserveShare = 0.2;
export const defaultMinChunk = 50;

/**
 * Pages to read now: what the budget has beyond the reserve, at most what is left. Zero
 * means wait. Pure, so the rule is tested on its own.
 */
export function pagesToReadNow(pagesLeft: number, available: number, reserve: number): number {
  return Math.max(0, Math.min(pagesLeft, Math.floor(available - reserve)));
}

/**
 * Reads a long listing a budget's worth at a time: as many pages as the rate budget
 * affords now (less a reserve), then sleeps on the Clock until the window has room for
 * more, and so on to the end. Requests never outrun the budget, so none draws a 429,
 * and other work is never queued behind thousands of pages. The pages read are kept
 * whatever happens: cancelling returns them (`more` set), and a failure returns them
 * with the error as `stopped`, as the pager does for a listing it cuts short.
 */
export async function readPagesPaced<T extends { readonly id: string }>(fetchPage: FetchPage<T>, options: PacedReadOptions<T>): Promise<PagesRead<T>> {
  const { budget, clock, signal } = options;
  const reserve = Math.ceil(budget.capacity * (options.reserveShare ?? defaultReserveShare));
  const minChunk = Math.max(1, options.minChunk ?? defaultMinChunk);
  const firstPage = options.firstPage ?? 1;
  const pageCap = firstPage - 1 + Math.max(1, options.pages ?? Infinity);
  const seen = new Set(options.seen);
  const items: T[] = [];
  let rejected = 0;
  let lastPage = firstPage - 1;
  let plannedPages: number | undefined;
  let totalCount: number | undefined;
  const result = (more: boolean, stopped?: CloudflareApiError): PagesRead<T> => ({ items, rejected, lastPage, more, plannedPages, totalCount, ...(stopped === undefined ? {} : { stopped }) });
  try {
    for (;;) {
      const left = Math.min(pageCap, plannedPages ?? Infinity) - lastPage;
      if (left <= 0) return result(lastPage < (plannedPages ?? lastPage));
      const now = pagesToReadNow(left, budget.available, reserve);
      if (now === 0) {
        const resumeAt = budget.freeAt(reserve + Math.min(left, minChunk));
        options.onProgress?.({ pagesLoaded: lastPage, totalPages: plannedPages, resumeAt });
        await clock.sleep(Math.max(1, resumeAt - clock.now()), signal);
        continue;
      }
      const read = await readPages(fetchPage, {
        ...options,
        firstPage: lastPage + 1,
        seen,
        pages: now,
        onPage: (fresh, page) => {
          for (const item of fresh) seen.add(item.id);
          items.push(...fresh);
          lastPage = page;
          options.onPage?.(fresh, page);
        },
      });
      rejected += read.rejected;
      lastPage = read.lastPage;
      plannedPages = read.plannedPages ?? plannedPages;
      totalCount = read.totalCount ?? totalCount;
      options.onProgress?.({ pagesLoaded: lastPage, totalPages: plannedPages });
      if (read.stopped !== undefined) return result(false, read.stopped);
      // The chunk ended before its page budget: the listing is complete.
      if (!read.more) return result(false);
    }
  } catch (error) {
    // Cancelled: what arrived is kept, and the rest is still to load.
    if (signal?.aborted === true) return result(true);
    if (CloudflareApiError.is(error)) return result(true, error);
    throw error;
  }
}
