import * as vscode from 'vscode';
import { CloudflareClient, type Credentials, RateBudget } from '../cloudflare';
import { AppError } from '../core/appError';
import type { AccountProfile } from '../core/accounts';
import type { Logger } from '../core/logger';
import type { AccountStore } from './accountStore';
import type { ApiOriginConsent } from './apiOriginConsent';
import type { Settings } from './settings';

/**
 * One Cloudflare client per account, built from the current settings. Each account has
 * its own rate budget (Cloudflare counts requests per user or token), shared by every
 * caller so refreshes, writes and probes together stay under the limit. Clients are
 * rebuilt when the settings change. Every client of the extension that carries credentials
 * is built here, after the user's consent for the API server (ApiOriginConsent).
 */
export class ClientPool implements vscode.Disposable {
  /** Promises, not clients: concurrent first calls (zone prefetch) share one client. */
  private readonly clients = new Map<string, Promise<CloudflareClient>>();
  /** Per account, with the API base URL it counts for: another server (a simulator) keeps its own count. */
  private readonly budgets = new Map<string, { readonly budget: RateBudget; readonly baseUrl: string }>();

  constructor(
    private readonly store: AccountStore,
    private readonly settings: () => Settings,
    private readonly logger: Logger,
    private readonly consent: ApiOriginConsent,
  ) {}

  clientFor(profile: AccountProfile): Promise<CloudflareClient> {
    const existing = this.clients.get(profile.key);
    if (existing !== undefined) return existing;
    const created = this.create(profile);
    this.clients.set(profile.key, created);
    // A failed creation (credentials gone) is not cached: the next call tries again.
    created.catch(() => {
      if (this.clients.get(profile.key) === created) this.clients.delete(profile.key);
    });
    return created;
  }

  private async create(profile: AccountProfile): Promise<CloudflareClient> {
    const credentials = await this.store.credentials(profile);
    if (credentials === undefined) {
      throw new AppError('no_credentials', `The credentials of "${profile.label}" are gone. Remove the account and add it again.`);
    }
    const settings = this.settings();
    await this.consent.ensure(settings.apiBaseUrl);
    let entry = this.budgets.get(profile.key);
    if (entry?.baseUrl !== settings.apiBaseUrl) {
      entry = { budget: new RateBudget(), baseUrl: settings.apiBaseUrl };
      this.budgets.set(profile.key, entry);
    }
    return this.build(settings, credentials, entry.budget);
  }

  /**
   * A client of its own for credentials not stored yet (checking a token before adding
   * it), unpaced; the caller closes it.
   */
  async unstoredClient(credentials: Credentials): Promise<CloudflareClient> {
    const settings = this.settings();
    await this.consent.ensure(settings.apiBaseUrl);
    return this.build(settings, credentials, false);
  }

  private build(settings: Settings, credentials: Credentials, rateBudget: RateBudget | false): CloudflareClient {
    const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
    return new CloudflareClient({
      baseUrl: settings.apiBaseUrl,
      credentials,
      logger: this.logger,
      concurrency: settings.concurrency,
      rateBudget,
      proxy: { env: process.env, ...(proxyUrl ? { url: proxyUrl } : {}) },
      userAgent: `cloudflare-certificates-vscode/${vscode.version}`,
    });
  }

  /** Requests the account's rate budget allows now; with no client yet, nothing is spent. */
  requestsAvailable(key: string): number {
    return this.budgets.get(key)?.budget.available ?? Number.POSITIVE_INFINITY;
  }

  /** Drops every client (their connections close); the next call builds new ones. */
  async reset(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map(async (client) => (await client).close()));
  }

  /** Forgets an account's client, e.g. after its token changed or it was removed. */
  async forget(key: string): Promise<void> {
    const client = this.clients.get(key);
    this.clients.delete(key);
    this.budgets.delete(key);
    await client?.then((created) => created.close(), () => undefined);
  }

  dispose(): void {
    void this.reset();
  }
}
