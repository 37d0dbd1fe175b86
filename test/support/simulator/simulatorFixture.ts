/**
 * The one way tests talk to the simulator: raw API calls (`call`, with the ids of demo
 * objects looked up by name) and real clients of it (`simulatorClient`), with the demo
 * scenario's credentials.
 */
import { CloudflareClient, type ClientOptions, type Credentials } from '../../../src/cloudflare';
import type { RunningSimulator } from '../../../src/simulator';

export { acmeAccountId, demoGlobalKey, demoTokens } from './demoTokens';
/** The demo scenario's acme.com zone. */
export const acmeZoneId = '7e05f48470fd987decb1f6604b86760e';

/** A client of the simulator over loopback; pacing off unless a test turns it on. */
export function simulatorClient(sim: RunningSimulator, credentials: Credentials | string, options: Partial<ClientOptions> = {}): CloudflareClient {
  return new CloudflareClient({
    baseUrl: sim.apiBaseUrl,
    credentials: typeof credentials === 'string' ? { kind: 'token', token: credentials } : credentials,
    rateBudget: false,
    ...options,
  });
}

export interface SimResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}

/** One API call against the simulator; the demo token unless `token` or `headers` say otherwise. */
export async function call(
  sim: RunningSimulator,
  path: string,
  options: { method?: string; token?: string | null; headers?: Record<string, string>; body?: unknown } = {},
): Promise<SimResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? sim.demoToken : options.token;
  if (token !== null && options.headers === undefined) headers['authorization'] = `Bearer ${token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${sim.apiBaseUrl}${path}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Record<string, unknown> };
}

export function resultArray(response: SimResponse): Record<string, unknown>[] {
  return response.body['result'] as Record<string, unknown>[];
}

export function result(response: SimResponse): Record<string, unknown> {
  return response.body['result'] as Record<string, unknown>;
}

export function firstError(response: SimResponse): { code: number; message: string; error_chain?: { code: number; message: string }[] } {
  const errors = response.body['errors'] as { code: number; message: string }[];
  const first = errors[0];
  if (first === undefined) throw new Error(`no error in ${JSON.stringify(response.body)}`);
  return first;
}

/** A zone of the demo scenario, by name. */
export function zoneId(sim: RunningSimulator, name: string): string {
  const zone = sim.state.zones.find((candidate) => candidate.spec.name === name);
  if (zone === undefined) throw new Error(`no zone ${name}`);
  return zone.spec.id;
}

/** A pack of a demo zone, by one of its hosts' first label (e.g. "shop" for shop.acme.com). */
export function packId(sim: RunningSimulator, zoneName: string, host: string): string {
  const zone = sim.state.zones.find((candidate) => candidate.spec.name === zoneName);
  const pack = zone?.packs.all().find((candidate) => (candidate['hosts'] as string[]).includes(host));
  if (pack === undefined) throw new Error(`no pack for ${host}`);
  return pack.id;
}

export function hostnameId(sim: RunningSimulator, hostname: string): string {
  for (const zone of sim.state.zones) {
    const found = zone.customHostnames.all().find((candidate) => candidate['hostname'] === hostname);
    if (found !== undefined) return found.id;
  }
  throw new Error(`no custom hostname ${hostname}`);
}
