import type { CloudflareClient, FetchPage, PacedProgress, PagesRead, ReadPagesOptions } from '../cloudflare';
import { readPagesPaced } from '../cloudflare/pacedPages';
import { readPages } from '../cloudflare/pagination';
import type { Clock } from '../shared/clock';

/** A page reader with the pager's shape: plain, or paced by the client's rate budget. */
export type PageReader = <T extends { readonly id: string }>(fetchPage: FetchPage<T>, options: ReadPagesOptions<T>) => Promise<PagesRead<T>>;

/**
 * The reader for a hostname load: "Load All" (`all`) spreads itself across rate windows
 * by the client's budget — a 2,000-page zone is more than one window holds — keeping a
 * share of the budget for everything else; a single page, or a client that does not
 * pace itself, reads plainly.
 */
export function hostnamePageReader(client: CloudflareClient, clock: Clock, all: boolean, onProgress?: (progress: PacedProgress) => void): PageReader {
  const budget = client.paceBudget;
  if (!all || budget === undefined) return readPages;
  return (fetchPage, options) => readPagesPaced(fetchPage, { ...options, budget, clock, ...(onProgress === undefined ? {} : { onProgress }) });
}

/** "14:05": the local time a wait ends, to the minute (rounded up: the rest never starts before it). */
export function clockTime(ms: number): string {
  const at = new Date(Math.ceil(ms / 60_000) * 60_000);
  return `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}

/** "1,080 of 2,000 pages · the rest from 14:05": where a paced Load All stands, for its progress notification. */
export function describeLoadAllProgress(progress: PacedProgress, formatTime: (ms: number) => string = clockTime): string {
  const loaded = progress.pagesLoaded.toLocaleString('en-US');
  const pages = progress.totalPages === undefined ? `${loaded} pages` : `${loaded} of ${progress.totalPages.toLocaleString('en-US')} pages`;
  return progress.resumeAt === undefined ? pages : `${pages} · the rest from ${formatTime(progress.resumeAt)}`;
}
