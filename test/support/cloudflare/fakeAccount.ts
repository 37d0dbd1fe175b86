import { clientCertificate, customCertificate, hostname, pack, zone } from '../builders';
import { type FakeAnswer, type FakeRoute, literalAccount } from './literalAccount';

export type { FakeAnswer } from './literalAccount';

export interface FakeAccountOptions {
  readonly zones: number;
  /** Packs per zone index (default 1). */
  readonly packs?: (zoneIndex: number) => number;
  /** Override the answer for one path (without base), e.g. to inject a failure. */
  readonly override?: (path: string, query: URLSearchParams) => FakeAnswer | undefined;
}

/** A generated account of `zones` alike zones, enough for inventory tests: paging by page/per_page. */
export function fakeAccount(options: FakeAccountOptions): FakeRoute {
  const zones = Array.from({ length: options.zones }, (_, i) => {
    const n = i + 1;
    return {
      zone: zone(n),
      packs: Array.from({ length: options.packs?.(n) ?? 1 }, (_, j) => pack(n * 1000 + j)),
      customCertificates: [customCertificate(n)],
      customHostnames: [hostname(n)],
      clientCertificates: [clientCertificate(n)],
      fallbackOrigin: { origin: `origin${n}.example.com`, status: 'active', errors: [] },
    };
  });
  return literalAccount(zones, options.override);
}
