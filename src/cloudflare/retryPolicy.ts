export interface RetryOptions {
  /** Retries after the first attempt (default 3). 0 turns retrying off. */
  readonly max?: number;
  /** First backoff step (default 500 ms); each retry doubles it, with jitter. */
  readonly baseDelayMs?: number;
  /** Longest single backoff step (default 20 s). */
  readonly maxDelayMs?: number;
  /**
   * Longest wait a server may ask for (Retry-After and kin) that is waited out before
   * retrying (default 300 s, the extension's; the CLI's `--max-wait` sets it). A longer
   * one fails the call at once with a `rate_limited` error saying when the limit lifts.
   */
  readonly maxServerWaitMs?: number;
  /** Longest total time spent in backoff to retry one call (default 60 s); server-asked waits are bounded by `maxServerWaitMs` each. */
  readonly maxTotalMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

export function retryPolicy(options: RetryOptions = {}): RetryPolicy {
  return {
    max: options.max ?? 3,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 20_000,
    maxServerWaitMs: options.maxServerWaitMs ?? 300_000,
    maxTotalMs: options.maxTotalMs ?? 60_000,
  };
}

/** "Equal jitter": half the exponential step is fixed, half random, so callers spread out. */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return step / 2 + (random() * step) / 2;
}

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * How long the server asks us to wait, from `retry-after-ms`, `retry-after` (seconds or
 * an HTTP date), `ratelimit` (`"default";r=0;t=30`) or `x-ratelimit-reset`. Undefined
 * when no header says so.
 */
export function serverWaitMs(headers: Headers, now: number): number | undefined {
  const ms = Number(header(headers, 'retry-after-ms'));
  if (Number.isFinite(ms) && ms >= 0 && header(headers, 'retry-after-ms') !== undefined) {
    return ms;
  }
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds) && seconds >= 0) {
      return seconds * 1000;
    }
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) {
      return Math.max(0, date - now);
    }
  }
  const exhausted = exhaustedResetMs(headers);
  if (exhausted !== undefined) {
    return exhausted;
  }
  const reset = Number(header(headers, 'x-ratelimit-reset'));
  if (Number.isFinite(reset) && reset >= 0 && header(headers, 'x-ratelimit-reset') !== undefined) {
    // Some send seconds-until-reset, some an epoch second; tell them apart by size.
    return reset > 1e9 ? Math.max(0, reset * 1000 - now) : reset * 1000;
  }
  return undefined;
}

/**
 * When the `Ratelimit` header says nothing remains (`r=0`), the milliseconds until its
 * reset (`t`). Checked on every response, so it bails out before any regex when the
 * header is absent.
 */
export function exhaustedResetMs(headers: Headers): number | undefined {
  const value = header(headers, 'ratelimit');
  if (value === undefined) {
    return undefined;
  }
  const remaining = /(?:^|[;,\s])r=(\d+)/.exec(value);
  const reset = /(?:^|[;,\s])t=(\d+)/.exec(value);
  if (remaining?.[1] !== '0' || reset?.[1] === undefined) {
    return undefined;
  }
  return Number(reset[1]) * 1000;
}

// undici and Node codes for a connection that failed or broke; argument and protocol
// errors (UND_ERR_INVALID_ARG…) are bugs, not weather, and are not retried.
const permanentCodes = new Set(['UND_ERR_INVALID_ARG', 'UND_ERR_INVALID_RETURN_VALUE', 'UND_ERR_NOT_SUPPORTED', 'ENOTFOUND', 'ERR_INVALID_URL', 'UND_ERR_ABORTED']);

export function isRetryableNetworkError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code !== 'string' || !permanentCodes.has(code);
}
