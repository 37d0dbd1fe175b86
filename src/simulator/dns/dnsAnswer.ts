import type * as dnsPacket from 'dns-packet';
import type { ScenarioDns, ScenarioDnsRecord } from '../model';

/** What the authoritative server says to one question: an rcode and answer records, or a fault. */
export type DnsReply =
  | { readonly kind: 'answer'; readonly rcode: 0 | 2 | 3 | 5; readonly answers: dnsPacket.Answer[] }
  | { readonly kind: 'timeout' | 'garbage' };

/** CNAMEs the server chases inside its own data, like a real authoritative server does within its zone. */
const maxChase = 8;

const canonical = (name: string): string => name.toLowerCase().replace(/\.$/, '');

function toAnswer(record: ScenarioDnsRecord, ttl = 60): dnsPacket.Answer {
  switch (record.type) {
    case 'TXT':
      return { name: record.name, type: 'TXT', ttl: record.ttl ?? ttl, data: record.value };
    case 'CAA':
      return { name: record.name, type: 'CAA', ttl: record.ttl ?? ttl, data: { flags: record.value.flags ?? 0, tag: record.value.tag as 'issue', value: record.value.value } };
    default:
      return { name: record.name, type: record.type, ttl: record.ttl ?? ttl, data: record.value };
  }
}

/** The records by owner name, and every name that exists (owners and their ancestors: empty non-terminals). */
interface RecordIndex {
  readonly source: readonly ScenarioDnsRecord[];
  readonly copy: readonly ScenarioDnsRecord[];
  readonly byName: ReadonlyMap<string, ScenarioDnsRecord[]>;
  readonly existing: ReadonlySet<string>;
}

let cached: RecordIndex | undefined;

/** Indexed once per set of records; rebuilt when a test changes them (same array, other elements). */
function indexOf(records: readonly ScenarioDnsRecord[]): RecordIndex {
  if (cached !== undefined && cached.source === records && cached.copy.length === records.length && cached.copy.every((record, index) => record === records[index])) return cached;
  const byName = new Map<string, ScenarioDnsRecord[]>();
  const existing = new Set<string>();
  for (const record of records) {
    const owner = canonical(record.name);
    const list = byName.get(owner);
    if (list === undefined) byName.set(owner, [record]);
    else list.push(record);
    const labels = owner.split('.');
    labels.forEach((_, index) => existing.add(labels.slice(index).join('.')));
  }
  cached = { source: records, copy: [...records], byName, existing };
  return cached;
}

/**
 * The authoritative answer for one question, from the scenario's records: the records of
 * that type at the name; else the CNAME at the name, chased through the data; NXDOMAIN
 * when nothing exists at or below the (last) name. Pure, so tests read it directly.
 */
export function answerQuestion(data: ScenarioDns, name: string, type: string): DnsReply {
  const asked = canonical(name);
  const fault = data.faults?.find((candidate) => canonical(candidate.name) === asked);
  if (fault !== undefined) {
    if (fault.fault === 'timeout' || fault.fault === 'garbage') return { kind: fault.fault };
    return { kind: 'answer', rcode: fault.fault === 'servfail' ? 2 : 5, answers: [] };
  }
  const index = indexOf(data.records);
  const at = (owner: string): readonly ScenarioDnsRecord[] => index.byName.get(owner) ?? [];
  const exists = (owner: string): boolean => index.existing.has(owner);
  const answers: dnsPacket.Answer[] = [];
  const seen = new Set<string>();
  let current = asked;
  for (let hop = 0; hop <= maxChase; hop++) {
    const here = at(current);
    const matching = here.filter((record) => record.type === type);
    if (matching.length > 0) return { kind: 'answer', rcode: 0, answers: [...answers, ...matching.map((record) => toAnswer(record))] };
    const cname = type === 'CNAME' ? undefined : here.find((record) => record.type === 'CNAME');
    if (cname === undefined) return { kind: 'answer', rcode: exists(current) ? 0 : 3, answers };
    answers.push(toAnswer(cname));
    seen.add(current);
    current = canonical(cname.value as string);
    // A loop is answered as far as it goes; the resolver notices it.
    if (seen.has(current)) return { kind: 'answer', rcode: 0, answers };
  }
  return { kind: 'answer', rcode: 0, answers };
}
