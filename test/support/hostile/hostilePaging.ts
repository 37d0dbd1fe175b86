/**
 * A hostile stand-in for the Cloudflare API's paging, as a gateway an attacker controls
 * would serve it: a local HTTP server (127.0.0.1, port 0) whose zones listing, or one
 * zone's custom hostnames listing, pages without end in one of several ways. Every other
 * route answers honestly and small, so a test counts requests to bound what the client
 * did, never time.
 */
import type * as http from 'node:http';
import { type HttpTestServer, startHttpServer } from '../servers/httpTestServer';

export type PagingMode =
  /** Honest pages of the first `items` entries, but `total_pages` and `total_count` claim 1e9 pages. */
  | 'hugeTotal'
  /** The same full page for every page number, claiming 1e9 pages. */
  | 'repeat'
  /** Every page empty, claiming 1e9 pages. */
  | 'emptyClaiming'
  /** Fresh full pages, but `result_info.page` always says 1. */
  | 'pageMismatch'
  /** Fresh full pages forever, claiming 1e9 pages: only the hard maximum stops it. */
  | 'endless'
  /** Honest pages of `items` entries. */
  | 'honest'
  /** Accepts the request and never answers. */
  | 'hang';

export interface HostilePagingOptions {
  readonly mode: PagingMode;
  /** Which listing misbehaves; the other is honest. */
  readonly listing: 'zones' | 'customHostnames';
  /** Entries that really exist in the hostile listing (default 60); an honest zones listing has 1 zone. */
  readonly items?: number;
}

export interface HostilePaging extends HttpTestServer {
  /** `${method} ${path}` of every request, in arrival order (query left out). */
  readonly requests: string[];
  /** Requests to the hostile listing. */
  readonly listingRequests: () => number;
  readonly apiBaseUrl: string;
}

const perPageCap = 50;
const claimedPages = 1e9;
const zoneId = '0000000000000000000000000000000a';

function zone(index: number): Record<string, unknown> {
  return { id: `${index.toString(16).padStart(31, '0')}z`, name: `zone-${index}.example`, status: 'active', account: { id: 'acc', name: 'Hostile' } };
}

function hostname(index: number): Record<string, unknown> {
  return { id: `host-${index}`, hostname: `tenant-${index}.example`, status: 'active', ssl: { status: 'active', method: 'txt', type: 'dv' } };
}

function envelope(result: unknown, resultInfo?: Record<string, number>): string {
  return JSON.stringify({ success: true, errors: [], messages: [], result, ...(resultInfo === undefined ? {} : { result_info: resultInfo }) });
}

/** One page of the hostile listing, as the mode serves it. */
function hostilePage(mode: PagingMode, make: (index: number) => Record<string, unknown>, real: number, page: number, perPage: number): string {
  const claim = { total_pages: claimedPages, total_count: claimedPages * perPage };
  const slice = (from: number, count: number): Array<Record<string, unknown>> => Array.from({ length: Math.max(0, count) }, (_, i) => make(from + i));
  switch (mode) {
    case 'hugeTotal':
      return envelope(slice((page - 1) * perPage, Math.min(perPage, real - (page - 1) * perPage)), { page, per_page: perPage, ...claim });
    case 'repeat':
      return envelope(slice(0, perPage), { page, per_page: perPage, ...claim });
    case 'emptyClaiming':
      return envelope([], { page, per_page: perPage, count: 0, ...claim });
    case 'pageMismatch':
      return envelope(slice((page - 1) * perPage, perPage), { page: 1, per_page: perPage, ...claim });
    case 'endless':
      return envelope(slice((page - 1) * perPage, perPage), { page, per_page: perPage, ...claim });
    case 'honest':
    case 'hang': {
      const items = slice((page - 1) * perPage, Math.min(perPage, real - (page - 1) * perPage));
      return envelope(items, { page, per_page: perPage, count: items.length, total_count: real, total_pages: Math.ceil(real / perPage) });
    }
  }
}

export async function startHostilePaging(options: HostilePagingOptions): Promise<HostilePaging> {
  const requests: string[] = [];
  const real = options.items ?? 60;
  let listingRequests = 0;
  const handler = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    const path = url.pathname.replace(/^\/client\/v4/, '');
    requests.push(`${request.method ?? ''} ${path}`);
    const page = Math.max(1, Math.floor(Number(url.searchParams.get('page') ?? '1')) || 1);
    const perPage = Math.min(perPageCap, Math.max(1, Math.floor(Number(url.searchParams.get('per_page') ?? '20')) || 20));
    const send = (status: number, body: string): void => void response.writeHead(status, { 'content-type': 'application/json' }).end(body);
    const hostileHere = (options.listing === 'zones' && path === '/zones') || (options.listing === 'customHostnames' && /^\/zones\/[^/]+\/custom_hostnames$/.test(path));
    if (hostileHere) {
      listingRequests++;
      if (options.mode === 'hang') return; // never answered; the server's close() drops the socket
      send(200, hostilePage(options.mode, options.listing === 'zones' ? zone : hostname, real, page, perPage));
      return;
    }
    if (path === '/user/tokens/verify') return send(200, envelope({ id: 'token', status: 'active' }));
    if (path === '/zones') return send(200, hostilePage('honest', (index) => ({ ...zone(index), id: index === 0 ? zoneId : zone(index)['id'] }), 1, page, perPage));
    if (path.endsWith('/custom_hostnames')) return send(200, hostilePage('honest', hostname, 0, page, perPage));
    if (path.endsWith('/fallback_origin')) return send(404, JSON.stringify({ success: false, errors: [{ code: 1551, message: 'No fallback origin' }], messages: [], result: null }));
    if (path.endsWith('/settings/ssl')) return send(200, envelope({ id: 'ssl', value: 'full' }));
    if (/\/(ssl\/certificate_packs|custom_certificates|client_certificates)$/.test(path)) return send(200, envelope([], { page, per_page: perPage, count: 0, total_count: 0 }));
    send(404, JSON.stringify({ success: false, errors: [{ code: 7003, message: 'No route for the URI' }], messages: [], result: null }));
  };
  const server = await startHttpServer(handler);
  return { ...server, requests, listingRequests: () => listingRequests, apiBaseUrl: `${server.url}/client/v4` };
}
