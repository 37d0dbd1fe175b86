import type { Scenario, ScenarioZone, SimObject } from '../model';
import { seededRandom as random } from '../seededRandom';

export interface LargeAccountOptions {
  readonly zones: number;
  readonly packsPerZone: number;
  /** Spread over the SaaS zones (one in fifty zones, at least one). */
  readonly customHostnames: number;
  readonly seed: number;
}

const words = ['acme', 'globex', 'initech', 'umbrella', 'hooli', 'stark', 'wayne', 'tyrell', 'cyberdyne', 'soylent', 'vandelay', 'wonka', 'gringotts', 'oscorp', 'aperture', 'massive'];
const tlds = ['com', 'net', 'io', 'dev', 'app', 'co.uk'];

/** Status mixes: mostly settled, a realistic tail in progress or stuck. */
const packMix: readonly [string, number][] = [['active', 0.86], ['pending_validation', 0.06], ['pending_issuance', 0.02], ['validation_timed_out', 0.02], ['pending_deployment', 0.02], ['expired', 0.02]];
const hostnameMix: readonly [string, string, number][] = [['active', 'active', 0.88], ['pending', 'pending_validation', 0.07], ['moved', 'validation_timed_out', 0.02], ['active', 'pending_deployment', 0.02], ['blocked', 'initializing', 0.01]];

/**
 * A large, deterministic account for benchmarks: hundreds of zones, thousands of packs,
 * tens of thousands of custom hostnames. Builds plain objects only (no crypto, no I/O),
 * so 300 zones with 10,000 packs and hostnames take well under a second.
 */
export function generateLargeAccount(options: LargeAccountOptions): Scenario {
  const next = random(options.seed);
  const hex = (length: number): string => {
    let out = '';
    while (out.length < length) out += Math.floor(next() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  };
  const uuid = (): string => { const h = hex(32); return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`; };
  const pick = <T extends readonly unknown[]>(mix: readonly T[]): T => {
    let roll = next();
    for (const entry of mix) {
      roll -= entry[entry.length - 1] as number;
      if (roll < 0) return entry;
    }
    return mix[0] as T;
  };
  const accountId = hex(32);
  const saasEvery = 50;
  const saasZones = Math.max(1, Math.ceil(options.zones / saasEvery));
  const zones: ScenarioZone[] = [];
  for (let index = 0; index < options.zones; index++) {
    const name = `${words[index % words.length]}-${String(index).padStart(4, '0')}.${tlds[index % tlds.length]}`;
    const id = hex(32);
    const packs: SimObject[] = [];
    for (let p = 0; p < options.packsPerZone; p++) {
      const status = p === 0 ? 'active' : pick(packMix)[0];
      const hosts = p === 0 ? [name, `*.${name}`] : [name, `svc${p}.${name}`];
      const expires = `now+${5 + Math.floor(next() * 85)}d`;
      const certificates = ['active', 'expired', 'pending_deployment'].includes(status)
        ? ['ECDSAWithSHA256', 'SHA256WithRSA'].map((signature) => ({ id: uuid(), hosts, status: status === 'expired' ? 'expired' : 'active', issuer: p === 0 ? 'GoogleTrustServices' : 'LetsEncrypt', signature, bundle_method: 'ubiquitous', zone_id: id, priority: 0, uploaded_on: 'now-60d', modified_on: 'now-60d', expires_on: status === 'expired' ? 'now-3d' : expires }))
        : [];
      const validation = status === 'pending_validation' ? { validation_records: hosts.map((host) => ({ status: 'pending', txt_name: `_acme-challenge.${host.replace('*.', '')}`, txt_value: hex(43) })) } : {};
      packs.push({ id: uuid(), type: p === 0 ? 'universal' : 'advanced', status, hosts, validation_method: 'txt', validity_days: 90, certificate_authority: p === 0 ? 'google' : 'lets_encrypt', certificates, primary_certificate: certificates[0]?.id, ...validation, sim: { path: 'hold' } });
    }
    const saas = index % saasEvery === 0;
    const zone: ScenarioZone = { id, name, accountId, status: 'active', plan: saas ? 'Enterprise' : 'Business', sslMode: 'strict', universalSsl: true, saas, certificatePacks: packs };
    if (saas) {
      const share = Math.floor(options.customHostnames / saasZones) + (index / saasEvery < options.customHostnames % saasZones ? 1 : 0);
      const hostnames: SimObject[] = [];
      for (let h = 0; h < share; h++) {
        const [status, sslStatus] = pick(hostnameMix);
        const hostname = `t${h}-${hex(6)}.customers-${index}.example`;
        const records = sslStatus === 'pending_validation' ? { validation_records: [{ status: 'pending', txt_name: `_acme-challenge.${hostname}`, txt_value: hex(43) }], validation_errors: [] } : {};
        hostnames.push({ id: uuid(), hostname, status, created_at: 'now-30d', ssl: { id: uuid(), type: 'dv', method: 'txt', status: sslStatus, certificate_authority: 'google', bundle_method: 'ubiquitous', wildcard: false, ...records }, sim: { path: 'hold' } });
      }
      zone.customHostnames = hostnames;
      zone.fallbackOrigin = { origin: `fallback.${name}`, status: 'active', errors: [], created_at: 'now-300d', updated_at: 'now-30d' };
    }
    zones.push(zone);
  }
  const token = 'SIMULATOR-BENCH-TOKEN-not-a-real-cloudflare-token-0001';
  return {
    name: `large-account-${options.zones}z-${options.customHostnames}h-seed${options.seed}`,
    description: 'Generated for benchmarks: statuses hold still so every run sees the same account.',
    demoToken: token,
    tokens: [{ id: hex(32), value: token, status: 'active', permissions: ['Zone: Read', 'Zone Settings: Read', 'SSL and Certificates: Read', 'SSL and Certificates: Write', 'Account Settings: Read'] }],
    accounts: [{ id: accountId, name: 'Large Benchmark Account' }],
    zones,
  };
}
