import type { DnsReport } from './types';
import { lazy } from '../shared/lazy';
import { nodeDns } from '../shared/nodeModules';

export interface LookupAddress {
  readonly address: string;
  readonly family: 4 | 6;
}

/**
 * The DNS the probe needs, as an interface so tests never depend on the machine's
 * resolver. `resolve*` talk to DNS servers (what the world sees); `lookup` is the system
 * resolver (hosts file included), which is what picks the address to connect to.
 */
export interface DnsResolver {
  resolveCname(name: string): Promise<string[]>;
  resolve4(name: string): Promise<string[]>;
  resolve6(name: string): Promise<string[]>;
  lookup(name: string): Promise<LookupAddress[]>;
}

const MAX_CNAME_HOPS = 8;

/**
 * The system's DNS, with a short per-query timeout so a dead resolver cannot hold a probe.
 * node:dns and the resolver's channel (which reads the system's resolver configuration)
 * are made with the first question: a probe of an IP address that reports no DNS
 * (`cfcerts probe NAME --connect IP --no-sni-dns`) asks none and pays for neither.
 */
export function systemResolver(): DnsResolver {
  const resolver = lazy(() => new (nodeDns().promises.Resolver)({ timeout: 2000, tries: 2 }));
  return {
    resolveCname: (name) => resolver().resolveCname(name),
    resolve4: (name) => resolver().resolve4(name),
    resolve6: (name) => resolver().resolve6(name),
    lookup: async (name) => {
      const found = await nodeDns().promises.lookup(name, { all: true, verbatim: true });
      return found.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
    },
  };
}

function codeOf(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'EDNS';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

// "No such record" is an answer, not a failure: a name may have A records and no AAAA.
const EMPTY_ANSWERS = new Set(['ENODATA', 'ENOTFOUND']);

async function settle(query: Promise<string[]>): Promise<{ values: string[]; error?: unknown }> {
  try {
    return { values: await query };
  } catch (error) {
    return { values: [], error };
  }
}

async function cnameChain(resolver: DnsResolver, name: string): Promise<string[]> {
  const chain: string[] = [];
  let current = name;
  for (let hop = 0; hop < MAX_CNAME_HOPS; hop++) {
    const next = (await settle(resolver.resolveCname(current))).values[0];
    if (next === undefined || chain.includes(next)) {
      break;
    }
    chain.push(next);
    current = next;
  }
  return chain;
}

/** CNAME chain, A and AAAA of one name. Never rejects: a failure is reported in `error`. */
export async function reportDns(resolver: DnsResolver, name: string): Promise<DnsReport> {
  const started = performance.now();
  const [chain, a, aaaa] = await Promise.all([cnameChain(resolver, name), settle(resolver.resolve4(name)), settle(resolver.resolve6(name))]);
  let error: DnsReport['error'] = null;
  if (a.values.length === 0 && aaaa.values.length === 0) {
    const cause = [a.error, aaaa.error].find((candidate) => candidate !== undefined && !EMPTY_ANSWERS.has(codeOf(candidate))) ?? a.error ?? aaaa.error;
    error = cause === undefined ? { code: 'ENODATA', message: `${name} has no A or AAAA record` } : { code: codeOf(cause), message: messageOf(cause) };
  }
  return { name, cnameChain: chain, a: a.values, aaaa: aaaa.values, error, ms: performance.now() - started };
}

/** The addresses to connect to, in the system resolver's order, narrowed to one family if asked. */
export async function lookupAddresses(resolver: DnsResolver, name: string, family: 'any' | 4 | 6): Promise<LookupAddress[]> {
  const found = await resolver.lookup(name);
  return family === 'any' ? found : found.filter((entry) => entry.family === family);
}
