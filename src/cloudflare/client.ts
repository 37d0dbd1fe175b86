import { type Dispatcher } from 'undici';
import { type Clock, systemClock } from '../shared/clock';
import { type Logger, silentLogger } from '../shared/logger';
import { Api, type CheckedPage, type Listed } from './api';
import { type CredentialsSource } from './credentials';
import { listAccounts } from './endpoints/accounts';
import { getCertificatePack, getCertificatePackQuota, listCertificatePacks, restartPackValidation } from './endpoints/certificatePacks';
import { getClientCertificate, listClientCertificates } from './endpoints/clientCertificates';
import { getCustomCertificate, listCustomCertificates } from './endpoints/customCertificates';
import { customHostnamesPage, type CustomHostnameFilter, getCustomHostname, getFallbackOrigin, listCustomHostnames, refreshCustomHostname } from './endpoints/customHostnames';
import { getSslVerification, getUniversalSslSettings, recheckValidation } from './endpoints/sslSettings';
import { verifyToken } from './endpoints/tokens';
import { type CloudflareUser, getUser } from './endpoints/user';
import { getSslMode, getZone, listZones, type ZoneFilter, zonesPage } from './endpoints/zones';
import { type PaceBudget } from './pacedPages';
import { listProblemHostnames, type ProblemHostnames } from './problemHostnames';
import { createDispatcher, describeProxy, type ProxyOptions, proxyFor } from './proxy';
import { RateBudget } from './rateBudget';
import { retryPolicy, type RetryOptions } from './retryPolicy';
import { Transport, type TransportStats } from './transport';
import type * as T from './types';

import { defaultBaseUrl } from './baseUrl';

export { defaultBaseUrl };
/** A page of 50 of the largest objects is well under 1 MB; 16 MB leaves room and bounds memory. */
export const defaultMaxResponseBytes = 16 * 1024 ** 2;

export interface ClientOptions {
  readonly baseUrl?: string;
  /** Fixed credentials, or a provider asked before each request (so a new token applies at once). */
  readonly credentials: CredentialsSource;
  readonly logger?: Logger;
  /** Drives the rate budget and retry waits; share one AcceleratedClock with a simulator in tests. */
  readonly clock?: Clock;
  /** Requests in flight at once (default 8). */
  readonly concurrency?: number;
  /** Per request, body included (default 30 s). */
  readonly timeoutMs?: number;
  /** Largest response body read (default 16 MB); a larger one fails as `bad_response`. */
  readonly maxResponseBytes?: number;
  readonly retries?: RetryOptions;
  /** A budget shared by every client of one token; `false` turns pacing off. Default: a private one. */
  readonly rateBudget?: RateBudget | false;
  /** Inject a MockAgent or a shared Agent; the client then neither proxies nor closes it. */
  readonly dispatcher?: Dispatcher;
  readonly proxy?: ProxyOptions;
  readonly userAgent?: string;
  /** Jitter source, for deterministic tests. */
  readonly random?: () => number;
  /** Told when a call waits out a rate limit, with the wall-clock time it lifts. */
  readonly onRateLimitWait?: (liftsAt: number) => void;
}

/**
 * The items of a whole list. A list the pager cut short is an error here, never a silently
 * shorter list; the zone loader, which can show both, reads the endpoints itself.
 */
function wholeList<Item>(listed: Listed<Item>): Item[] {
  if (listed.stopped !== undefined) throw listed.stopped;
  return listed.items;
}

/** The Cloudflare API v4 client for everything the certificate monitor reads and the few writes it makes. */
export class CloudflareClient {
  /** @internal The call layer the inventory builds on. */
  readonly api: Api;
  private readonly transport: Transport;
  private readonly dispatcher: Dispatcher;
  private readonly ownsDispatcher: boolean;
  private readonly rateBudget: RateBudget | undefined;

  constructor(options: ClientOptions) {
    const logger = options.logger ?? silentLogger;
    const clock = options.clock ?? systemClock;
    const baseUrl = options.baseUrl ?? defaultBaseUrl;
    const base = new URL(baseUrl);
    if (base.protocol !== 'https:' && base.protocol !== 'http:') {
      throw new RangeError(`The Cloudflare API base URL must be http(s), got ${base.protocol}`);
    }
    const concurrency = options.concurrency ?? 8;
    this.ownsDispatcher = options.dispatcher === undefined;
    if (options.dispatcher === undefined) {
      const proxy = proxyFor(base, options.proxy);
      if (proxy !== undefined) {
        logger.info(`Cloudflare: using proxy ${describeProxy(proxy)} for ${base.host}`);
      }
      this.dispatcher = createDispatcher(proxy, concurrency);
    } else {
      this.dispatcher = options.dispatcher;
    }
    const rateBudget = options.rateBudget === false ? undefined : (options.rateBudget ?? new RateBudget({ clock }));
    this.rateBudget = rateBudget;
    this.transport = new Transport({
      baseUrl,
      credentials: options.credentials,
      dispatcher: this.dispatcher,
      logger,
      clock,
      concurrency,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxResponseBytes: options.maxResponseBytes ?? defaultMaxResponseBytes,
      retries: retryPolicy(options.retries),
      rateBudget,
      userAgent: options.userAgent ?? 'cloudflare-certificates',
      ...(options.random === undefined ? {} : { random: options.random }),
      ...(options.onRateLimitWait === undefined ? {} : { onRateLimitWait: options.onRateLimitWait }),
    });
    this.api = new Api(this.transport, options.credentials, logger);
  }

  /** Live counters: requests sent (retries included), retries, 429s seen, failed calls, body bytes read. */
  get stats(): Readonly<TransportStats> {
    return this.transport.stats;
  }

  /** Requests waiting for the rate budget right now (0 without one): the client is pacing itself. */
  get pacing(): number {
    return this.rateBudget?.waiting ?? 0;
  }

  /** The rate budget this client paces itself by, for a read that spreads itself across windows; undefined when pacing is off. */
  get paceBudget(): PaceBudget | undefined {
    return this.rateBudget;
  }

  /** Calls `listener` on every answer from the server; returns the unsubscribe. */
  onAnswer(listener: () => void): () => void {
    return this.api.onAnswer(listener);
  }

  verifyToken(signal?: AbortSignal): Promise<T.TokenVerification> {
    return verifyToken(this.api, signal);
  }

  /** Who the credentials act for; a token needs "User Details: Read". */
  getUser(signal?: AbortSignal): Promise<CloudflareUser> {
    return getUser(this.api, signal);
  }

  listAccounts(signal?: AbortSignal): Promise<T.Account[]> {
    return listAccounts(this.api, signal);
  }

  async listZones(filter: ZoneFilter = {}, signal?: AbortSignal): Promise<T.Zone[]> {
    return wholeList(await listZones(this.api, filter, signal));
  }

  zonesPage(filter: ZoneFilter & { page: number; perPage?: number }, signal?: AbortSignal): Promise<CheckedPage<T.Zone>> {
    return zonesPage(this.api, filter, signal);
  }

  getZone(zoneId: string, signal?: AbortSignal): Promise<T.Zone> {
    return getZone(this.api, zoneId, signal);
  }

  getSslMode(zoneId: string, signal?: AbortSignal): Promise<T.SslModeSetting> {
    return getSslMode(this.api, zoneId, signal);
  }

  /** All packs, whatever their status (`status=all`). */
  async listCertificatePacks(zoneId: string, signal?: AbortSignal): Promise<T.CertificatePack[]> {
    return wholeList(await listCertificatePacks(this.api, zoneId, signal));
  }

  getCertificatePack(zoneId: string, packId: string, signal?: AbortSignal): Promise<T.CertificatePack> {
    return getCertificatePack(this.api, zoneId, packId, signal);
  }

  getCertificatePackQuota(zoneId: string, signal?: AbortSignal): Promise<T.CertificatePackQuota> {
    return getCertificatePackQuota(this.api, zoneId, signal);
  }

  getSslVerification(zoneId: string, signal?: AbortSignal): Promise<T.SslVerification[]> {
    return getSslVerification(this.api, zoneId, signal);
  }

  getUniversalSslSettings(zoneId: string, signal?: AbortSignal): Promise<T.UniversalSslSettings> {
    return getUniversalSslSettings(this.api, zoneId, signal);
  }

  async listCustomCertificates(zoneId: string, signal?: AbortSignal): Promise<T.CustomCertificate[]> {
    return wholeList(await listCustomCertificates(this.api, zoneId, signal));
  }

  getCustomCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<T.CustomCertificate> {
    return getCustomCertificate(this.api, zoneId, certificateId, signal);
  }

  async listCustomHostnames(zoneId: string, filter: CustomHostnameFilter = {}, signal?: AbortSignal): Promise<T.CustomHostname[]> {
    return wholeList(await listCustomHostnames(this.api, zoneId, filter, signal));
  }

  customHostnamesPage(zoneId: string, options: CustomHostnameFilter & { page: number; perPage?: number; urgent?: boolean }, signal?: AbortSignal): Promise<CheckedPage<T.CustomHostname>> {
    return customHostnamesPage(this.api, zoneId, options, signal);
  }

  /**
   * Every custom hostname of the zone whose hostname or certificate status is not active,
   * through the API's status filters: without paging through the active ones.
   */
  listProblemHostnames(zoneId: string, signal?: AbortSignal): Promise<ProblemHostnames> {
    return listProblemHostnames((filter, page, pageSignal, urgent) => customHostnamesPage(this.api, zoneId, { ...filter, page, urgent }, pageSignal), signal === undefined ? {} : { signal });
  }

  getCustomHostname(zoneId: string, hostnameId: string, signal?: AbortSignal): Promise<T.CustomHostname> {
    return getCustomHostname(this.api, zoneId, hostnameId, signal);
  }

  /** Undefined when the zone has no fallback origin configured. */
  getFallbackOrigin(zoneId: string, signal?: AbortSignal): Promise<T.FallbackOrigin | undefined> {
    return getFallbackOrigin(this.api, zoneId, signal);
  }

  /** All client certificates, revoked ones included (`status=all`). */
  async listClientCertificates(zoneId: string, signal?: AbortSignal): Promise<T.ClientCertificate[]> {
    return wholeList(await listClientCertificates(this.api, zoneId, signal));
  }

  getClientCertificate(zoneId: string, certificateId: string, signal?: AbortSignal): Promise<T.ClientCertificate> {
    return getClientCertificate(this.api, zoneId, certificateId, signal);
  }

  restartPackValidation(zoneId: string, packId: string, signal?: AbortSignal): Promise<T.CertificatePack> {
    return restartPackValidation(this.api, zoneId, packId, signal);
  }

  recheckValidation(zoneId: string, packId: string, method: string, signal?: AbortSignal): Promise<T.VerificationMethodChange> {
    return recheckValidation(this.api, zoneId, packId, method, signal);
  }

  refreshCustomHostname(zoneId: string, hostname: T.CustomHostname, signal?: AbortSignal): Promise<T.CustomHostname> {
    return refreshCustomHostname(this.api, zoneId, hostname, signal);
  }

  /** Closes the connections this client opened (an injected dispatcher is left alone). */
  async close(): Promise<void> {
    if (this.ownsDispatcher) {
      await this.dispatcher.close();
    }
  }
}
