import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../../shared/logger';
import type { LifecycleEngine } from '../lifecycle/lifecycleEngine';
import type { SimulatorState } from '../state/simulatorState';
import { canReachZone, checkPermission, identify, isIdentity, type Identity } from './auth';
import { cfErrors } from './cfErrors';
import type { ApiResponse } from './envelope';
import type { FaultInjector, FaultOutcome } from './faults';
import type { RateLimiter } from './rateLimiter';
import type { RequestContext } from './route';
import type { Router, RouteMatch } from './router';

export const apiPrefix = '/client/v4';

export interface ApiServerOptions {
  readonly state: SimulatorState;
  readonly router: Router;
  readonly lifecycle?: LifecycleEngine;
  readonly faults: FaultInjector;
  readonly rateLimiter?: RateLimiter;
  /** Real milliseconds added to every response; requests wait in parallel, never in line. */
  readonly latencyMs: number;
  /** Simulator time for the lifecycle and token expiry. */
  readonly now: () => number;
  readonly logger: Logger;
}

export interface ApiStats {
  requests: number;
  /** Answers 429 from the rate limiter (not injected faults): what a paced client must keep at 0. */
  rateLimited: number;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The rate limit counts per credential, like Cloudflare's per-token budget. */
function callerKey(headers: IncomingHttpHeaders): string {
  const authorization = headers.authorization;
  return authorization ?? `key:${String(headers['x-auth-email'])}`;
}

const edgeReasons: Readonly<Record<number, string>> = { 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

function edgeErrorPage(status: number): ApiResponse {
  // 502–504 come from Cloudflare's edge as HTML, not as the API envelope.
  return { status, body: `<html><head><title>${status} ${edgeReasons[status] ?? 'Error'}</title></head><body><center><h1>${status}</h1></center><hr><center>cloudflare</center></body></html>` };
}

export function createApiServer(options: ApiServerOptions, stats: ApiStats): Server {
  let ray = 0x7a3c0000;

  function dispatch(match: RouteMatch, context: Omit<RequestContext, 'params' | 'identity' | 'zone'>): ApiResponse {
    const { route, params } = match;
    let identity: Identity | undefined;
    if (route.access !== 'self') {
      const found = identify(context.headers, options.state);
      if (!isIdentity(found)) return found;
      const denied = checkPermission(found, route.access, options.now());
      if (denied !== undefined) return denied;
      identity = found;
    }
    const zoneId = params['zone_id'];
    const zone = zoneId === undefined ? undefined : options.state.zone(zoneId);
    if (zoneId !== undefined && zone === undefined) return cfErrors.notFound(context.path);
    if (zone !== undefined && identity !== undefined && !canReachZone(identity, zone)) return cfErrors.forbidden();
    return route.handle({ ...context, params, identity, zone });
  }

  function respond(request: IncomingMessage, text: string, method: string): ApiResponse {
    const url = new URL(request.url ?? '/', 'http://simulator.invalid');
    if (!url.pathname.startsWith(apiPrefix)) return cfErrors.noRoute();
    const path = url.pathname.slice(apiPrefix.length) || '/';
    const match = options.router.match(method, path);
    if (match === undefined || !('route' in match)) return cfErrors.noRoute();
    let body: unknown;
    if (text.trim().length > 0) {
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        return cfErrors.malformedBody();
      }
    }
    return dispatch(match, { method, path, query: url.searchParams, body, headers: request.headers, state: options.state, lifecycle: options.lifecycle, now: options.now });
  }

  function familyOf(request: IncomingMessage, method: string): string {
    const path = (request.url ?? '/').split('?')[0]?.slice(apiPrefix.length) ?? '/';
    const match = options.router.match(method, path);
    return match === undefined ? 'unknown' : 'route' in match ? match.route.family : match.family;
  }

  async function send(response: ServerResponse, answer: ApiResponse, fault: FaultOutcome, extra: Readonly<Record<string, string>>): Promise<void> {
    const html = typeof answer.body === 'string';
    let payload = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    if (fault.malformed) payload = payload.slice(0, Math.max(1, Math.floor(payload.length / 2)));
    const bytes = Buffer.from(payload, 'utf8');
    response.writeHead(answer.status, {
      'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8',
      'content-length': String(bytes.length),
      'cf-ray': `${(ray++).toString(16)}-SIM`,
      ...extra,
      ...answer.headers,
    });
    if (fault.slowMs === undefined) {
      response.end(bytes);
      return;
    }
    const pieces = 10;
    const size = Math.ceil(bytes.length / pieces);
    for (let offset = 0; offset < bytes.length && !response.destroyed; offset += size) {
      response.write(bytes.subarray(offset, offset + size));
      await sleep(fault.slowMs / pieces);
    }
    response.end();
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    stats.requests++;
    const method = request.method ?? 'GET';
    const text = await readBody(request);
    const fault = options.faults.pick(familyOf(request, method));
    const delay = options.latencyMs + fault.latencyMs;
    if (delay > 0) await sleep(delay);
    if (fault.drop) {
      request.socket.destroy();
      return;
    }
    options.lifecycle?.tick();
    let extra: Readonly<Record<string, string>> = {};
    let answer: ApiResponse | undefined;
    if (options.rateLimiter !== undefined) {
      const decision = options.rateLimiter.take(callerKey(request.headers));
      extra = decision.headers;
      if (!decision.allowed) {
        stats.rateLimited++;
        answer = cfErrors.rateLimited(decision.resetSeconds, extra);
      }
    }
    if (answer === undefined && fault.status !== undefined) {
      if (fault.status === 429) answer = cfErrors.rateLimited(fault.retryAfterSeconds ?? 1);
      else if (fault.status >= 502 && fault.status <= 504) answer = edgeErrorPage(fault.status);
      else answer = cfErrors.serverError(fault.status);
    }
    answer ??= respond(request, text, method);
    options.logger.debug(`simulator ${method} ${(request.url ?? '').split('?')[0] ?? ''} → ${answer.status}`);
    await send(response, answer, fault, extra);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.logger.error(error instanceof Error ? error : String(error));
      if (!response.headersSent) {
        response.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(cfErrors.serverError(500).body));
      } else {
        response.destroy();
      }
    });
  });
  server.keepAliveTimeout = 60_000;
  return server;
}
