import { type Dispatcher } from 'undici';
import { type Logger } from '../shared/logger';
import { type Credentials, type CredentialsSource, resolveCredentials } from './credentials';
import { type Shape } from './guards';
import { type Envelope } from './envelope';
import { CloudflareApiError } from './errors';
import { maxPerPage, type Page, readPages } from './pagination';
import { type Parsed, parseList, parseOne } from './parse';
import { type ApiRequest, type Query, type Transport } from './transport';

export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  readonly permission?: string;
}

/** A page after checking, with how many of its items were malformed and left out. */
export interface CheckedPage<T> extends Page<T> {
  readonly rejected: number;
  /** Why the first rejected item was left out. */
  readonly reason?: string;
}

/** A whole list: the items read, and why the pager cut it short when it did (shown as an error, items kept). */
export interface Listed<T> extends Parsed<T> {
  readonly stopped?: CloudflareApiError;
}

/**
 * What the endpoint functions build on: send a call, check its result, page through a
 * list. Endpoints stay one-liners about paths and parameters.
 */
export class Api {
  private readonly answerListeners = new Set<() => void>();

  constructor(
    private readonly transport: Transport,
    private readonly credentialsSource: CredentialsSource,
    readonly logger: Logger,
  ) {}

  credentials(): Promise<Credentials> {
    return resolveCredentials(this.credentialsSource);
  }

  /**
   * Calls `listener` on every answer from the server, errors included (a timeout or a
   * refused connection is no answer): what a no-progress deadline counts. Returns the unsubscribe.
   */
  onAnswer(listener: () => void): () => void {
    this.answerListeners.add(listener);
    return () => this.answerListeners.delete(listener);
  }

  private async send(request: ApiRequest): Promise<Envelope> {
    try {
      const envelope = await this.transport.send(request);
      this.answered();
      return envelope;
    } catch (error) {
      if (CloudflareApiError.is(error) && error.status !== undefined) this.answered();
      throw error;
    }
  }

  private answered(): void {
    for (const listener of this.answerListeners) listener();
  }

  async result(method: Dispatcher.HttpMethod, path: string, options: CallOptions & { query?: Query; body?: unknown } = {}): Promise<unknown> {
    const envelope = await this.send({ method, path, query: options.query, body: options.body, permission: options.permission, signal: options.signal });
    return envelope.result;
  }

  async one<T>(path: string, fields: Shape<T>, what: string, options: CallOptions & { query?: Query } = {}): Promise<T> {
    return parseOne(await this.result('GET', path, options), fields, what);
  }

  async write<T>(method: 'PATCH' | 'POST', path: string, body: unknown, fields: Shape<T>, what: string, options: CallOptions = {}): Promise<T> {
    return parseOne(await this.result(method, path, { ...options, body }), fields, what);
  }

  async page<T>(path: string, query: Query, fields: Shape<T>, what: string, page: number, perPage: number, options: CallOptions & { urgent?: boolean } = {}): Promise<CheckedPage<T>> {
    const envelope = await this.send({
      method: 'GET',
      path,
      query: { ...query, page, per_page: perPage },
      permission: options.permission,
      signal: options.signal,
      urgent: options.urgent,
    });
    const parsed = parseList(envelope.result, fields, what, this.logger);
    return { items: parsed.items, rejected: parsed.rejected, resultInfo: envelope.resultInfo, ...(parsed.reason === undefined ? {} : { reason: parsed.reason }) };
  }

  /** Every page of a list at `per_page=50`, through the one pager: malformed items left out are counted (with why the first was), a cut-short listing says why. */
  async all<T extends { readonly id: string }>(path: string, query: Query, fields: Shape<T>, what: string, options: CallOptions = {}): Promise<Listed<T>> {
    let reason: string | undefined;
    const read = await readPages<T>(
      async ({ page, urgent, signal }) => {
        const result = await this.page(path, query, fields, what, page, maxPerPage, { ...options, signal, urgent });
        reason ??= result.reason;
        return result;
      },
      { what, perPage: maxPerPage, ...(options.signal === undefined ? {} : { signal: options.signal }) },
    );
    return { items: read.items, rejected: read.rejected, ...(reason === undefined ? {} : { reason }), ...(read.stopped === undefined ? {} : { stopped: read.stopped }) };
  }
}
