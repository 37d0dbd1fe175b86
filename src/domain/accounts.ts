import { nodeCrypto } from '../shared/nodeModules';
import type { Credentials } from '../cloudflare';

/**
 * A Cloudflare login the explorer shows as a top-level node. The profile holds no secret:
 * stored credentials live in SecretStorage under the profile's key; environment ones are
 * read from the extension host's environment each time and never copied anywhere.
 */
export interface AccountProfile {
  readonly key: string;
  readonly label: string;
  readonly origin: 'stored' | 'environment';
  readonly authKind: Credentials['kind'];
  /** Needed to verify an account token (`cfat_…`) and to scope the zone listing. */
  readonly accountId?: string;
  /** The e-mail of a global API key; not a secret, shown in the tooltip. */
  readonly email?: string;
}

export const environmentAccountKey = 'environment';

/** Credentials the way Cloudflare's own tools read them: a token, or a global key with its e-mail. */
export function credentialsFromEnvironment(env: Readonly<Record<string, string | undefined>>): { profile: AccountProfile; credentials: Credentials } | undefined {
  const token = env['CLOUDFLARE_API_TOKEN']?.trim();
  const accountId = env['CLOUDFLARE_ACCOUNT_ID']?.trim() || undefined;
  const base = { key: environmentAccountKey, label: 'From environment', origin: 'environment' as const, ...(accountId === undefined ? {} : { accountId }) };
  if (token) {
    return { profile: { ...base, authKind: 'token' }, credentials: { kind: 'token', token, ...(accountId === undefined ? {} : { accountId }) } };
  }
  const key = env['CLOUDFLARE_API_KEY']?.trim();
  const email = env['CLOUDFLARE_EMAIL']?.trim();
  if (key && email) {
    return { profile: { ...base, authKind: 'globalKey', email }, credentials: { kind: 'globalKey', email, key } };
  }
  return undefined;
}

/**
 * A short, stable name for a secret that is safe to log and to use as a storage key:
 * the first 12 hex digits of its SHA-256, never the secret itself.
 */
export function secretFingerprint(secret: string): string {
  return nodeCrypto().createHash('sha256').update(secret).digest('hex').slice(0, 12);
}

/** Checks what a user typed as a token before any network call; returns the problem, or undefined. */
export function tokenInputProblem(value: string): string | undefined {
  const token = value.trim();
  if (token.length === 0) return 'Enter an API token.';
  if (/\s/.test(token)) return 'An API token has no spaces.';
  if (/^https?:\/\//i.test(token)) return 'That is a URL, not an API token.';
  if (token.length < 20) return 'That is too short for a Cloudflare API token.';
  return undefined;
}

export function globalKeyInputProblem(value: string): string | undefined {
  const key = value.trim();
  return key.length < 20 || /\s/.test(key) ? 'That does not look like a global API key.' : undefined;
}

export function emailInputProblem(value: string): string | undefined {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim()) ? undefined : 'Enter the e-mail address of the Cloudflare user.';
}

export function accountIdInputProblem(value: string): string | undefined {
  const id = value.trim();
  return id === '' || /^[0-9a-f]{32}$/i.test(id) ? undefined : 'A Cloudflare account ID is 32 hexadecimal digits.';
}
