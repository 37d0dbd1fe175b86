import { redact } from './credentials';
import { type Envelope } from './envelope';
import { CloudflareApiError, type CloudflareErrorCode, type CloudflareMessage } from './errors';

/** What a failed call was, for the error message (never headers, never the query's secrets: there are none). */
export interface CallContext {
  readonly method: string;
  readonly path: string;
  readonly permission?: string;
  readonly secrets: readonly string[];
}

// Codes Cloudflare uses for malformed or unusable credentials (facts §7): 6003 with a
// 61xx chain for bad headers, 9106/9109 for unknown or revoked tokens, 1000/10001 for
// an invalid user.
const credentialCodes = new Set([1000, 6003, 6100, 6101, 6102, 6103, 6111, 9103, 9106, 9109, 10001]);
const missingAuthHeader = 1001;

/** Turns a non-success HTTP answer into a typed error, keeping Cloudflare's own errors. */
export function errorFromResponse(status: number, envelope: Envelope | undefined, context: CallContext, retryAfterMs?: number): CloudflareApiError {
  const cloudflareErrors = (envelope?.errors ?? []).map((entry) => ({ code: entry.code, message: redact(entry.message, context.secrets) }));
  const code = classify(status, cloudflareErrors);
  const summary = cloudflareErrors.map((entry) => `${entry.code} ${entry.message}`).join('; ');
  const detail = summary === '' ? `HTTP ${status}` : `HTTP ${status}: ${summary}`;
  const permission = code === 'missing_permission' ? context.permission : undefined;
  const lead = leadFor(code, permission);
  return new CloudflareApiError(code, `${lead} (${context.method} ${context.path}, ${detail})`, {
    status,
    cloudflareErrors,
    ...(permission === undefined ? {} : { permission }),
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    method: context.method,
    path: context.path,
  });
}

function classify(status: number, errors: readonly CloudflareMessage[]): CloudflareErrorCode {
  if (status === 429) {
    return 'rate_limited';
  }
  if (status >= 500) {
    return 'server';
  }
  if (status === 404) {
    return 'not_found';
  }
  const has = (code: number): boolean => errors.some((entry) => entry.code === code);
  if (status === 401) {
    return 'invalid_token';
  }
  if (status === 403) {
    // 9109 with 403 is either "Invalid access token" or "Unauthorized to access
    // requested resource" (a scope problem); only the first is a bad token.
    const invalid = errors.some((entry) => entry.code === 9109 && /invalid/i.test(entry.message));
    return invalid ? 'invalid_token' : 'missing_permission';
  }
  if (errors.some((entry) => credentialCodes.has(entry.code)) || (has(missingAuthHeader) && errors.some((entry) => /header/i.test(entry.message)))) {
    return 'invalid_token';
  }
  if (has(7003)) {
    return 'not_found';
  }
  return 'bad_request';
}

function leadFor(code: CloudflareErrorCode, permission: string | undefined): string {
  switch (code) {
    case 'invalid_token':
      return 'Cloudflare rejected the API token or key';
    case 'missing_permission':
      return permission === undefined ? 'The API token lacks a permission this call needs' : `The API token lacks the "${permission}" permission`;
    case 'not_found':
      return 'Cloudflare found nothing at this address';
    case 'rate_limited':
      return 'Cloudflare is rate limiting these requests';
    case 'server':
      return 'Cloudflare answered with a server error';
    default:
      return 'Cloudflare refused the request';
  }
}
