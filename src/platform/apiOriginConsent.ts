import * as vscode from 'vscode';
import { credentialRelease, type OriginAnswer } from '../settings/apiOrigin';
import { AppError } from '../shared/appError';
import type { Logger } from '../shared/logger';

const answersKey = 'cloudflareCertificates.apiOriginAnswers';
const allow = 'Send Credentials';
const deny = "Don't Send";

function notSent(origin: string): AppError {
  return new AppError('api_origin_refused', `Your Cloudflare credentials were not sent to ${origin}. Run "Cloudflare: Forget API Server Answers" to be asked again.`);
}

/**
 * Asks, once per origin, before the user's Cloudflare credentials go to an API server
 * that is neither Cloudflare's nor this machine's (the rule is credentialRelease). The
 * answer is kept in global state, so it holds in every window and after a restart.
 * Every client that carries credentials is built after `ensure` (see ClientPool).
 */
export class ApiOriginConsent {
  /** One question per origin at a time: the first load asks for every account at once. */
  private readonly asking = new Map<string, Promise<void>>();
  /** Origins whose question was dismissed in this window: not asked again on every auto-refresh or poll. */
  private readonly dismissed = new Set<string>();

  constructor(
    private readonly state: vscode.Memento,
    private readonly logger: Logger,
  ) {}

  /** Resolves when credentials may go to `baseUrl`; otherwise throws an AppError saying why. */
  ensure(baseUrl: string): Promise<void> {
    const release = credentialRelease(baseUrl, this.answers());
    switch (release.kind) {
      case 'send':
        return Promise.resolve();
      case 'refuse':
        return Promise.reject(new AppError('api_origin_refused', release.reason));
      case 'ask': {
        if (this.dismissed.has(release.origin)) return Promise.reject(notSent(release.origin));
        const pending = this.asking.get(release.origin);
        if (pending !== undefined) return pending;
        const asked = this.ask(release.origin).finally(() => this.asking.delete(release.origin));
        this.asking.set(release.origin, asked);
        return asked;
      }
    }
  }

  /** Forgets every answer: each origin is asked about again. */
  async forget(): Promise<void> {
    this.dismissed.clear();
    await this.state.update(answersKey, undefined);
  }

  private async ask(origin: string): Promise<void> {
    const choice = await vscode.window.showWarningMessage(
      `Send your Cloudflare credentials to ${origin}?`,
      {
        modal: true,
        detail: `The setting cloudflareCertificates.apiBaseUrl points at ${origin}, which is not Cloudflare's API (https://api.cloudflare.com). The server there will receive your API tokens and Global API keys with every request. Send them only to a gateway you run or trust. You are asked once; "Cloudflare: Forget API Server Answers" asks again.`,
      },
      allow,
      deny,
    );
    if (choice === undefined) {
      // Dismissed: nothing is stored (a new window asks again), and this window stops asking.
      this.dismissed.add(origin);
      throw notSent(origin);
    }
    const answer: OriginAnswer = choice === allow ? 'allow' : 'deny';
    await this.state.update(answersKey, { ...this.answers(), [origin]: answer });
    this.logger.info(`Cloudflare credentials ${answer === 'allow' ? 'may' : 'may not'} go to ${origin} (the user's answer)`);
    // Asked again so the stored answer and the rule decide, not this branch.
    return this.ensure(`${origin}/`);
  }

  private answers(): Record<string, OriginAnswer> {
    const stored = this.state.get<unknown>(answersKey);
    if (typeof stored !== 'object' || stored === null) return {};
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, OriginAnswer] => entry[1] === 'allow' || entry[1] === 'deny'));
  }
}
