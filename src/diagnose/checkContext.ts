import { setMaxListeners } from 'node:events';
import type { CheckContext, Unavailable } from './checks/context';
import type { ConnectRule } from './connectRules';
import { createDnsClient, type DnsStats } from './dns/dnsClient';
import type { DnsServer } from './dns/dnsTypes';
import { createHttpFetcher } from './httpFetch';
import { rangeMatcher, type IpRanges } from './ipRanges';

/** The API calls the checks need, as the caller makes them (the CLI through its client, tests directly). */
export interface DiagnosisApi {
  cloudflareIps(): Promise<IpRanges>;
  dcvDelegationUuid(zoneId: string): Promise<string>;
}

export interface DiagnosisSettings {
  readonly servers: readonly DnsServer[];
  /** Per DNS question or HTTP fetch. */
  readonly timeoutMs: number;
  /** DNS questions in flight at once. */
  readonly concurrency: number;
  readonly rules: readonly ConnectRule[];
  readonly api: DiagnosisApi;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Receives every API failure once, for the report's `errors`. */
  readonly onApiError?: (what: 'ips' | 'dcvDelegationUuid', error: unknown, zoneId?: string) => void;
}

function unavailable(error: unknown): Unavailable {
  return { unavailable: error instanceof Error ? error.message : String(error) };
}

/** One diagnosis run's context: one DNS client (one cache), and each API fact asked at most once. */
export function createCheckContext(settings: DiagnosisSettings): CheckContext & { readonly stats: DnsStats } {
  // Every question in flight listens for cancellation: our own signal, so hundreds of listeners are by design.
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  if (settings.signal?.aborted === true) controller.abort();
  settings.signal?.addEventListener('abort', () => controller.abort(), { once: true });
  const signal = controller.signal;
  const dns = createDnsClient({ servers: settings.servers, timeoutMs: settings.timeoutMs, concurrency: settings.concurrency, signal });
  const http = createHttpFetcher({ dns, rules: settings.rules, timeoutMs: settings.timeoutMs, signal });
  let ranges: Promise<((address: string) => boolean) | Unavailable> | undefined;
  const uuids = new Map<string, Promise<string | Unavailable>>();
  return {
    stats: dns.stats,
    dns,
    http,
    now: settings.now ?? (() => new Date()),
    cloudflareAddress() {
      ranges ??= settings.api.cloudflareIps().then(rangeMatcher, (error: unknown) => {
        settings.onApiError?.('ips', error);
        return unavailable(error);
      });
      return ranges;
    },
    dcvDelegationUuid(zoneId) {
      let uuid = uuids.get(zoneId);
      if (uuid === undefined) {
        uuid = settings.api.dcvDelegationUuid(zoneId).catch((error: unknown) => {
          settings.onApiError?.('dcvDelegationUuid', error, zoneId);
          return unavailable(error);
        });
        uuids.set(zoneId, uuid);
      }
      return uuid;
    },
  };
}
