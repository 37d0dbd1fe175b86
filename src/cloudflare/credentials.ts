import { CloudflareApiError } from './errors';

export type Credentials =
  | { readonly kind: 'token'; readonly token: string; readonly accountId?: string }
  | { readonly kind: 'globalKey'; readonly email: string; readonly key: string };

export type CredentialsSource = Credentials | (() => Promise<Credentials | undefined>);

/** Account-owned tokens start with this prefix and are verified under their account. */
const accountTokenPrefix = 'cfat_';

// Header values must be visible ASCII: anything else would make undici throw an error
// whose message could echo the value, so we refuse it first, without quoting it.
const headerSafe = /^[\x21-\x7e]+$/;

export function isAccountToken(credentials: Credentials): boolean {
  return credentials.kind === 'token' && credentials.token.trim().startsWith(accountTokenPrefix);
}

/** The authentication headers for one request. Never logged. */
export function authHeaders(credentials: Credentials): Record<string, string> {
  if (credentials.kind === 'token') {
    const token = credentials.token.trim();
    requireHeaderSafe(token, 'The API token');
    return { authorization: `Bearer ${token}` };
  }
  const email = credentials.email.trim();
  const key = credentials.key.trim();
  requireHeaderSafe(email, 'The account email');
  requireHeaderSafe(key, 'The Global API Key');
  return { 'x-auth-email': email, 'x-auth-key': key };
}

function requireHeaderSafe(value: string, what: string): void {
  if (value === '') {
    throw new CloudflareApiError('invalid_token', `${what} is empty.`);
  }
  if (!headerSafe.test(value)) {
    throw new CloudflareApiError('invalid_token', `${what} contains spaces or characters that are not allowed.`);
  }
}

/** The secret strings of a credential, for scrubbing text that came back from the server. */
export function secretsOf(credentials: Credentials): string[] {
  return credentials.kind === 'token' ? [credentials.token.trim()] : [credentials.key.trim()];
}

/** Replaces every secret in `text` (only used on error paths, so it may be slow-ish). */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) {
      out = out.split(secret).join('[redacted]');
    }
  }
  return out;
}

/** Resolves a credentials source; the provider form lets a token change between calls. */
export async function resolveCredentials(source: CredentialsSource): Promise<Credentials> {
  const credentials = typeof source === 'function' ? await source() : source;
  if (credentials === undefined) {
    throw new CloudflareApiError('no_credentials', 'No Cloudflare API token or key is configured.');
  }
  return credentials;
}
