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

/** Shorter common runs than this are coincidence (hex ids share 8); longer ones are a leak. */
export const leakRunLength = 12;

/**
 * Replaces every trace of a secret in `text`: the secret in any letter case, and any run
 * of `leakRunLength` or more of its characters (a server echoing it lower-cased, or only
 * its first 30 characters). For messages and logs only, never for data: a TXT value is
 * a 43-character token by nature and may share a run with nothing but chance.
 */
export function redact(text: string, secrets: readonly string[]): string {
  const lower = text.toLowerCase();
  // Marks per character of `text`, merged into one "[redacted]" per run.
  const hidden = new Uint8Array(text.length);
  let any = false;
  for (const raw of secrets) {
    const secret = raw.toLowerCase();
    if (secret.length < 4) {
      continue;
    }
    const window = Math.min(leakRunLength, secret.length);
    const pieces = new Set<string>();
    for (let start = 0; start + window <= secret.length; start++) {
      pieces.add(secret.slice(start, start + window));
    }
    for (let start = 0; start + window <= lower.length; start++) {
      if (pieces.has(lower.slice(start, start + window))) {
        hidden.fill(1, start, start + window);
        any = true;
      }
    }
  }
  if (!any) {
    return text;
  }
  let out = '';
  for (let index = 0; index < text.length; index++) {
    if (hidden[index] === 0) {
      out += text[index];
    } else if (index === 0 || hidden[index - 1] === 0) {
      out += '[redacted]';
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
