import type { RunningSimulator } from '../../../src/simulator';
import type { ScenarioDnsFault, ScenarioDnsRecord, ScenarioHttpAnswer } from '../../../src/simulator/model';
import { createCheckContext, diagnoseSubject, hostnameSubject, packSubject, parseConnectRule, type Diagnosis, type Subject, type ZoneFacts } from '../../../src/diagnose';
import type { CustomHostname } from '../../../src/cloudflare';
import { dcvUuid, fallbackOrigin, hostnameObject, packObject, partialZone, partialZoneId, saasZone, saasZoneId, type HostnameSpec, type PackSpec } from './diagnoseScenario';

export const saasFacts: ZoneFacts = { id: saasZoneId, name: saasZone, type: 'full', fallbackOrigin, cnameTargets: [] };
export const partialFacts: ZoneFacts = { id: partialZoneId, name: partialZone, type: 'partial', fallbackOrigin: null, cnameTargets: [] };

export function hostname(spec: HostnameSpec, zone: ZoneFacts = saasFacts): Subject {
  return hostnameSubject(hostnameObject(spec) as unknown as CustomHostname, zone);
}

export function pack(spec: PackSpec, zone: ZoneFacts = partialFacts): Subject {
  return packSubject(packObject(spec), zone);
}

/** The world one table row sets up in the simulator's DNS and HTTP servers. */
export interface World {
  readonly records?: readonly ScenarioDnsRecord[];
  readonly faults?: readonly ScenarioDnsFault[];
  readonly http?: readonly ScenarioHttpAnswer[];
}

export function setWorld(sim: RunningSimulator, world: World): void {
  sim.state.dns.records.splice(0, Infinity, ...(world.records ?? []));
  (sim.state.dns.faults ??= []).splice(0, Infinity, ...(world.faults ?? []));
  sim.state.http.splice(0, Infinity, ...(world.http ?? []));
}

/** Diagnoses one subject against the simulator's DNS (and HTTP, for names under web.test). */
export async function diagnoseIn(sim: RunningSimulator, subject: Subject, options: { timeoutMs?: number; uuidFails?: boolean; ipsFail?: boolean } = {}): Promise<Diagnosis> {
  const context = createCheckContext({
    servers: [{ address: '127.0.0.1', port: sim.dns?.port ?? 0 }],
    timeoutMs: options.timeoutMs ?? 3000,
    concurrency: 4,
    rules: [parseConnectRule(`*.web.test:80=127.0.0.1:${sim.validationHttp?.port ?? 0}`)],
    api: {
      cloudflareIps: () => (options.ipsFail === true ? Promise.reject(new Error('API down')) : Promise.resolve({ ipv4: sim.state.ips.ipv4_cidrs, ipv6: sim.state.ips.ipv6_cidrs })),
      dcvDelegationUuid: () => (options.uuidFails === true ? Promise.reject(new Error('API down')) : Promise.resolve(dcvUuid)),
    },
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
  return diagnoseSubject(subject, context);
}

export function codesOf(diagnosis: Diagnosis, check?: string): string[] {
  return diagnosis.findings.filter((finding) => check === undefined || finding.check === check).map((finding) => finding.code).sort();
}
