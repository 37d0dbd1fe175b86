import type { Account, CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, FallbackOrigin, Zone } from '../../../src/cloudflare';
import { type HttpTestServer, startHttpServer } from '../servers/httpTestServer';
import { envelope, failure, pageInfo } from './mockApi';

/** One zone as the API would list it: the zone and every collection the explorer loads. */
export interface LiteralZone {
  readonly zone: Zone;
  /** The SSL/TLS mode (`settings/ssl`); default "full". */
  readonly sslMode?: string;
  readonly packs?: readonly CertificatePack[];
  readonly customCertificates?: readonly CustomCertificate[];
  readonly customHostnames?: readonly CustomHostname[];
  readonly clientCertificates?: readonly ClientCertificate[];
  /** Cloudflare for SaaS's fallback origin; omitted = not set (the API's 404). */
  readonly fallbackOrigin?: FallbackOrigin;
}

export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** Answers one API request (path and query, with or without `/client/v4`). */
export type FakeRoute = (pathWithQuery: string) => FakeAnswer;

/**
 * A stand-in for the API that answers from literal zones: token verify, the accounts of
 * the zones, the zones listing (filtered by `name`; not by `account.id`, which tests that
 * care about it filter themselves), each zone's collections, paged by `page`/`per_page` as
 * Cloudflare pages them, and each object by its id. The state a test asserts on is written
 * out in the test, not read from a scenario file; the zones are read on every request, so
 * a test that changes an entry's arrays changes what the next request sees.
 */
export function literalAccount(zones: readonly LiteralZone[], override?: (path: string, query: URLSearchParams) => FakeAnswer | undefined): FakeRoute {
  const page = <T>(items: readonly T[], query: URLSearchParams): FakeAnswer => {
    const number = Number(query.get('page') ?? '1');
    const perPage = Number(query.get('per_page') ?? '20');
    const slice = items.slice((number - 1) * perPage, number * perPage);
    return { status: 200, body: envelope(slice, { result_info: pageInfo(number, perPage, slice.length, items.length, Math.ceil(items.length / perPage)) }) };
  };
  const notFound: FakeAnswer = { status: 404, body: failure(7003, 'No route for the URI') };
  return (pathWithQuery) => {
    const url = new URL(pathWithQuery, 'http://x');
    const path = url.pathname.replace(/^\/client\/v4/, '');
    const query = url.searchParams;
    const overridden = override?.(path, query);
    if (overridden !== undefined) return overridden;
    if (path === '/user/tokens/verify') return { status: 200, body: envelope({ id: 'f'.repeat(32), status: 'active' }) };
    if (path === '/accounts') return page(accountsOf(zones), query);
    const account = /^\/accounts\/([^/]+)$/.exec(path);
    if (account !== null) {
      const found = accountsOf(zones).find((candidate) => candidate.id === account[1]);
      return found === undefined ? notFound : { status: 200, body: envelope(found) };
    }
    if (path === '/zones') {
      const name = query.get('name');
      const listed = zones.map((entry) => entry.zone);
      return page(name === null ? listed : listed.filter((zone) => zone.name === name), query);
    }
    const match = /^\/zones\/([^/]+)\/(.+)$/.exec(path);
    const entry = zones.find((candidate) => candidate.zone.id === match?.[1]);
    if (match === null || entry === undefined) return notFound;
    const one = byId(entry, match[2] ?? '');
    if (one !== undefined) return one;
    switch (match[2]) {
      case 'settings/ssl':
        return { status: 200, body: envelope({ id: 'ssl', value: entry.sslMode ?? 'full', editable: true }) };
      case 'ssl/certificate_packs':
        return page(entry.packs ?? [], query);
      case 'custom_certificates':
        return page(entry.customCertificates ?? [], query);
      case 'custom_hostnames': {
        const hostname = query.get('hostname');
        const all = entry.customHostnames ?? [];
        return page(hostname === null ? all : all.filter((item) => item.hostname.includes(hostname)), query);
      }
      case 'client_certificates':
        return page(entry.clientCertificates ?? [], query);
      case 'custom_hostnames/fallback_origin':
        return entry.fallbackOrigin === undefined ? { status: 404, body: failure(1551, 'No fallback origin set') } : { status: 200, body: envelope(entry.fallbackOrigin) };
      default:
        return notFound;
    }
  };
}

/** The accounts that own the zones, each once, as `GET /accounts` lists them. */
function accountsOf(zones: readonly LiteralZone[]): Account[] {
  const accounts = new Map<string, Account>();
  for (const { zone } of zones) {
    const id = zone.account?.id;
    if (id) accounts.set(id, { id, name: zone.account?.name ?? null, type: 'standard' });
  }
  return [...accounts.values()];
}

/** `GET /zones/{zone}/{collection}/{id}`: one object of the zone, or Cloudflare's 404; undefined when the path names no object. */
function byId(entry: LiteralZone, rest: string): FakeAnswer | undefined {
  const match = /^(ssl\/certificate_packs|custom_certificates|custom_hostnames|client_certificates)\/([^/]+)$/.exec(rest);
  if (match === null || match[2] === 'fallback_origin') return undefined;
  const collections: Record<string, readonly { readonly id: string }[] | undefined> = {
    'ssl/certificate_packs': entry.packs,
    custom_certificates: entry.customCertificates,
    custom_hostnames: entry.customHostnames,
    client_certificates: entry.clientCertificates,
  };
  const found = collections[match[1] ?? '']?.find((item) => item.id === match[2]);
  return found === undefined ? { status: 404, body: failure(7003, `Could not route to /zones/${entry.zone.id}/${rest}`) } : { status: 200, body: envelope(found) };
}

/** Serves a route on 127.0.0.1; point a client at `${server.url}/client/v4`. */
export async function serveRoute(route: FakeRoute): Promise<HttpTestServer & { readonly baseUrl: string }> {
  const server = await startHttpServer((request, response) => {
    const answer = route(request.url ?? '/');
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  return { ...server, baseUrl: `${server.url}/client/v4` };
}
