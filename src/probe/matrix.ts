import { isIP } from 'node:net';
import { lookupAddresses, reportDns, systemResolver } from './dnsLookup';
import { probe, type ProbeOptions } from './probe';
import { probeMany } from './probeMany';
import { resolveProbeTarget } from './probeTarget';
import type { ProbeResult, Verdict } from './types';
import { VERDICT_ORDER, worstVerdict } from './verdictOrder';

export type MatrixOptions = Omit<ProbeOptions, 'address' | 'keyType' | 'sni'> & { readonly concurrency?: number };

export interface MatrixCell {
  readonly address: string;
  readonly keyType: 'rsa' | 'ecdsa';
  readonly sni: boolean;
  readonly result: ProbeResult;
  /** Fields in which this cell departs from the most common value among comparable cells. */
  readonly differs: readonly string[];
}

export interface MatrixDifference {
  readonly field: string;
  readonly values: readonly { readonly value: string; readonly cells: readonly number[] }[];
}

export interface MatrixResult {
  readonly servername: string;
  readonly addresses: readonly string[];
  readonly cells: readonly MatrixCell[];
  readonly differences: readonly MatrixDifference[];
  /** The worst verdict among the cells that send SNI (real clients do); a single probe's when there is no address. */
  readonly verdict: Verdict;
  /** Set when no address was found: then the one probe that says why. */
  readonly failure: ProbeResult | null;
}

export { VERDICT_ORDER, worstVerdict };

interface Field {
  readonly name: string;
  /** Cells with another key-type offer are expected to get another certificate, so they are not compared. */
  readonly perKeyType: boolean;
  readonly value: (result: ProbeResult) => string;
}

const FIELDS: readonly Field[] = [
  { name: 'certificate', perKeyType: true, value: (result) => result.chain[0]?.fingerprint256 ?? '(none)' },
  { name: 'verdict', perKeyType: false, value: (result) => result.verdict },
  { name: 'trust', perKeyType: false, value: (result) => (result.trust === null ? '(no handshake)' : (result.trust.error ?? 'trusted')) },
  { name: 'hostnameMatch', perKeyType: false, value: (result) => String(result.hostnameMatch) },
  { name: 'protocol', perKeyType: false, value: (result) => result.tls?.protocol ?? '(none)' },
  { name: 'error', perKeyType: false, value: (result) => result.error?.code ?? 'none' },
];

function compare(cells: readonly Omit<MatrixCell, 'differs'>[]): { differences: MatrixDifference[]; differs: string[][] } {
  const differs = cells.map((): string[] => []);
  const differences: MatrixDifference[] = [];
  for (const field of FIELDS) {
    const groups = new Map<string, number[]>();
    cells.forEach((cell, index) => {
      const key = field.perKeyType ? cell.keyType : '';
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    const values = new Map<string, number[]>();
    for (const members of groups.values()) {
      const counts = new Map<string, number[]>();
      for (const index of members) {
        const value = field.value((cells[index] as MatrixCell).result);
        counts.set(value, [...(counts.get(value) ?? []), index]);
        values.set(value, [...(values.get(value) ?? []), index]);
      }
      if (counts.size > 1) {
        const common = [...counts.values()].sort((left, right) => right.length - left.length)[0] ?? [];
        members.filter((index) => !common.includes(index)).forEach((index) => differs[index]?.push(field.name));
      }
    }
    if (differs.some((names) => names.includes(field.name))) {
      differences.push({ field: field.name, values: [...values].map(([value, members]) => ({ value, cells: members })) });
    }
  }
  return { differences, differs };
}

/**
 * Every A and AAAA address × RSA and ECDSA offers × with and without SNI, in one run,
 * side by side. A server may hand different clients different certificates (testssl#276).
 */
export async function probeMatrix(options: MatrixOptions): Promise<MatrixResult> {
  const target = resolveProbeTarget(options);
  const resolver = options.resolver ?? systemResolver();
  let addresses: string[] = [];
  if (target.connect.ipVersion !== 0) {
    addresses = [target.connect.host];
  } else {
    const [looked, reported] = await Promise.all([
      lookupAddresses(resolver, target.connect.host, target.family).catch(() => []),
      reportDns(resolver, target.connect.host),
    ]);
    const fromDns = [...reported.a, ...reported.aaaa].filter((address) => target.family === 'any' || isIP(address) === target.family);
    addresses = [...new Set([...looked.map((entry) => entry.address), ...fromDns])];
  }
  if (addresses.length === 0) {
    const failure = await probe({ ...options, resolver });
    return { servername: target.servername.host, addresses, cells: [], differences: [], verdict: failure.verdict, failure };
  }
  const plan = addresses.flatMap((address) => (['ecdsa', 'rsa'] as const).flatMap((keyType) => [true, false].map((sni) => ({ address, keyType, sni }))));
  const results = await probeMany(
    plan.map((cell) => ({ ...options, resolver, address: cell.address, keyType: cell.keyType, sni: cell.sni })),
    { concurrency: options.concurrency ?? 8, ...(options.signal === undefined ? {} : { signal: options.signal }) },
  );
  const bare = plan.map((cell, index) => ({ ...cell, result: results[index] as ProbeResult }));
  const { differences, differs } = compare(bare);
  const cells = bare.map((cell, index) => ({ ...cell, differs: differs[index] ?? [] }));
  const verdict = worstVerdict(cells.filter((cell) => cell.sni || target.sni === null).map((cell) => cell.result.verdict));
  return { servername: target.servername.host, addresses, cells, differences, verdict, failure: null };
}
