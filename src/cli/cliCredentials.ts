import type { Credentials } from '../cloudflare';

/** The environment variables `cfcerts` reads credentials from, named in its messages. */
export const credentialEnvVars = {
  token: 'CLOUDFLARE_API_TOKEN',
  key: 'CLOUDFLARE_API_KEY',
  email: 'CLOUDFLARE_EMAIL',
} as const;

export type CredentialsFromEnv =
  | { readonly ok: true; readonly credentials: Credentials }
  | { readonly ok: false; readonly message: string };

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * Credentials from the environment: an API token wins over a Global API Key, as in
 * Cloudflare's own tools. `accountId` scopes an account-owned (`cfat_`) token. The
 * messages name variables, never their values.
 */
export function credentialsFromEnv(env: Readonly<Record<string, string | undefined>>, accountId?: string): CredentialsFromEnv {
  const token = present(env[credentialEnvVars.token]);
  if (token !== undefined) {
    return { ok: true, credentials: { kind: 'token', token, ...(accountId === undefined ? {} : { accountId }) } };
  }
  const key = present(env[credentialEnvVars.key]);
  const email = present(env[credentialEnvVars.email]);
  if (key !== undefined && email !== undefined) {
    return { ok: true, credentials: { kind: 'globalKey', key, email } };
  }
  if (key !== undefined) {
    return { ok: false, message: `${credentialEnvVars.key} is set but ${credentialEnvVars.email} is not: a Global API Key needs the account's email too.` };
  }
  return {
    ok: false,
    message: `No Cloudflare credentials: set ${credentialEnvVars.token} (recommended), or ${credentialEnvVars.key} with ${credentialEnvVars.email}.`,
  };
}
