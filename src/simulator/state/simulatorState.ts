import type { ApiObject, Scenario, ScenarioAccount, ScenarioDns, ScenarioGlobalKey, ScenarioHttpAnswer, ScenarioIps, ScenarioToken, ScenarioZone, SimObject } from '../model';
import { resolveRelativeTimes } from '../scenario/time';
import { Collection } from './collection';
import { zoneObject } from './zoneObject';

/** A scenario without `ips`: one loopback range stands for Cloudflare's, so nothing real is ever reached. */
const defaultIps: ScenarioIps = { ipv4_cidrs: ['127.100.0.0/16'], ipv6_cidrs: [] };

export type SimObjectKind = 'zone' | 'pack' | 'customCertificate' | 'customHostname' | 'clientCertificate' | 'fallbackOrigin';
/** Custom hostnames carry two statuses: ownership (`status`) and certificate (`ssl.status`). */
export type StatusField = 'status' | 'ssl.status';

export interface ZoneState {
  readonly spec: ScenarioZone;
  /** The zone object as the API returns it; `api.status` is the live zone status. */
  readonly api: SimObject;
  readonly packs: Collection<SimObject>;
  readonly customCertificates: Collection<SimObject>;
  readonly customHostnames: Collection<SimObject>;
  readonly clientCertificates: Collection<SimObject>;
  /** Stored with `id` = the zone id; the API view leaves the id out. */
  fallbackOrigin?: SimObject;
}

export interface StatusChange {
  readonly zone: ZoneState;
  readonly kind: SimObjectKind;
  readonly object: SimObject;
  readonly field: StatusField;
  readonly from: string;
  readonly to: string;
}

export interface Located {
  readonly zone: ZoneState;
  readonly kind: SimObjectKind;
  readonly object: SimObject;
}

/** Reads a status field; `ssl.status` lives in the nested `ssl` object. */
export function statusOf(object: ApiObject, field: StatusField = 'status'): string {
  const holder = field === 'ssl.status' ? object['ssl'] : object;
  const value = typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)['status'] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The object as the API returns it: everything but the simulator's own `sim` key. */
export function apiView(object: SimObject): ApiObject {
  const { sim: _sim, ...view } = object;
  return view;
}

/**
 * The whole simulated account world, in memory and free of HTTP. Tests may read and
 * change it directly; status changes go through `setStatus` so the lifecycle engine hears.
 */
export class SimulatorState {
  readonly accounts: readonly ScenarioAccount[];
  readonly tokens: readonly ScenarioToken[];
  readonly zones: readonly ZoneState[];
  /** The DNS server's data and the HTTP server's answers; tests may change them between questions. */
  readonly dns: ScenarioDns;
  readonly http: ScenarioHttpAnswer[];
  /** `GET /ips`. */
  readonly ips: ScenarioIps;
  private readonly zonesById = new Map<string, ZoneState>();
  private readonly tokensByValue = new Map<string, ScenarioToken>();
  private readonly keysByEmail = new Map<string, ScenarioGlobalKey>();
  private readonly listeners: ((change: StatusChange) => void)[] = [];

  constructor(scenario: Scenario, readonly startMs: number) {
    const world = resolveRelativeTimes(structuredClone(scenario), startMs);
    this.accounts = world.accounts;
    this.tokens = world.tokens;
    this.dns = { records: world.dns?.records ?? [], faults: world.dns?.faults ?? [] };
    this.http = world.http ?? [];
    this.ips = world.ips ?? defaultIps;
    world.tokens.forEach((token) => this.tokensByValue.set(token.value, token));
    (world.globalKeys ?? []).forEach((key) => this.keysByEmail.set(key.email.toLowerCase(), key));
    const accountsById = new Map(world.accounts.map((account) => [account.id, account]));
    this.zones = world.zones.map((spec) => {
      const zone: ZoneState = {
        spec,
        api: { ...zoneObject(spec, accountsById.get(spec.accountId), startMs), ...(spec.sim === undefined ? {} : { sim: spec.sim }) },
        packs: new Collection(spec.certificatePacks),
        customCertificates: new Collection(spec.customCertificates),
        customHostnames: new Collection(spec.customHostnames),
        clientCertificates: new Collection(spec.clientCertificates),
        fallbackOrigin: spec.fallbackOrigin === undefined ? undefined : { ...spec.fallbackOrigin, id: spec.id },
      };
      this.zonesById.set(spec.id, zone);
      return zone;
    });
  }

  zone(id: string): ZoneState | undefined {
    return this.zonesById.get(id);
  }

  token(value: string): ScenarioToken | undefined {
    return this.tokensByValue.get(value);
  }

  globalKey(email: string): ScenarioGlobalKey | undefined {
    return this.keysByEmail.get(email.toLowerCase());
  }

  /** Finds any object by id across zones (tests, TLS edge); undefined when none. */
  find(id: string): Located | undefined {
    for (const zone of this.zones) {
      const found = this.locateIn(zone, id);
      if (found !== undefined) {
        return found;
      }
    }
    return undefined;
  }

  /** Every object with a status, for the lifecycle engine's first schedule. */
  *everything(): Generator<Located> {
    for (const zone of this.zones) {
      yield { zone, kind: 'zone', object: zone.api };
      for (const object of zone.packs.all()) yield { zone, kind: 'pack', object };
      for (const object of zone.customCertificates.all()) yield { zone, kind: 'customCertificate', object };
      for (const object of zone.customHostnames.all()) yield { zone, kind: 'customHostname', object };
      for (const object of zone.clientCertificates.all()) yield { zone, kind: 'clientCertificate', object };
      if (zone.fallbackOrigin !== undefined) yield { zone, kind: 'fallbackOrigin', object: zone.fallbackOrigin };
    }
  }

  /** Changes a status the way Cloudflare would report it, and tells the lifecycle engine. */
  setStatus(located: Located, status: string, field: StatusField = 'status'): void {
    const from = statusOf(located.object, field);
    if (field === 'ssl.status') {
      const ssl = located.object['ssl'];
      located.object['ssl'] = { ...(typeof ssl === 'object' && ssl !== null ? ssl : {}), status };
    } else {
      located.object['status'] = status;
    }
    const change: StatusChange = { ...located, field, from, to: status };
    this.listeners.forEach((listener) => listener(change));
  }

  onStatusChange(listener: (change: StatusChange) => void): void {
    this.listeners.push(listener);
  }

  private locateIn(zone: ZoneState, id: string): Located | undefined {
    if (zone.api.id === id) return { zone, kind: 'zone', object: zone.api };
    const pack = zone.packs.get(id);
    if (pack !== undefined) return { zone, kind: 'pack', object: pack };
    const custom = zone.customCertificates.get(id);
    if (custom !== undefined) return { zone, kind: 'customCertificate', object: custom };
    const hostname = zone.customHostnames.get(id);
    if (hostname !== undefined) return { zone, kind: 'customHostname', object: hostname };
    const client = zone.clientCertificates.get(id);
    if (client !== undefined) return { zone, kind: 'clientCertificate', object: client };
    return undefined;
  }
}
