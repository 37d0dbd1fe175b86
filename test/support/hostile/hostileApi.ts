import type * as http from 'node:http';
import { startHttpServer } from '../servers/httpTestServer';

/**
 * A stand-in for the Cloudflare API controlled by an attacker (a gateway, a proxy, a
 * `apiBaseUrl` pointed elsewhere). It serves one zone with one pack and one custom
 * hostname, well-formed, except for the requests `target` matches, which get the
 * hostile answer of `mode`. Listens on 127.0.0.1, port 0.
 */
export type HostileMode =
  /** A Cloudflare error envelope with this status and message (escape sequences, echoed secrets). */
  | { readonly kind: 'errorBody'; readonly status: number; readonly message: string }
  /** Announces a 2 GiB body, sends a little of it and keeps the connection open. */
  | { readonly kind: 'hugeContentLength' }
  /** Streams a chunked body that never ends, as fast as the client reads. */
  | { readonly kind: 'endlessBody' }
  /** A 400 whose `error_chain` is nested `depth` levels deep. */
  | { readonly kind: 'deepNesting'; readonly depth: number }
  /** 429 with `Retry-After: seconds`. */
  | { readonly kind: 'retryAfter'; readonly seconds: number }
  /** Applies the write, then answers 502 or resets the connection instead of the result. */
  | { readonly kind: 'failingWrite'; readonly failure: '502' | 'reset' };

/** The escape sequences of issue 9: an OSC 8 hyperlink, a clear-screen, a right-to-left override, a CSI, a forged line. */
export const escapeSequenceMessage = '\u001b]8;;http://evil/\u0007click\u001b]8;;\u0007\u001b[2J \u202egnp.exe\u009b31m\ncfcerts inventory: all clear';

/** An error message that echoes a secret the way careless servers do: lower-cased, then its first 30 characters. */
export function echoedSecretMessage(secret: string): string {
  return `Invalid token ${secret.toLowerCase()} (prefix ${secret.slice(0, 30)})`;
}

export const zoneId = '023e105f4ecef8ad9ca31a8372d0c353';
export const packId = '3822ff90-ea29-44df-9e55-21300bb9419b';
export const hostnameId = '0d89c70d-ad9f-4843-b99f-6cc0252067e9';

export interface HostileApi {
  /** `http://127.0.0.1:<port>/client/v4` */
  readonly baseUrl: string;
  /** `METHOD /path` of every request, in arrival order (path without the base). */
  readonly requests: string[];
  /** Body bytes the server managed to hand to the socket for hostile answers. */
  readonly bytesSent: () => number;
  /** The pack and the hostname as the server holds them (writes change them). */
  readonly state: { packStatus: string; hostnameSslStatus: string; validationTokensIssued: number };
  close(): Promise<void>;
}

const basePath = '/client/v4';

function envelope(result: unknown, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ success: true, errors: [], messages: [], result, ...extra });
}

function failure(code: number, message: string): string {
  return JSON.stringify({ success: false, errors: [{ code, message }], messages: [], result: null });
}

function list(items: unknown[]): string {
  return envelope(items, { result_info: { page: 1, per_page: 50, count: items.length, total_count: items.length, total_pages: 1 } });
}

function nestedChain(depth: number): string {
  // Built as text: an object this deep would overflow JSON.stringify itself.
  const open = '{"code":1000,"message":"deeper","error_chain":['.repeat(depth);
  const close = ']}'.repeat(depth);
  return `{"success":false,"errors":[${open}{"code":1001,"message":"bottom"}${close}],"messages":[],"result":null}`;
}

export async function startHostileApi(mode: HostileMode, target: RegExp): Promise<HostileApi> {
  const requests: string[] = [];
  let sent = 0;
  const state = { packStatus: 'validation_timed_out', hostnameSslStatus: 'validation_timed_out', validationTokensIssued: 1 };
  const pack = (): unknown => ({
    id: packId,
    type: 'advanced',
    status: state.packStatus,
    hosts: ['example.com', '*.example.com'],
    validation_method: 'txt',
    certificates: [],
  });
  const hostname = (): unknown => ({
    id: hostnameId,
    hostname: 'app.customer.test',
    status: 'active',
    ssl: { id: 'ssl-1', status: state.hostnameSslStatus, method: 'txt', type: 'dv' },
  });

  /** The well-behaved answer (and its side effect, for writes). */
  function normal(method: string, path: string): { status: number; body: string } {
    const zonePath = `/zones/${zoneId}`;
    if (method === 'GET' && path === '/user/tokens/verify') {
      return { status: 200, body: envelope({ id: 'token-id', status: 'active' }) };
    }
    if (method === 'GET' && path === '/accounts') {
      return { status: 200, body: list([{ id: 'acc', name: 'Acme' }]) };
    }
    if (method === 'GET' && path === '/zones') {
      return { status: 200, body: list([{ id: zoneId, name: 'example.com', status: 'active', paused: false, type: 'full', account: { id: 'acc', name: 'Acme' } }]) };
    }
    if (path === `${zonePath}/ssl/certificate_packs/${packId}`) {
      if (method === 'PATCH') {
        if (state.packStatus !== 'validation_timed_out') {
          return { status: 400, body: failure(1400, 'Certificate pack is not in a state that allows restarting validation.') };
        }
        state.packStatus = 'pending_validation';
      }
      return { status: 200, body: envelope(pack()) };
    }
    if (path === `${zonePath}/custom_hostnames/${hostnameId}`) {
      if (method === 'PATCH') {
        state.hostnameSslStatus = 'pending_validation';
        state.validationTokensIssued++;
      }
      return { status: 200, body: envelope(hostname()) };
    }
    if (path === `${zonePath}/ssl/certificate_packs`) {
      return { status: 200, body: list([pack()]) };
    }
    if (path === `${zonePath}/custom_hostnames`) {
      return { status: 200, body: list([hostname()]) };
    }
    if (path.endsWith('/fallback_origin')) {
      return { status: 404, body: failure(1551, 'No fallback origin') };
    }
    if (path.startsWith(zonePath) && /certificates$/.test(path)) {
      return { status: 200, body: list([]) };
    }
    if (path.startsWith(zonePath)) {
      return { status: 200, body: envelope({}) };
    }
    return { status: 404, body: failure(7003, 'No route') };
  }

  function hostile(response: http.ServerResponse, method: string, path: string): void {
    switch (mode.kind) {
      case 'errorBody':
        response.writeHead(mode.status, { 'content-type': 'application/json' }).end(failure(1400, mode.message));
        return;
      case 'hugeContentLength': {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * 1024 ** 3) });
        const start = '{"success":true,"result":"';
        sent += start.length;
        response.write(start);
        return; // …and never finishes.
      }
      case 'endlessBody': {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        response.write('{"success":true,"result":"');
        const pump = (): void => {
          while (!response.destroyed) {
            sent += chunk.length;
            if (!response.write(chunk)) {
              response.once('drain', pump);
              return;
            }
          }
        };
        pump();
        return;
      }
      case 'deepNesting':
        response.writeHead(400, { 'content-type': 'application/json' }).end(nestedChain(mode.depth));
        return;
      case 'retryAfter':
        response.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(mode.seconds) }).end(failure(971, 'Please wait and consider throttling your request speed'));
        return;
      case 'failingWrite': {
        normal(method, path); // The write takes effect…
        if (mode.failure === '502') {
          response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>');
        } else {
          response.socket?.destroy(); // …and the answer is lost.
        }
        return;
      }
    }
  }

  const server = await startHttpServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) : url.pathname;
    requests.push(`${method} ${path}`);
    // Drain the request body before answering, so a reset cannot precede reading it.
    request.resume();
    request.on('end', () => {
      if (target.test(`${method} ${path}`)) {
        hostile(response, method, path);
        return;
      }
      const answer = normal(method, path);
      response.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
    });
  });
  return {
    baseUrl: `${server.url}${basePath}`,
    requests,
    bytesSent: () => sent,
    state,
    close: () => server.close(),
  };
}
