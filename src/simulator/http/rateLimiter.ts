/**
 * Cloudflare's client API limit (api-facts §6): 1,200 requests per 5 minutes per
 * token; past it, every call gets 429 until the window ends. Time comes from the
 * simulator's clock, which a test can share with the client's rate budget.
 */
export interface RateLimitOptions {
  readonly limit: number;
  readonly windowMs: number;
}

export interface RateDecision {
  readonly allowed: boolean;
  readonly remaining: number;
  readonly resetSeconds: number;
  readonly headers: Readonly<Record<string, string>>;
}

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: RateLimitOptions,
    private readonly now: () => number,
  ) {}

  /** Counts one request for `caller` (a credential, kept in memory only). */
  take(caller: string): RateDecision {
    const now = this.now();
    let window = this.windows.get(caller);
    if (window === undefined || now >= window.start + this.options.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(caller, window);
    }
    window.count++;
    const remaining = Math.max(0, this.options.limit - window.count);
    const resetSeconds = Math.max(1, Math.ceil((window.start + this.options.windowMs - now) / 1000));
    const windowSeconds = Math.ceil(this.options.windowMs / 1000);
    return {
      allowed: window.count <= this.options.limit,
      remaining,
      resetSeconds,
      headers: {
        ratelimit: `"default";r=${remaining};t=${resetSeconds}`,
        'ratelimit-policy': `"default";q=${this.options.limit};w=${windowSeconds}`,
      },
    };
  }
}
