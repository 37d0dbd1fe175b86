import { type Dispatcher } from 'undici';
import { type Clock, monotonicNow } from '../shared/clock';
import { type Logger } from '../shared/logger';
import { type CallContext, errorFromResponse } from './classify';
import { authHeaders, type CredentialsSource, resolveCredentials, secretsOf } from './credentials';
import { type Envelope, parseEnvelope } from './envelope';
import { CloudflareApiError } from './errors';
import { CallFailure, cancelledError, httpCall, type RawRequest, type RawResponse } from './httpCall';
import { Limiter } from './limiter';
import { describeLift, rateLimitedError } from './rateLimit';
import { type RateBudget } from './rateBudget';
import { backoffDelay, exhaustedResetMs, type RetryPolicy, serverWaitMs } from './retryPolicy';

export type Query = Readonly<Record<string, string | number | undefined>>;

export interface ApiRequest {
  readonly method: Dispatcher.HttpMethod;
  readonly path: string;
  readonly query?: Query;
  readonly body?: unknown;
  /** Dashboard name of the permission the call needs, named in a 403 error. */
  readonly permission?: string;
  readonly signal?: AbortSignal | undefined;
  /** Jump the queue: later pages of a collection already under way. */
  readonly urgent?: boolean;
}

export interface TransportStats {
  requests: number;
  retries: number;
  rateLimited: number;
  failures: number;
  /** Response body bytes read, all calls together: what the size cap bounds. */
  bytesReceived: number;
}

export interface TransportOptions {
  readonly baseUrl: string;
  readonly credentials: CredentialsSource;
  readonly dispatcher: Dispatcher;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly retries: RetryPolicy;
  readonly rateBudget: RateBudget | undefined;
  readonly userAgent: string;
  readonly random?: () => number;
  /** Told when a call waits out a rate limit, with the wall-clock time it lifts: the extension shows it. */
  readonly onRateLimitWait?: (liftsAt: number) => void;
}

/**
 * Sends calls: concurrency slot, then rate budget, then the request, so that a granted
 * budget slot is spent at once. Retries reads on 429 (after the server's wait, up to
 * `maxServerWaitMs`, pausing every caller), 5xx and broken connections with jittered
 * backoff, bounded in count and time. Writes are retried only when they provably never
 * left (refused connection, DNS failure): anything else may have been applied.
 * Deadlines are kept on the monotonic clock.
 */
export class Transport {
  readonly stats: TransportStats = { requests: 0, retries: 0, rateLimited: 0, failures: 0, bytesReceived: 0 };
  private readonly limiter: Limiter;
  private readonly origin: string;
  private readonly basePath: string;
  private pausedUntil = 0;
  private lockedUntil = 0;

  constructor(private readonly options: TransportOptions) {
    const base = new URL(options.baseUrl);
    this.origin = base.origin;
    this.basePath = base.pathname.replace(/\/+$/, '');
    this.limiter = new Limiter(options.concurrency);
  }

  private readonly countBytes = (count: number): void => {
    this.stats.bytesReceived += count;
  };

  async send(request: ApiRequest): Promise<Envelope> {
    const { clock, retries: policy } = this.options;
    const credentials = await resolveCredentials(this.options.credentials);
    const headers: Record<string, string> = { ...authHeaders(credentials), accept: 'application/json', 'user-agent': this.options.userAgent };
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
    }
    const path = this.basePath + request.path + queryString(request.query);
    const context: CallContext = { method: request.method, path: request.path, permission: request.permission, secrets: secretsOf(credentials) };
    const label = `${request.method} ${request.path}`;
    let waitedMs = 0;
    for (let retry = 0; ; retry++) {
      this.checkLockout(label);
      const outcome = await this.attempt({ origin: this.origin, path, method: request.method, headers, body, signal: request.signal, timeoutMs: this.options.timeoutMs, maxBytes: this.options.maxResponseBytes, onBytes: this.countBytes, label }, request.urgent === true);
      if (!(outcome instanceof CallFailure) && outcome.status >= 200 && outcome.status < 300) {
        return this.success(outcome, context);
      }
      const failure = this.toFailure(outcome, context);
      const serverWait = outcome instanceof CallFailure ? undefined : serverWaitMs(outcome.headers, clock.now());
      if (failure.error.code === 'rate_limited' && serverWait !== undefined && serverWait > policy.maxServerWaitMs) {
        // Cloudflare blocks every call for the lockout and more calls only extend it; but
        // the lock is capped, so no answer can shut this client down for years.
        this.lockFor(policy.maxServerWaitMs);
        this.stats.failures++;
        throw rateLimitedError({ waitMs: serverWait, wallNow: clock.now(), maxWaitMs: policy.maxServerWaitMs, label, cloudflareErrors: failure.error.cloudflareErrors });
      }
      const wait = serverWait ?? backoffDelay(retry, policy, this.options.random);
      const withinTime = serverWait === undefined ? wait <= policy.maxDelayMs && waitedMs + wait <= policy.maxTotalMs : serverWait <= policy.maxServerWaitMs;
      // A read may be repeated; a write only when it provably never reached the server.
      const mayRepeat = failure.retryable && (isRead(request.method) || failure.neverSent);
      if (!(mayRepeat && retry < policy.max && withinTime)) {
        if (failure.error.code === 'rate_limited' && serverWait !== undefined) {
          this.lockFor(Math.min(serverWait, policy.maxServerWaitMs));
        }
        this.stats.failures++;
        throw failure.error;
      }
      if (failure.error.code === 'rate_limited') {
        this.pausedUntil = Math.max(this.pausedUntil, monotonicNow(clock) + wait);
        this.options.logger.info(`Cloudflare: rate limited; waiting until ${describeLift(wait, clock.now())} to retry ${label}`);
        this.options.onRateLimitWait?.(clock.now() + wait);
      }
      this.stats.retries++;
      this.options.logger.debug(`Cloudflare: retrying ${label} in ${Math.round(wait)} ms after ${failure.error.code}`);
      if (serverWait === undefined) {
        waitedMs += wait;
      }
      await sleepOrCancel(clock, wait, request.signal, label);
    }
  }

  /** Refuses every call for `ms` (monotonic), as Cloudflare does during a lockout. */
  private lockFor(ms: number): void {
    this.lockedUntil = Math.max(this.lockedUntil, monotonicNow(this.options.clock) + ms);
  }

  private async attempt(raw: RawRequest, urgent: boolean): Promise<RawResponse | CallFailure> {
    const { signal, label } = raw;
    try {
      await this.limiter.acquire(urgent, signal);
    } catch (reason) {
      throw cancelledError(label, reason);
    }
    try {
      const pause = this.pausedUntil - monotonicNow(this.options.clock);
      if (pause > 0) {
        await sleepOrCancel(this.options.clock, pause, signal, label);
      }
      if (this.options.rateBudget !== undefined) {
        await this.options.rateBudget.acquire(signal).catch((reason: unknown) => {
          throw cancelledError(label, reason);
        });
      }
      this.stats.requests++;
      const started = performance.now();
      const outcome = await httpCall(this.options.dispatcher, raw);
      if (!(outcome instanceof CallFailure)) {
        this.options.logger.debug(`Cloudflare: ${label} → ${outcome.status} in ${Math.round(performance.now() - started)} ms`);
        const reset = exhaustedResetMs(outcome.headers);
        if (reset !== undefined) {
          this.pausedUntil = Math.max(this.pausedUntil, monotonicNow(this.options.clock) + reset);
        }
      }
      return outcome;
    } finally {
      this.limiter.release();
    }
  }

  private success(response: RawResponse, context: CallContext): Envelope {
    const envelope = parseEnvelope(response.text);
    if (envelope === undefined) {
      this.stats.failures++;
      throw new CloudflareApiError('bad_response', `Cloudflare sent a response that is not a JSON envelope (${context.method} ${context.path}, HTTP ${response.status})`, {
        status: response.status,
        method: context.method,
        path: context.path,
      });
    }
    if (envelope.success === false) {
      this.stats.failures++;
      throw errorFromResponse(response.status, envelope, context);
    }
    return envelope;
  }

  private toFailure(outcome: RawResponse | CallFailure, context: CallContext): CallFailure {
    if (outcome instanceof CallFailure) {
      return outcome;
    }
    const rateLimited = outcome.status === 429;
    if (rateLimited) {
      this.stats.rateLimited++;
    }
    const retryAfterMs = rateLimited ? serverWaitMs(outcome.headers, this.options.clock.now()) : undefined;
    const error = errorFromResponse(outcome.status, parseEnvelope(outcome.text), context, retryAfterMs);
    return new CallFailure(error, rateLimited || outcome.status >= 500);
  }

  private checkLockout(label: string): void {
    const left = this.lockedUntil - monotonicNow(this.options.clock);
    if (left > 0) {
      throw rateLimitedError({ waitMs: left, wallNow: this.options.clock.now(), maxWaitMs: this.options.retries.maxServerWaitMs, label });
    }
  }
}

async function sleepOrCancel(clock: Clock, ms: number, signal: AbortSignal | undefined, label: string): Promise<void> {
  try {
    await clock.sleep(ms, signal);
  } catch (reason) {
    throw cancelledError(label, reason);
  }
}

function isRead(method: Dispatcher.HttpMethod): boolean {
  return method === 'GET' || method === 'HEAD';
}

function queryString(query: Query | undefined): string {
  if (query === undefined) {
    return '';
  }
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined) {
      params.append(key, String(value));
    }
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}
