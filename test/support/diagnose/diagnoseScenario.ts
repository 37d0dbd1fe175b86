/**
 * Small scenarios for diagnosis tests: one SaaS zone (`tenantly.test`, fallback origin
 * `fallback.tenantly.test`), one partial zone (`partial.test`), and whatever DNS records,
 * DNS faults and HTTP answers a test needs. Every address is loopback (the scenario
 * loader refuses anything else); `127.100.0.0/16` stands for Cloudflare's ranges.
 */
import { loadScenario, type Scenario, type SimObject } from '../../../src/simulator';
import type { ScenarioDnsFault, ScenarioDnsRecord, ScenarioHttpAnswer } from '../../../src/simulator/model';

export const diagnoseToken = 'SIMULATOR-DIAGNOSE-TOKEN-not-a-real-token-000000001';
export const saasZoneId = 'd1a9000000000000000000000000000a';
export const partialZoneId = 'd1a9000000000000000000000000000b';
export const saasZone = 'tenantly.test';
export const fallbackOrigin = 'fallback.tenantly.test';
export const partialZone = 'partial.test';
/** An address inside the scenario's "Cloudflare" range, and one outside it. */
export const cloudflareAddress = '127.100.0.7';
export const originAddress = '127.0.0.42';
export const dcvUuid = 'abc123def456ghi7';

let counter = 0;
function uuid(): string {
  counter++;
  return `00000000-0000-4000-8000-${counter.toString(16).padStart(12, '0')}`;
}

export interface HostnameSpec {
  readonly hostname: string;
  readonly status?: string;
  readonly sslStatus?: string;
  readonly method?: 'txt' | 'http';
  readonly ca?: string;
  readonly txt?: { readonly name: string; readonly value: string };
  readonly http?: { readonly url: string; readonly body: string };
  readonly ownership?: { readonly name: string; readonly value: string };
  readonly ownershipHttp?: { readonly url: string; readonly body: string };
  readonly dcv?: { readonly cname: string; readonly target: string };
}

export function hostnameObject(spec: HostnameSpec): SimObject {
  const records = [
    ...(spec.txt === undefined ? [] : [{ txt_name: spec.txt.name, txt_value: spec.txt.value, status: 'pending' }]),
    ...(spec.http === undefined ? [] : [{ http_url: spec.http.url, http_body: spec.http.body, status: 'pending' }]),
  ];
  return {
    id: uuid(),
    hostname: spec.hostname,
    status: spec.status ?? 'pending',
    created_at: 'now-1d',
    ssl: {
      id: uuid(),
      type: 'dv',
      method: spec.method ?? 'txt',
      status: spec.sslStatus ?? 'pending_validation',
      certificate_authority: spec.ca ?? 'lets_encrypt',
      validation_records: records,
      ...(spec.dcv === undefined ? {} : { dcv_delegation_records: [{ cname: spec.dcv.cname, cname_target: spec.dcv.target }] }),
    },
    ...(spec.ownership === undefined ? {} : { ownership_verification: { type: 'txt', name: spec.ownership.name, value: spec.ownership.value } }),
    ...(spec.ownershipHttp === undefined ? {} : { ownership_verification_http: { http_url: spec.ownershipHttp.url, http_body: spec.ownershipHttp.body } }),
    sim: { path: 'hold' },
  };
}

export interface PackSpec {
  readonly hosts: readonly string[];
  readonly status?: string;
  readonly ca?: string;
  readonly method?: 'txt' | 'http';
  readonly type?: string;
  readonly txt?: readonly { readonly name: string; readonly value: string }[];
}

export function packObject(spec: PackSpec): SimObject {
  return {
    id: uuid(),
    type: spec.type ?? 'advanced',
    status: spec.status ?? 'pending_validation',
    hosts: [...spec.hosts],
    certificate_authority: spec.ca ?? 'lets_encrypt',
    validation_method: spec.method ?? 'txt',
    validity_days: 90,
    validation_records: (spec.txt ?? []).map((record) => ({ txt_name: record.name, txt_value: record.value, status: 'pending' })),
    certificates: [],
    sim: { path: 'hold' },
  };
}

export interface DiagnoseScenarioOptions {
  readonly hostnames?: readonly SimObject[];
  readonly saasPacks?: readonly SimObject[];
  readonly partialPacks?: readonly SimObject[];
  readonly records?: readonly ScenarioDnsRecord[];
  readonly faults?: readonly ScenarioDnsFault[];
  readonly http?: readonly ScenarioHttpAnswer[];
}

export function diagnoseScenario(options: DiagnoseScenarioOptions = {}): Scenario {
  return loadScenario({
    name: 'diagnose-test',
    demoToken: diagnoseToken,
    tokens: [{ id: 'd1a9000000000000000000000000001f', value: diagnoseToken, status: 'active', permissions: ['Zone: Read', 'SSL and Certificates: Read'] }],
    accounts: [{ id: 'd1a90000000000000000000000000acc', name: 'Diagnose Test' }],
    zones: [
      {
        id: saasZoneId, name: saasZone, accountId: 'd1a90000000000000000000000000acc', status: 'active', type: 'full', saas: true,
        dcvDelegationUuid: dcvUuid,
        fallbackOrigin: { origin: fallbackOrigin, status: 'active' },
        customHostnames: [...(options.hostnames ?? [])],
        certificatePacks: [...(options.saasPacks ?? [])],
      },
      {
        id: partialZoneId, name: partialZone, accountId: 'd1a90000000000000000000000000acc', status: 'active', type: 'partial',
        dcvDelegationUuid: dcvUuid,
        certificatePacks: [...(options.partialPacks ?? [])],
      },
    ],
    dns: { records: [...(options.records ?? [])], faults: [...(options.faults ?? [])] },
    http: [...(options.http ?? [])],
    ips: { ipv4_cidrs: ['127.100.0.0/16'], ipv6_cidrs: [] },
  });
}
