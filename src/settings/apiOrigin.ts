/**
 * Which servers may receive the user's Cloudflare credentials. The one rule every path that
 * sends a token or a Global API key goes through (see src/platform/apiOriginConsent.ts):
 * Cloudflare's own API and this machine (loopback: a simulator, a local gateway) are
 * trusted; any other https origin is asked about once; plain http elsewhere would put the
 * credentials on the wire in clear, so it is never allowed.
 */

/** Cloudflare's own API origin: never asked about. */
export const cloudflareApiOrigin = 'https://api.cloudflare.com';

/** What the user answered for an origin, kept across windows and restarts. */
export type OriginAnswer = 'allow' | 'deny';

export type CredentialRelease =
  /** Send: Cloudflare's API, loopback, or an origin the user allowed. */
  | { readonly kind: 'send'; readonly origin: string }
  /** Ask the user first, naming the origin. */
  | { readonly kind: 'ask'; readonly origin: string }
  /** Never send; `reason` is written for the user. */
  | { readonly kind: 'refuse'; readonly origin: string; readonly reason: string };

/**
 * Whether credentials may go to `baseUrl`, given the answers the user gave so far
 * (by origin). Pure: the caller shows the question and stores the answer.
 */
export function credentialRelease(baseUrl: string, answers: Readonly<Record<string, OriginAnswer>>): CredentialRelease {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return { kind: 'refuse', origin: baseUrl, reason: `The API base URL "${baseUrl}" is not a URL.` };
  }
  const origin = url.origin;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { kind: 'refuse', origin, reason: `The API base URL must be https, got ${url.protocol}` };
  }
  if (isLoopbackHost(url.hostname)) return { kind: 'send', origin };
  if (url.protocol === 'http:') {
    return { kind: 'refuse', origin, reason: `Credentials are not sent over plain http to ${origin}: http is only for this machine (localhost, 127.0.0.0/8, ::1). Use https.` };
  }
  if (origin === cloudflareApiOrigin) return { kind: 'send', origin };
  const answer = Object.prototype.hasOwnProperty.call(answers, origin) ? answers[origin] : undefined;
  if (answer === 'allow') return { kind: 'send', origin };
  if (answer === 'deny') {
    return { kind: 'refuse', origin, reason: `You chose not to send Cloudflare credentials to ${origin}. Set cloudflareCertificates.apiBaseUrl back to Cloudflare's API, or run "Cloudflare: Forget API Server Answers" to be asked again.` };
  }
  return { kind: 'ask', origin };
}

/** localhost, 127.0.0.0/8 and ::1, as the WHATWG URL parser writes them (`[::1]`, `127.0.0.1`). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets.slice(1).every((octet) => Number(octet) <= 255) && octets[1] === '127';
}

/**
 * The API server to name in the view's header, or undefined for Cloudflare's own API:
 * the user should always see when their credentials go somewhere else.
 */
export function nonCloudflareApiHost(baseUrl: string): string | undefined {
  try {
    const url = new URL(baseUrl);
    return url.origin === cloudflareApiOrigin ? undefined : url.host;
  } catch {
    return baseUrl;
  }
}
