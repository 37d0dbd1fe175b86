import type { DnsResolver, LookupAddress } from '../../../src/probe';

export interface FakeZone {
  readonly cname?: Readonly<Record<string, string>>;
  readonly a?: Readonly<Record<string, readonly string[]>>;
  readonly aaaa?: Readonly<Record<string, readonly string[]>>;
}

function notFound(syscall: string, name: string): Error {
  return Object.assign(new Error(`${syscall} ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
}

/** A resolver answering from a table, counting calls, so tests never reach the machine's DNS. */
export function fakeResolver(zone: FakeZone): DnsResolver & { calls: number } {
  const follow = (name: string): string => {
    let current = name;
    for (let hop = 0; hop < 8 && zone.cname?.[current] !== undefined; hop++) {
      current = zone.cname[current] ?? current;
    }
    return current;
  };
  const answer = (table: Readonly<Record<string, readonly string[]>> | undefined, syscall: string, name: string): Promise<string[]> => {
    const values = table?.[follow(name)];
    return values === undefined ? Promise.reject(notFound(syscall, name)) : Promise.resolve([...values]);
  };
  const resolver = {
    calls: 0,
    resolveCname: (name: string): Promise<string[]> => {
      resolver.calls++;
      const target = zone.cname?.[name];
      return target === undefined ? Promise.reject(notFound('queryCname', name)) : Promise.resolve([target]);
    },
    resolve4: (name: string): Promise<string[]> => {
      resolver.calls++;
      return answer(zone.a, 'queryA', name);
    },
    resolve6: (name: string): Promise<string[]> => {
      resolver.calls++;
      return answer(zone.aaaa, 'queryAaaa', name);
    },
    lookup: (name: string): Promise<LookupAddress[]> => {
      resolver.calls++;
      const target = follow(name);
      const found: LookupAddress[] = [...(zone.a?.[target] ?? []).map((address) => ({ address, family: 4 as const })), ...(zone.aaaa?.[target] ?? []).map((address) => ({ address, family: 6 as const }))];
      return found.length === 0 ? Promise.reject(notFound('getaddrinfo', name)) : Promise.resolve(found);
    },
  };
  return resolver;
}

/** Fails every query: the machine's DNS is never needed for a probe that has a connect target. */
export const deadResolver: DnsResolver = fakeResolver({});
