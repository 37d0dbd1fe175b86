import { CloudflareApiError, type CloudflareMessage } from './errors';

// Past this, a date is meaningless (and past 8.64e15 ms it is not a Date at all).
const longestShown = 100 * 365 * 24 * 3600 * 1000;

/** When a rate limit lifts, as `2026-12-05T07:05:00Z (in 5 min)`: the CLI and the extension say it the same way. */
export function describeLift(waitMs: number, wallNow: number): string {
  const wait = Math.min(Math.max(0, waitMs), longestShown);
  const at = new Date(wallNow + wait).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `${at} (in ${describeSpan(wait)})`;
}

function describeSpan(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.round(hours / 24)} days`;
}

/**
 * The error for a rate limit this client will not wait out: the server asked for more
 * than `maxWaitMs`, or an earlier answer locked the client. Names the limit and when it lifts.
 */
export function rateLimitedError(init: { readonly waitMs: number; readonly wallNow: number; readonly maxWaitMs: number; readonly label: string; readonly cloudflareErrors?: readonly CloudflareMessage[] }): CloudflareApiError {
  const why = init.waitMs > init.maxWaitMs ? `, longer than the ${Math.round(init.maxWaitMs / 1000)} s this client waits` : '';
  const message = `Cloudflare's rate limit is in force until ${describeLift(init.waitMs, init.wallNow)}${why}; not retrying ${init.label}`;
  return new CloudflareApiError('rate_limited', message, { status: 429, retryAfterMs: init.waitMs, ...(init.cloudflareErrors === undefined ? {} : { cloudflareErrors: init.cloudflareErrors }) });
}
