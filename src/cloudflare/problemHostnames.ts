import { type CheckedPage } from './api';
import { type CustomHostnameFilter, hostnameStatusFilterValues, sslStatusFilterValues } from './endpoints/customHostnames';
import { CloudflareApiError } from './errors';
import { maxPerPage, readPages } from './pagination';
import { type CustomHostname } from './types';

/** One page of one filtered listing; `urgent` for pages after a listing's first. */
export type FilteredPage = (filter: CustomHostnameFilter, page: number, signal: AbortSignal, urgent: boolean) => Promise<CheckedPage<CustomHostname>>;

/**
 * The filtered listings that together hold every custom hostname whose hostname status
 * or certificate status is not `active`, each hostname in exactly one of them:
 * - one per certificate status other than `active` (`ssl_status=X`, any hostname status);
 * - one per hostname status other than `active`, among certificates that are active
 *   (`hostname_status=Y&ssl_status=active`), so none is listed twice.
 *
 * Why this many: the API's status filters take one value each and match it exactly (no
 * list, no "not"), so reaching every non-active value takes a listing per value. The
 * cost is one request per listing, empty or not, plus one per further page of 50: at
 * most ⌈problems ÷ 50⌉ + 34 for the 35 listings, however many active hostnames the zone
 * holds, against ⌈all ÷ 50⌉ for reading the whole zone (2,000 for 100,000). Splitting on the
 * certificate status first keeps the common "pending + pending_validation" pair in one
 * listing. (A hostname the API sends without any certificate status matches no
 * `ssl_status` value; Cloudflare for SaaS gives every custom hostname one.)
 */
export const problemFilters: readonly CustomHostnameFilter[] = [
  ...sslStatusFilterValues.filter((status) => status !== 'active').map((sslStatus): CustomHostnameFilter => ({ sslStatus })),
  ...hostnameStatusFilterValues.filter((status) => status !== 'active').map((hostnameStatus): CustomHostnameFilter => ({ hostnameStatus, sslStatus: 'active' })),
];

export interface ProblemHostnames {
  /** Every hostname found not active, each once, in listing order. */
  readonly items: CustomHostname[];
  /** Malformed items left out, and why the first was. */
  readonly rejected: number;
  readonly reason?: string;
  /** Requests made: pages read over all listings. */
  readonly requests: number;
  /** Listings that found at least one hostname. */
  readonly nonEmpty: number;
  /** Listings that could not be read to the end, with why: the items they gave are kept. */
  readonly stopped: readonly CloudflareApiError[];
}

export interface ProblemHostnamesOptions {
  readonly signal?: AbortSignal;
  /** Pages in flight per listing once its size is known (the transport caps the total). */
  readonly pagesAtOnce?: number;
}

/**
 * Lists the zone's problem hostnames without paging through its active ones (see
 * `problemFilters`). Every listing starts at once — the client's concurrency and rate
 * budget queue them — and later pages of a started listing go first.
 */
export async function listProblemHostnames(fetchPage: FilteredPage, options: ProblemHostnamesOptions = {}): Promise<ProblemHostnames> {
  let requests = 0;
  let reason: string | undefined;
  const reads = await Promise.all(
    problemFilters.map(async (filter) => {
      try {
        const read = await readPages<CustomHostname>(
          async ({ page, signal, urgent }) => {
            requests++;
            const result = await fetchPage(filter, page, signal, urgent);
            reason ??= result.reason;
            return result;
          },
          { what: 'custom hostnames', perPage: maxPerPage, pagesAtOnce: options.pagesAtOnce ?? 4, ...(options.signal === undefined ? {} : { signal: options.signal }) },
        );
        return { items: read.items, rejected: read.rejected, stopped: read.stopped };
      } catch (error) {
        if (options.signal?.aborted === true || !CloudflareApiError.is(error)) throw error;
        return { items: [], rejected: 0, stopped: error };
      }
    }),
  );
  const byId = new Map<string, CustomHostname>();
  for (const read of reads) for (const item of read.items) if (!byId.has(item.id)) byId.set(item.id, item);
  return {
    items: [...byId.values()],
    rejected: reads.reduce((sum, read) => sum + read.rejected, 0),
    ...(reason === undefined ? {} : { reason }),
    requests,
    nonEmpty: reads.filter((read) => read.items.length > 0).length,
    stopped: reads.flatMap((read) => (read.stopped === undefined ? [] : [read.stopped])),
  };
}
