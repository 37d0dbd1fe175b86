import { request } from 'node:http';
import { isIP } from 'node:net';
import { matchConnectRule, type ConnectRule } from './connectRules';
import type { DnsClient } from './dns/dnsTypes';
import { resolveChain } from './dns/resolveChain';

/** Bytes of a validation body read at most: tokens are short, a hostile server is not. */
export const maxBodyBytes = 16 * 1024;

/** What one GET of a validation URL came to; redirects are reported, never followed. */
export type FetchOutcome =
  | { readonly kind: 'response'; readonly status: number; readonly location: string | null; readonly body: string; readonly truncated: boolean; readonly address: string }
  | { readonly kind: 'unreachable'; readonly message: string }
  | { readonly kind: 'unknown'; readonly message: string };

export interface HttpFetcher {
  get(url: string): Promise<FetchOutcome>;
}

export interface HttpFetcherOptions {
  readonly dns: DnsClient;
  readonly rules: readonly ConnectRule[];
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

/** The address to connect to: a `--resolve` rule, the literal, else A (then AAAA) through the diagnosis's DNS. */
async function destination(options: HttpFetcherOptions, host: string, port: number): Promise<{ address: string; port: number } | Exclude<FetchOutcome, { kind: 'response' }>> {
  const rule = matchConnectRule(options.rules, host, port);
  if (rule !== undefined) return { address: rule.address, port: rule.port ?? port };
  if (isIP(host) !== 0) return { address: host, port };
  for (const type of ['A', 'AAAA'] as const) {
    const resolution = await resolveChain(options.dns, host, type);
    if (resolution.status === 'unknown') return { kind: 'unknown', message: `DNS for ${host} did not answer: ${resolution.reason}` };
    if (resolution.status === 'found') {
      const [first] = resolution.records;
      if (first !== undefined && typeof first.data === 'string') return { address: first.data, port };
    }
    if (resolution.status === 'nxdomain') return { kind: 'unreachable', message: `${host} does not exist in DNS` };
    if (resolution.status === 'loop') return { kind: 'unreachable', message: `${host} is a CNAME loop` };
  }
  return { kind: 'unreachable', message: `${host} has no address` };
}

/** Plain HTTP GETs on port 80 (or the URL's port), one at a time per call, bounded in time and size. */
export function createHttpFetcher(options: HttpFetcherOptions): HttpFetcher {
  return {
    async get(url) {
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { kind: 'unreachable', message: 'the validation URL is not a valid URL' };
      }
      if (parsed.protocol !== 'http:') return { kind: 'unreachable', message: `the validation URL is ${parsed.protocol} rather than http:` };
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      const port = parsed.port === '' ? 80 : Number(parsed.port);
      const target = await destination(options, host, port);
      if ('kind' in target) return target;
      return new Promise<FetchOutcome>((resolve) => {
        let settled = false;
        const finish = (outcome: FetchOutcome): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          options.signal?.removeEventListener('abort', onAbort);
          req.destroy();
          resolve(outcome);
        };
        const onAbort = (): void => finish({ kind: 'unknown', message: 'cancelled' });
        const req = request({
          host: target.address,
          port: target.port,
          path: `${parsed.pathname}${parsed.search}`,
          method: 'GET',
          headers: { host: parsed.host, 'user-agent': 'cfcerts-diagnose', accept: '*/*' },
          agent: false,
        }, (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          let truncated = false;
          const done = (): void => finish({
            kind: 'response',
            status: response.statusCode ?? 0,
            location: typeof response.headers.location === 'string' ? response.headers.location.slice(0, 2048) : null,
            body: Buffer.concat(chunks).toString('utf8'),
            truncated,
            address: `${target.address}:${target.port}`,
          });
          response.on('data', (chunk: Buffer) => {
            const room = maxBodyBytes - size;
            if (chunk.length > room) {
              chunks.push(chunk.subarray(0, room));
              truncated = true;
              done();
              return;
            }
            chunks.push(chunk);
            size += chunk.length;
          });
          response.on('end', done);
          response.on('error', (error) => finish({ kind: 'unreachable', message: error.message }));
        });
        const timer = setTimeout(() => finish({ kind: 'unreachable', message: `no HTTP answer from ${target.address}:${target.port} within ${options.timeoutMs} ms` }), options.timeoutMs);
        options.signal?.addEventListener('abort', onAbort, { once: true });
        req.on('error', (error) => finish({ kind: 'unreachable', message: `${target.address}:${target.port}: ${error.message}` }));
        req.end();
      });
    },
  };
}
