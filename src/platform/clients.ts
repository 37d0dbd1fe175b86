import * as path from 'node:path';
import type { RequestBudget } from '../explorer/explorerModel';
import * as vscode from 'vscode';
import type { CloudflareClient, ClientOptions, Credentials, RateBudget, RateBudgets } from '../cloudflare';
import { loadCloudflare } from '../cloudflare/load';
import { AppError } from '../shared/appError';
import type { AccountProfile } from '../domain/accounts';
import type { Logger } from '../shared/logger';
import type { AccountStore } from './accountStore';
import type { ApiOriginConsent } from './apiOriginConsent';
import type { Settings } from './settings';

/** While a call waits out Cloudflare's rate limit (up to 5 min), the status bar says until when. */
function showLockout(liftsAt: number): void {
  const waitMs = liftsAt - Date.now();
  vscode.window.setStatusBarMessage(`$(watch) Cloudflare rate limit: waiting until ${loadCloudflare().describeLift(waitMs, Date.now())}`, Math.max(0, waitMs));
}

/**
 * One Cloudflare client per account, built from the current settings. Requests count in
 * the rate budget of the Cloudflare user behind the credentials (see RateBudgets), shared
 * with every other VS Code window through a file in global storage, so refreshes, writes,
 * probes and credential checks of all windows together stay under the limit. Clients are
 * rebuilt when the settings change. Every client of the extension that carries credentials
 * is built here, after the user's consent for the API server (ApiOriginConsent).
 */
export class ClientPool implements vscode.Disposable {
  /** Promises, not clients: concurrent first calls (zone prefetch) share one client. */
  private readonly clients = new Map<string, Promise<CloudflareClient>>();
  /** Made with the first client: the API client's bundle loads on first use (src/shared/lazy.ts). */
  private rateBudgets: RateBudgets | undefined;
  /** The budget each account's client counts in, for `requestBudget`. */
  private readonly accountBudgets = new Map<string, RateBudget>();

  constructor(
    private readonly store: AccountStore,
    private readonly settings: () => Settings,
    private readonly logger: Logger,
    private readonly storageFolder: string,
    private readonly consent: ApiOriginConsent,
  ) {}

  private get budgets(): RateBudgets {
    const { CloudflareClient, RateBudgets } = loadCloudflare();
    return (this.rateBudgets ??= new RateBudgets({
      directory: path.join(this.storageFolder, 'rate-budgets'),
      logger: this.logger,
      // Asks GET /user with the credentials: only ever after the consent that `transientClient` and `create` ensure.
      unpacedClient: (credentials, baseUrl) => new CloudflareClient({ ...this.clientOptions(), baseUrl, credentials, rateBudget: false, retries: { max: 0 } }),
    }));
  }

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

  /**
   * A client for credentials not stored yet (checking them before "Add" or "Update"),
   * counting in their user's budget like any other. The caller closes it.
   */
  async transientClient(credentials: Credentials, signal?: AbortSignal): Promise<CloudflareClient> {
    const baseUrl = this.settings().apiBaseUrl;
    await this.consent.ensure(baseUrl);
    const rateBudget = await this.budgets.forCredentials(credentials, baseUrl, signal);
    return new (loadCloudflare().CloudflareClient)({ ...this.clientOptions(), baseUrl, credentials, rateBudget });
  }

  private async create(profile: AccountProfile): Promise<CloudflareClient> {
    const credentials = await this.store.credentials(profile);
    if (credentials === undefined) {
      throw new AppError('no_credentials', `The credentials of "${profile.label}" are gone. Remove the account and add it again.`);
    }
    const baseUrl = this.settings().apiBaseUrl;
    await this.consent.ensure(baseUrl);
    const rateBudget = await this.budgets.forCredentials(credentials, baseUrl);
    this.accountBudgets.set(profile.key, rateBudget);
    return new (loadCloudflare().CloudflareClient)({ ...this.clientOptions(), baseUrl, credentials, rateBudget });
  }

  private clientOptions(): Pick<ClientOptions, 'logger' | 'concurrency' | 'proxy' | 'userAgent' | 'onRateLimitWait'> {
    const proxyUrl = vscode.workspace.getConfiguration('http').get<string>('proxy')?.trim();
    return {
      logger: this.logger,
      concurrency: this.settings().concurrency,
      proxy: { env: process.env, ...(proxyUrl ? { url: proxyUrl } : {}) },
      userAgent: `cloudflare-certificates-vscode/${vscode.version}`,
      onRateLimitWait: (liftsAt: number) => showLockout(liftsAt),
    };
  }

  /** Requests each account's rate budget allows now, as data for a refresh; an account with no client yet has spent nothing (absent: no limit). */
  requestBudget(): RequestBudget {
    return new Map([...this.accountBudgets].map(([key, budget]) => [key, budget.available]));
  }

  /** Drops every client (their connections close); the next call builds new ones. */
  async reset(): Promise<void> {
    const clients = [...this.clients.values()];
    this.clients.clear();
    await Promise.allSettled(clients.map(async (client) => (await client).close()));
  }

  /**
   * Forgets an account's client, e.g. after its token changed or it was removed. Its
   * budget stays: it belongs to the Cloudflare user, whose requests still count.
   */
  async forget(key: string): Promise<void> {
    const client = this.clients.get(key);
    this.clients.delete(key);
    this.accountBudgets.delete(key);
    await client?.then((created) => created.close(), () => undefined);
  }

  dispose(): void {
    void this.reset();
  }
}
