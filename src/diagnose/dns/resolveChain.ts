import type { DnsClient, DnsRecord, QuestionType } from './dnsTypes';

/** CNAME hops followed before giving up: more than any sane setup, few enough to stay quick. */
export const maxCnameHops = 12;

/**
 * A name resolved for one type, CNAMEs followed:
 * - `found`: records of the type at the end of the chain;
 * - `nodata`: the name exists but has none of that type;
 * - `nxdomain`: the name (or the chain's end) does not exist;
 * - `loop`: the chain comes back on itself or is longer than `maxCnameHops`;
 * - `unknown`: a server timed out, failed or answered nonsense.
 */
export type Resolution =
  | { readonly status: 'found'; readonly chain: readonly string[]; readonly records: readonly DnsRecord[] }
  | { readonly status: 'nodata' | 'nxdomain' | 'loop'; readonly chain: readonly string[] }
  | { readonly status: 'unknown'; readonly chain: readonly string[]; readonly reason: string };

function same(a: string, b: string): boolean {
  return a.toLowerCase().replace(/\.$/, '') === b.toLowerCase().replace(/\.$/, '');
}

/**
 * Resolves `name` for `type`, following CNAMEs in the answer and, when an answer stops at
 * a CNAME (an authoritative server answers only its own zone), asking again at the target.
 * `chain` lists the CNAME targets in order, not the name itself. Asking for CNAME itself
 * does not follow: it returns the CNAME at the name, if any.
 */
export async function resolveChain(client: DnsClient, name: string, type: QuestionType): Promise<Resolution> {
  const chain: string[] = [];
  const seen = new Set<string>([name.toLowerCase()]);
  let current = name.toLowerCase();
  for (let asked = 0; asked <= maxCnameHops; asked++) {
    const response = await client.ask(current, type);
    if (response.kind === 'failure') return { status: 'unknown', chain, reason: response.message };
    // Walk the CNAMEs the answer holds, starting at the name asked.
    for (;;) {
      const hop = type === 'CNAME' ? undefined : response.records.find((record) => record.type === 'CNAME' && same(record.name, current));
      if (hop === undefined || hop.type !== 'CNAME') break;
      if (seen.has(hop.data) || chain.length >= maxCnameHops) return { status: 'loop', chain: [...chain, hop.data] };
      seen.add(hop.data);
      chain.push(hop.data);
      current = hop.data;
    }
    const records = response.records.filter((record) => record.type === type && same(record.name, current));
    if (records.length > 0) return { status: 'found', chain, records };
    if (response.kind === 'nxdomain') return { status: 'nxdomain', chain };
    const followedHere = response.records.some((record) => record.type === 'CNAME' && same(record.data, current));
    // The answer ended at a CNAME target it holds nothing for: ask there. Otherwise the name has no such record.
    if (!followedHere) return { status: 'nodata', chain };
  }
  return { status: 'loop', chain };
}
