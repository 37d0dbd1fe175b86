import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { systemClock, type Clock } from '../shared/clock';
import { silentLogger, type Logger } from '../shared/logger';
import { apiPrefix, createApiServer, type ApiStats } from './http/apiServer';
import { FaultInjector, type FaultSpec } from './http/faults';
import { RateLimiter } from './http/rateLimiter';
import { Router } from './http/router';
import { applyEntryEffects } from './lifecycle/effects';
import { LifecycleEngine } from './lifecycle/lifecycleEngine';
import type { Scenario } from './model';
import { routeTable } from './routes/routeTable';
import { loadScenario } from './scenario/loadScenario';
import demo from './scenarios/demo.json';
import { SimulatorState } from './state/simulatorState';
import { startTlsEdge, type TlsEdge } from './tls/tlsEdge';
import { startDnsServer, type DnsServer } from './dns/dnsServer';
import { createValidationServer } from './http/validationServer';

export interface StartSimulatorOptions {
  /** Default: the demo scenario. */
  readonly scenario?: Scenario;
  /** 0 (default) = an ephemeral port. */
  readonly port?: number;
  readonly host?: '127.0.0.1';
  /** A port for the TLS edge (0 = ephemeral); omitted or false = no TLS edge. */
  readonly tlsPort?: number | false;
  /** Where the TLS edge writes its root CA; default a file in a new temp folder. */
  readonly caFile?: string;
  /** Real milliseconds added to every API response. */
  readonly latencyMs?: number;
  readonly faults?: readonly FaultSpec[];
  /** Cloudflare's 1,200 requests / 5 minutes per token; off by default. */
  readonly rateLimit?: boolean | { readonly limit: number; readonly windowMs: number };
  /** Shared with a client's rate budget in tests; default the system clock. */
  readonly clock?: Clock;
  /** `speed` multiplies lifecycle time (60 = a minute's stage per second); false = statuses never move. */
  readonly lifecycle?: { readonly speed?: number } | false;
  readonly logger?: Logger;
  /**
   * The authoritative DNS server (UDP and TCP) for the scenario's `dns` records. Started
   * when the scenario has `dns` or this is given; `false` = never. `latencyMs` delays
   * every answer (questions wait in parallel).
   */
  readonly dns?: { readonly port?: number; readonly latencyMs?: number } | false;
  /** The plain-HTTP validation server for the scenario's `http` answers; same rule as `dns`. */
  readonly validationHttp?: { readonly port?: number } | false;
}

export interface RunningSimulator {
  /** e.g. http://127.0.0.1:PORT/client/v4 */
  readonly apiBaseUrl: string;
  readonly tls?: { readonly host: string; readonly port: number; readonly caFile: string; readonly caPem: string };
  /** The DNS server, when started; `questions` counts what it answered. */
  readonly dns?: { readonly host: string; readonly port: number; readonly questions: number };
  readonly validationHttp?: { readonly host: string; readonly port: number };
  /** The scenario's demo token (fake, never a real credential). */
  readonly demoToken: string;
  readonly state: SimulatorState;
  /** Requests served so far, for benchmarks. */
  readonly requests: number;
  /** Of those, answered 429 by the rate limiter. */
  readonly rateLimited: number;
  /** Moves simulator time forward: the lifecycle and the rate-limit window. */
  advance(ms: number): void;
  close(): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Starts the simulated Cloudflare API (and, if asked, the TLS edge) on 127.0.0.1. */
export async function startSimulator(options: StartSimulatorOptions = {}): Promise<RunningSimulator> {
  const scenario = options.scenario ?? loadScenario(demo);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const host = options.host ?? '127.0.0.1';
  let offsetMs = 0;
  const startMs = clock.now();
  const simulatorNow = (): number => clock.now() + offsetMs;
  const speed = options.lifecycle === false ? 1 : (options.lifecycle?.speed ?? 1);
  const lifecycleNow = (): number => startMs + (simulatorNow() - startMs) * speed;

  const state = new SimulatorState(scenario, startMs);
  state.onStatusChange((change) => applyEntryEffects(state, change, lifecycleNow()));
  const lifecycle = options.lifecycle === false ? undefined : new LifecycleEngine(state, lifecycleNow);
  const rateLimit = options.rateLimit === true ? { limit: 1200, windowMs: 300_000 } : options.rateLimit === false ? undefined : options.rateLimit;
  const stats: ApiStats = { requests: 0, rateLimited: 0 };
  const server = createApiServer({
    state,
    router: new Router(routeTable),
    lifecycle,
    faults: new FaultInjector(options.faults ?? []),
    rateLimiter: rateLimit === undefined ? undefined : new RateLimiter(rateLimit, simulatorNow),
    latencyMs: options.latencyMs ?? 0,
    now: lifecycleNow,
    logger,
  }, stats);
  const port = await listen(server, options.port ?? 0, host);
  let edge: TlsEdge | undefined;
  if (options.tlsPort !== undefined && options.tlsPort !== false) {
    try {
      edge = await startTlsEdge({ state, host, port: options.tlsPort, caFile: options.caFile, now: lifecycleNow, logger });
    } catch (error) {
      await closeServer(server);
      throw error;
    }
  }
  const wantDns = options.dns !== false && (options.dns !== undefined || scenario.dns !== undefined);
  const wantHttp = options.validationHttp !== false && (options.validationHttp !== undefined || scenario.http !== undefined);
  let dns: DnsServer | undefined;
  let validation: Server | undefined;
  let validationPort = 0;
  try {
    if (wantDns) {
      const dnsOptions = options.dns;
      dns = await startDnsServer({ data: () => state.dns, host, port: dnsOptions?.port ?? 0, latencyMs: dnsOptions?.latencyMs ?? 0, logger });
    }
    if (wantHttp) {
      validation = createValidationServer(() => state.http);
      validationPort = await listen(validation, options.validationHttp?.port ?? 0, host);
    }
  } catch (error) {
    await Promise.all([closeServer(server), edge?.close(), dns?.close(), validation === undefined ? undefined : closeServer(validation)]);
    throw error;
  }
  const demoToken = scenario.demoToken ?? scenario.tokens.find((token) => token.status === 'active')?.value ?? '';
  logger.info(`Cloudflare simulator listening on http://${host}:${port}${apiPrefix} (scenario ${scenario.name})`);
  return {
    apiBaseUrl: `http://${host}:${port}${apiPrefix}`,
    tls: edge === undefined ? undefined : { host, port: edge.port, caFile: edge.caFile, caPem: edge.caPem },
    dns,
    validationHttp: validation === undefined ? undefined : { host, port: validationPort },
    demoToken,
    state,
    get requests() {
      return stats.requests;
    },
    get rateLimited() {
      return stats.rateLimited;
    },
    advance(ms: number) {
      offsetMs += ms;
      lifecycle?.tick();
    },
    async close() {
      await Promise.all([closeServer(server), edge?.close(), dns?.close(), validation === undefined ? undefined : closeServer(validation)]);
    },
  };
}
