import { type Dispatcher } from 'undici';
import { type Logger } from '../core/logger';
import { type Credentials, type CredentialsSource, resolveCredentials } from './credentials';
import { type Shape } from './guards';
import { fetchAllPages, maxPerPage, type Page } from './pagination';
import { type Parsed, parseList, parseOne } from './parse';
import { type Query, type Transport } from './transport';

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

/**
 * What the endpoint functions build on: send a call, check its result, page through a
 * list. Endpoints stay one-liners about paths and parameters.
 */
export class Api {
  constructor(
    private readonly transport: Transport,
    private readonly credentialsSource: CredentialsSource,
    readonly logger: Logger,
  ) {}

  credentials(): Promise<Credentials> {
    return resolveCredentials(this.credentialsSource);
  }

  async result(method: Dispatcher.HttpMethod, path: string, options: CallOptions & { query?: Query; body?: unknown } = {}): Promise<unknown> {
    const envelope = await this.transport.send({ method, path, query: options.query, body: options.body, permission: options.permission, signal: options.signal });
    return envelope.result;
  }

  async one<T>(path: string, fields: Shape<T>, what: string, options: CallOptions & { query?: Query } = {}): Promise<T> {
    return parseOne(await this.result('GET', path, options), fields, what);
  }

  async write<T>(method: 'PATCH' | 'POST', path: string, body: unknown, fields: Shape<T>, what: string, options: CallOptions = {}): Promise<T> {
    return parseOne(await this.result(method, path, { ...options, body }), fields, what);
  }

  async page<T>(path: string, query: Query, fields: Shape<T>, what: string, page: number, perPage: number, options: CallOptions & { urgent?: boolean } = {}): Promise<CheckedPage<T>> {
    const envelope = await this.transport.send({
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

  /** Every page of a list at `per_page=50`, with the count of malformed items left out. */
  async all<T>(path: string, query: Query, fields: Shape<T>, what: string, options: CallOptions & { onPage?: (page: CheckedPage<T>) => void } = {}): Promise<Parsed<T>> {
    let rejected = 0;
    let reason: string | undefined;
    const items = await fetchAllPages<T>(async (page, urgent) => {
      const result = await this.page(path, query, fields, what, page, maxPerPage, { ...options, urgent });
      rejected += result.rejected;
      reason ??= result.reason;
      options.onPage?.(result);
      return result;
    }, maxPerPage);
    return { items, rejected, ...(reason === undefined ? {} : { reason }) };
  }
}
