import { clientCertificate, customCertificate, hostname, pack, zone } from './builders';
import { envelope, failure, pageInfo } from './mockApi';

export interface FakeAnswer {
  readonly status: number;
  readonly body: unknown;
}

export interface FakeAccountOptions {
  readonly zones: number;
  /** Packs per zone index (default 1). */
  readonly packs?: (zoneIndex: number) => number;
  /** Override the answer for one path (without base), e.g. to inject a failure. */
  readonly override?: (path: string, query: URLSearchParams) => FakeAnswer | undefined;
}

/** A tiny stand-in for the API, enough for inventory tests: paging by page/per_page. */
export function fakeAccount(options: FakeAccountOptions): (pathWithQuery: string) => FakeAnswer {
  const zones = Array.from({ length: options.zones }, (_, i) => zone(i + 1));
  const page = <T>(items: T[], query: URLSearchParams): FakeAnswer => {
    const number = Number(query.get('page') ?? '1');
    const perPage = Number(query.get('per_page') ?? '20');
    const slice = items.slice((number - 1) * perPage, number * perPage);
    return { status: 200, body: envelope(slice, { result_info: pageInfo(number, perPage, slice.length, items.length, Math.ceil(items.length / perPage)) }) };
  };
  return (pathWithQuery) => {
    const url = new URL(pathWithQuery, 'http://x');
    const path = url.pathname.replace(/^\/client\/v4/, '');
    const query = url.searchParams;
    const overridden = options.override?.(path, query);
    if (overridden !== undefined) {
      return overridden;
    }
    if (path === '/zones') {
      const name = query.get('name');
      return page(name === null ? zones : zones.filter((z) => z.name === name), query);
    }
    const match = /^\/zones\/([0-9a-f]+)\/(.+)$/.exec(path);
    const index = zones.findIndex((z) => z.id === match?.[1]);
    if (match === null || index < 0) {
      return { status: 404, body: failure(7003, 'No route for the URI') };
    }
    const n = index + 1;
    switch (match[2]) {
      case 'ssl/certificate_packs':
        return page(
          Array.from({ length: options.packs?.(n) ?? 1 }, (_, i) => pack(n * 1000 + i)),
          query,
        );
      case 'custom_certificates':
        return page([customCertificate(n)], query);
      case 'custom_hostnames':
        return page([hostname(n)], query);
      case 'client_certificates':
        return page([clientCertificate(n)], query);
      case 'custom_hostnames/fallback_origin':
        return { status: 200, body: envelope({ origin: `origin${n}.example.com`, status: 'active', errors: [] }) };
      default:
        return { status: 404, body: failure(7003, 'No route for the URI') };
    }
  };
}
