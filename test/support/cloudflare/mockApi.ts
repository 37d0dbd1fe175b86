import { MockAgent, type MockPool } from 'undici';
import { MemoryLogger } from '../../../src/shared/logger';
import { CloudflareClient, type ClientOptions } from '../../../src/cloudflare';
import { FakeClock } from '../clock';

export const origin = 'https://api.cloudflare.com';
export const base = '/client/v4';
/** A fake token with a recognisable shape: tests check it never leaks. */
export const secretToken = 'tok_SECRET_abcdef1234567890';

export interface MockApi {
  readonly agent: MockAgent;
  readonly pool: MockPool;
  readonly logger: MemoryLogger;
  readonly clock: FakeClock;
  client(options?: Partial<ClientOptions>): CloudflareClient;
  close(): Promise<void>;
}

/** A MockAgent with no way out to the network, and clients wired to it. */
export function mockApi(): MockApi {
  const agent = new MockAgent({ keepAliveTimeout: 10, keepAliveMaxTimeout: 10, enableCallHistory: true });
  agent.disableNetConnect();
  const logger = new MemoryLogger();
  const clock = new FakeClock({ start: 1_700_000_000_000, sleeps: 'instant' });
  const clients: CloudflareClient[] = [];
  return {
    agent,
    pool: agent.get(origin),
    logger,
    clock,
    client(options = {}) {
      const client = new CloudflareClient({
        credentials: { kind: 'token', token: secretToken },
        dispatcher: agent,
        logger,
        clock,
        rateBudget: false,
        random: () => 0.5,
        ...options,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.close()));
      await agent.close();
    },
  };
}

export interface EnvelopeExtras {
  readonly result_info?: Record<string, number>;
  readonly errors?: unknown[];
  readonly success?: boolean;
}

export function envelope(result: unknown, extras: EnvelopeExtras = {}): Record<string, unknown> {
  return { success: extras.success ?? true, errors: extras.errors ?? [], messages: [], result, ...(extras.result_info === undefined ? {} : { result_info: extras.result_info }) };
}

export function failure(code: number, message: string, chain?: Array<{ code: number; message: string }>): Record<string, unknown> {
  return { success: false, errors: [{ code, message, ...(chain === undefined ? {} : { error_chain: chain }) }], messages: [], result: null };
}

export function pageInfo(page: number, perPage: number, count: number, totalCount: number, totalPages?: number): Record<string, number> {
  return { page, per_page: perPage, count, total_count: totalCount, ...(totalPages === undefined ? {} : { total_pages: totalPages }) };
}
