import { type ResultInfo } from './envelope';

/**
 * The most pages this client reads of one list: 4,000 pages of 50 are 200,000 objects,
 * twice the largest SaaS zone the design plans for. A server announcing more is either
 * wrong or hostile; either way memory and the rate budget stay bounded.
 */
export const maxPages = 4_000;

/** What a listing's first page says about how many pages follow. */
export interface PagePlan {
  /** The pages the server announced (`total_pages`, or `total_count ÷ per_page`), uncapped. */
  readonly announced: number | undefined;
  /** The last page to read: the announcement capped by the hard maximum; undefined when nothing was announced. */
  readonly lastPage: number | undefined;
  /** The page size the server says it used, when sensible; else the one asked for. */
  readonly perPage: number;
  readonly totalCount: number | undefined;
}

/** Why a listing was cut short. Every one is shown as an error beside the items kept. */
export type PageStopReason = 'page_mismatch' | 'repeated_page' | 'ended_early' | 'page_limit';

export type PageVerdict =
  | { readonly kind: 'next' }
  /** The listing is complete. */
  | { readonly kind: 'end' }
  /** `keep`: whether the page's new items are kept (a page that is not the one asked for is not). */
  | { readonly kind: 'stop'; readonly reason: PageStopReason; readonly keep: boolean };

function count(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value >= 0 ? Math.ceil(value) : undefined;
}

/**
 * Reads the plan from a page's `result_info`. Both `total_pages` and `total_count ÷
 * per_page` cap the listing (the smaller wins: a server that claims 1e9 pages of 3 items
 * reads one page); the hard maximum caps them both.
 */
export function planPages(info: ResultInfo | undefined, requestedPerPage: number, hardMax: number = maxPages): PagePlan {
  const sent = info?.per_page;
  // A server may use a smaller page than asked; never a larger one, nor a fraction.
  const perPage = sent !== undefined && Number.isInteger(sent) && sent >= 1 && sent <= requestedPerPage ? sent : requestedPerPage;
  const totalCount = count(info?.total_count);
  const byCount = totalCount === undefined ? undefined : Math.ceil(totalCount / perPage);
  const byPages = count(info?.total_pages);
  const announced = byCount === undefined ? byPages : byPages === undefined ? byCount : Math.min(byCount, byPages);
  return { announced, lastPage: announced === undefined ? undefined : Math.min(announced, hardMax), perPage, totalCount };
}

export interface PageFacts {
  /** The page number asked for. */
  readonly asked: number;
  /** `result_info.page` of the answer, when sent. */
  readonly answeredPage: number | undefined;
  /** Items on the page, malformed ones included: an all-malformed page is not an empty one. */
  readonly received: number;
  /** Items on the page whose id no earlier page listed. */
  readonly fresh: number;
}

/**
 * What to do after one page. In order: a page other than the one asked for stops the
 * listing (its items are not trusted); so does a page whose every item was listed before
 * (a server repeating itself); an empty or short page ends the listing, and is reported
 * when the plan promised more; reaching the plan's last page ends it; reaching the hard
 * maximum with more to come stops it.
 */
export function judgePage(facts: PageFacts, plan: PagePlan, hardMax: number = maxPages): PageVerdict {
  if (facts.answeredPage !== undefined && facts.answeredPage !== facts.asked) {
    return { kind: 'stop', reason: 'page_mismatch', keep: false };
  }
  if (facts.received > 0 && facts.fresh === 0) {
    return { kind: 'stop', reason: 'repeated_page', keep: false };
  }
  const promisedMore = plan.announced !== undefined && facts.asked < plan.announced;
  if (facts.received < plan.perPage) {
    // An empty page 1 of an announced non-empty list, or a short page before the announced end.
    const short = facts.received === 0 ? plan.announced !== undefined && facts.asked <= plan.announced : promisedMore;
    return short ? { kind: 'stop', reason: 'ended_early', keep: true } : { kind: 'end' };
  }
  if (plan.lastPage !== undefined && facts.asked >= plan.lastPage && !promisedMore) {
    return { kind: 'end' };
  }
  if (facts.asked >= hardMax) {
    return { kind: 'stop', reason: 'page_limit', keep: true };
  }
  return { kind: 'next' };
}
