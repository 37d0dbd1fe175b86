import { type ResultInfo } from './envelope';
import { CloudflareApiError } from './errors';
import { judgePage, maxPages, type PagePlan, planPages, type PageStopReason } from './pagePlan';

/** Cloudflare's maximum page size on every list this client reads: fewest requests. */
export const maxPerPage = 50;

export interface Page<T> {
  readonly items: T[];
  /** Malformed items left out of `items`; they still count toward the page's size. */
  readonly rejected?: number;
  readonly resultInfo: ResultInfo | undefined;
}

export interface PageRequest {
  readonly page: number;
  /** Set on pages after the first of a read, so they jump the transport's queue. */
  readonly urgent: boolean;
  /** Aborted when the caller cancels, or when the pager stops and drops pages still in flight. */
  readonly signal: AbortSignal;
}

export type FetchPage<T> = (request: PageRequest) => Promise<Page<T>>;

export interface ReadPagesOptions<T> {
  /** What is listed, for messages: "zones", "custom hostnames". */
  readonly what: string;
  readonly perPage?: number;
  /** Resume here (default 1), e.g. "Load more" after the pages already shown. */
  readonly firstPage?: number;
  /** Ids already listed by earlier pages: a page of only these ends the listing. */
  readonly seen?: Iterable<string>;
  /** Read at most this many pages now (default: to the end). */
  readonly pages?: number;
  /** Pages in flight at once once the end is known (default 8); one at a time until then. */
  readonly pagesAtOnce?: number;
  /** The hard maximum page number (default `maxPages`). */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Each page's new items, in page order, as soon as they can be used. */
  readonly onPage?: (fresh: readonly T[], page: number) => void;
}

export interface PagesRead<T> {
  /** New items, in page order; an id listed twice is kept once. */
  readonly items: T[];
  readonly rejected: number;
  /** The last page whose items were taken (firstPage − 1 when none was). */
  readonly lastPage: number;
  /** True when pages remain: only when `pages` limited this read. */
  readonly more: boolean;
  /** The last page the server announced, capped by the hard maximum. */
  readonly plannedPages: number | undefined;
  readonly totalCount: number | undefined;
  /** Set when the listing was cut short: why, as an error to show beside the items kept. */
  readonly stopped?: CloudflareApiError;
}

interface InFlight<T> {
  readonly page: number;
  readonly result: Promise<Page<T>>;
}

/**
 * The one pager: every list the CLI and the extension read goes through it. The first
 * page tells how many follow; the rest are then read a window at a time (the transport
 * caps concurrency), in page order. A listing ends on an empty or short page or at the
 * announced end, and is cut short — with the reason as an error, the items so far kept —
 * when a page is not the one asked for, repeats ids already listed, ends before the
 * announced end, or reaches the hard maximum. So a server claiming 1e9 pages, repeating
 * a page forever or answering every page with page 1 costs a few requests, not millions.
 */
export async function readPages<T extends { readonly id: string }>(fetchPage: FetchPage<T>, options: ReadPagesOptions<T>): Promise<PagesRead<T>> {
  const perPage = options.perPage ?? maxPerPage;
  const firstPage = options.firstPage ?? 1;
  const hardMax = options.maxPages ?? maxPages;
  const budgetEnd = firstPage + Math.max(1, options.pages ?? Infinity) - 1;
  const window = Math.max(1, options.pagesAtOnce ?? 8);
  const seen = new Set(options.seen);
  // Aborts pages still in flight once the listing stops; follows the caller's signal.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(options.signal?.reason);
  if (options.signal?.aborted === true) onAbort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const items: T[] = [];
  let rejected = 0;
  let plan: PagePlan | undefined;
  let next = firstPage;
  let lastPage = firstPage - 1;
  let more = false;
  let stopped: CloudflareApiError | undefined;
  const queue: Array<InFlight<T>> = [];
  const fill = (): void => {
    // One page at a time until the plan says how many there are: no speculative requests.
    const end = Math.min(budgetEnd, hardMax, plan?.lastPage ?? Infinity);
    const room = plan?.lastPage === undefined ? 1 : window;
    while (queue.length < room && next <= end) {
      const page = next++;
      const result = fetchPage({ page, urgent: page > firstPage, signal: controller.signal });
      // Handled now, awaited in page order later: a later page failing first is no unhandled rejection.
      result.catch(() => undefined);
      queue.push({ page, result });
    }
  };
  try {
    fill();
    for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
      const page = await entry.result;
      plan ??= planPages(page.resultInfo, perPage, hardMax);
      // New ids only, once each: overlapping pages (an object created mid-listing) are normal.
      const fresh = new Map<string, T>();
      for (const item of page.items) if (!seen.has(item.id) && !fresh.has(item.id)) fresh.set(item.id, item);
      const received = page.items.length + (page.rejected ?? 0);
      // Malformed items count as new: they cannot be matched, and a page of them is no repeat.
      const verdict = judgePage({ asked: entry.page, answeredPage: finite(page.resultInfo?.page), received, fresh: fresh.size + (page.rejected ?? 0) }, plan, hardMax);
      if (verdict.kind !== 'stop' || verdict.keep) {
        const taken = [...fresh.values()];
        for (const id of fresh.keys()) seen.add(id);
        items.push(...taken);
        rejected += page.rejected ?? 0;
        lastPage = entry.page;
        options.onPage?.(taken, entry.page);
      }
      if (verdict.kind === 'stop') {
        stopped = stopError(verdict.reason, options.what, entry.page, plan, items.length, hardMax);
        break;
      }
      if (verdict.kind === 'end') break;
      if (entry.page >= budgetEnd) {
        more = true;
        break;
      }
      fill();
    }
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    if (queue.length > 0) {
      // Pages asked for ahead of a stop: cancel them; their outcome no longer matters.
      controller.abort(new CloudflareApiError('cancelled', `The ${options.what} listing stopped`));
    }
  }
  return { items, rejected, lastPage, more, plannedPages: plan?.lastPage, totalCount: plan?.totalCount, ...(stopped === undefined ? {} : { stopped }) };
}

function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

function stopError(reason: PageStopReason, what: string, page: number, plan: PagePlan, kept: number, hardMax: number): CloudflareApiError {
  const tail = `${kept.toLocaleString('en-US')} ${what} kept.`;
  const claimed = plan.announced === undefined ? '' : ` though ${plan.announced.toLocaleString('en-US')} page(s) were announced`;
  const messages: Record<PageStopReason, string> = {
    page_mismatch: `The ${what} listing stopped at page ${page}: Cloudflare answered with another page than the one asked for. ${tail}`,
    repeated_page: `The ${what} listing stopped at page ${page}: it only repeated ${what} listed on earlier pages. ${tail}`,
    ended_early: `The ${what} listing ended early at page ${page}${claimed}; the list may be incomplete. ${tail}`,
    page_limit: `The ${what} listing stopped after ${hardMax.toLocaleString('en-US')} pages, the most this client reads of one list${claimed}. ${tail}`,
  };
  return new CloudflareApiError('incomplete_listing', messages[reason]);
}
