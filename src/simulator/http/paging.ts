import { cfErrors } from './cfErrors';
import { ok, type ApiResponse } from './envelope';

export interface Paging {
  readonly page: number;
  readonly perPage: number;
}

function integer(text: string | null): number | undefined {
  if (text === null) return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** `page` ≥ 1 and `per_page` 5–50 (default 20), checked as Cloudflare checks them (api-facts §2). */
export function parsePaging(query: URLSearchParams, bounds = { min: 5, max: 50, fallback: 20 }): Paging | ApiResponse {
  const perPage = integer(query.get('per_page')) ?? bounds.fallback;
  if (!(perPage >= bounds.min && perPage <= bounds.max)) {
    return cfErrors.invalidParameter(`per_page variable must be a number between ${bounds.min} and ${bounds.max}`);
  }
  const page = integer(query.get('page')) ?? 1;
  if (!(page >= 1)) {
    return cfErrors.invalidParameter('page variable must be a number greater than or equal to 1');
  }
  return { page, perPage };
}

export function isPaging(value: Paging | ApiResponse): value is Paging {
  return 'perPage' in value;
}

/** One page of a list, with `result_info`; a page past the end is empty, as on Cloudflare. */
export function pageOf<T>(items: readonly T[], paging: Paging, view: (item: T) => unknown): ApiResponse {
  const start = (paging.page - 1) * paging.perPage;
  const slice = items.slice(start, start + paging.perPage);
  return ok(slice.map(view), {
    resultInfo: {
      page: paging.page,
      per_page: paging.perPage,
      count: slice.length,
      total_count: items.length,
      total_pages: Math.ceil(items.length / paging.perPage),
    },
  });
}

/** Validates an enum query parameter; undefined when absent. */
export function enumParam(query: URLSearchParams, name: string, allowed: readonly string[]): string | undefined | ApiResponse {
  const value = query.get(name);
  if (value === null) return undefined;
  return allowed.includes(value) ? value : cfErrors.invalidParameter(`${name} must be one of ${allowed.join(', ')}`);
}
