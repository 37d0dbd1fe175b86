import { createHash } from 'node:crypto';
import { type Clock } from '../shared/clock';
import { type Logger } from '../shared/logger';
import { type BudgetIdentity, rateBudgetIdentity } from './budgetIdentity';
import { type CloudflareClient } from './client';
import { type Credentials, secretsOf } from './credentials';
import { type RateBudget } from './rateBudget';
import { sharedRateBudget } from './sharedGrantFile';

export interface RateBudgetsOptions {
  /** Shared by every process that should count together: the extension's global storage. */
  readonly directory: string;
  readonly logger: Logger;
  readonly clock?: Clock;
  /** A client for `credentials` that does not pace itself (its requests are charged afterwards). */
  readonly unpacedClient: (credentials: Credentials, baseUrl: string) => CloudflareClient;
}

/**
 * The rate budgets of one process, one per Cloudflare user (see `rateBudgetIdentity`)
 * and API base URL, each shared with the other windows through its file. A budget follows
 * the user, not the credentials: adding or replacing a token of the same user keeps
 * counting in the same budget, and forgetting an account's client does not reset it.
 */
export class RateBudgets {
  private readonly budgets = new Map<string, RateBudget>();
  /** Per credentials and base URL: who Cloudflare counts, asked once per process. */
  private readonly identities = new Map<string, Promise<BudgetIdentity>>();

  constructor(private readonly options: RateBudgetsOptions) {}

  /** The budget the credentials count in; finding out may cost a request or two, charged to it. */
  async forCredentials(credentials: Credentials, baseUrl: string, signal?: AbortSignal): Promise<RateBudget> {
    const fingerprint = createHash('sha256').update(`${baseUrl}\n${credentials.kind}\n${secretsOf(credentials).join('\n')}`).digest('hex');
    let identity = this.identities.get(fingerprint);
    if (identity === undefined) {
      identity = this.identify(credentials, baseUrl, signal);
      this.identities.set(fingerprint, identity);
      // Not remembered when it failed or Cloudflare could not be asked: the next call asks again.
      void identity.then(
        (found) => found.settled || this.identities.delete(fingerprint),
        () => this.identities.delete(fingerprint),
      );
    }
    const found = await identity;
    return this.budget(`${baseUrl}|${found.key}`, found.label);
  }

  private async identify(credentials: Credentials, baseUrl: string, signal: AbortSignal | undefined): Promise<BudgetIdentity> {
    const client = this.options.unpacedClient(credentials, baseUrl);
    let identity: BudgetIdentity;
    try {
      identity = await rateBudgetIdentity(client, credentials, this.options.logger, signal);
    } finally {
      await client.close();
    }
    const budget = this.budget(`${baseUrl}|${identity.key}`, identity.label);
    await budget.charge(client.stats.requests);
    return identity;
  }

  private budget(key: string, label: string): RateBudget {
    let budget = this.budgets.get(key);
    if (budget === undefined) {
      budget = sharedRateBudget({ directory: this.options.directory, key, label, logger: this.options.logger, ...(this.options.clock === undefined ? {} : { clock: this.options.clock }) });
      this.budgets.set(key, budget);
    }
    return budget;
  }
}
