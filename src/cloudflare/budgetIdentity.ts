import { createHash } from 'node:crypto';
import { type Logger } from '../shared/logger';
import { type CloudflareClient } from './client';
import { type Credentials, isAccountToken, secretsOf } from './credentials';

/** Whose requests a rate budget counts, as Cloudflare counts them. */
export interface BudgetIdentity {
  /** Stable across tokens of one user; never a secret. */
  readonly key: string;
  /** For the log, e.g. "user 0123abcd". */
  readonly label: string;
  /** False when Cloudflare could not be asked: worth asking again later. */
  readonly settled: boolean;
}

/**
 * Cloudflare counts 1,200 requests per 5 minutes per user, across its tokens, keys and
 * the dashboard, and per account for account-owned tokens (api-facts §6). So: the account
 * of a `cfat_…` token (no request needed); else the user id when `GET /user` answers;
 * else the token's id, from the token check, which cannot join two tokens of one user
 * (said in the log); a global key without an answer is its user's e-mail. `client` must
 * not pace itself with the budget being identified: its requests are charged afterwards.
 */
export async function rateBudgetIdentity(client: CloudflareClient, credentials: Credentials, logger: Logger, signal?: AbortSignal): Promise<BudgetIdentity> {
  const accountId = credentials.kind === 'token' ? credentials.accountId?.trim() : undefined;
  if (isAccountToken(credentials) && accountId) {
    return { key: `account:${accountId}`, label: `account ${accountId}`, settled: true };
  }
  try {
    const user = await client.getUser(signal);
    return { key: `user:${user.id}`, label: `user ${user.id}`, settled: true };
  } catch {
    // Most certificate tokens may not read the user: fall through to what identifies them.
  }
  if (credentials.kind === 'globalKey') {
    const email = credentials.email.trim().toLowerCase();
    return { key: `user-email:${email}`, label: `user ${email}`, settled: true };
  }
  try {
    const verified = await client.verifyToken(signal);
    if (typeof verified.id === 'string' && verified.id !== '') {
      logger.info(
        `Cloudflare rate budget: the token ${verified.id} may not read its user (GET /user needs "User Details: Read"), so its budget is kept per token; other tokens of the same user are counted apart, and the headroom is all that covers them`,
      );
      return { key: `token:${verified.id}`, label: `token ${verified.id}`, settled: true };
    }
  } catch {
    // Unreachable or rejected: the credentials themselves stand in until they can be asked.
  }
  const digest = createHash('sha256').update(secretsOf(credentials).join('\n')).digest('hex').slice(0, 16);
  return { key: `secret:${digest}`, label: 'these credentials', settled: false };
}
