import type * as dnsPacket from 'dns-packet';
import { Limiter } from '../../cloudflare/limiter';
import { exchangeTcp, exchangeUdp, type Exchange } from './dnsTransport';
import type { DnsClient, DnsRecord, DnsResponse, DnsServer, QuestionType } from './dnsTypes';

export interface DnsClientOptions {
  /** Asked in order; the next one only when one fails. Never the system resolver. */
  readonly servers: readonly DnsServer[];
  /** Per question and server, UDP and its TCP retry each. */
  readonly timeoutMs: number;
  /** Questions in flight at once. */
  readonly concurrency: number;
  readonly signal?: AbortSignal;
}

/** Answer records kept per question: a hostile zone can send hundreds; checks need a few. */
export const maxRecordsPerAnswer = 256;

const rcodeNames: Readonly<Record<number, string>> = { 1: 'FORMERR', 2: 'SERVFAIL', 4: 'NOTIMP', 5: 'REFUSED' };

function text(data: unknown): string {
  // TXT: one record is several strings of up to 255 bytes; its value is them joined (RFC 7208 §3.3, ACME).
  const parts = Array.isArray(data) ? data : [data];
  return parts.map((part) => (Buffer.isBuffer(part) ? part.toString('utf8') : String(part))).join('');
}

function toRecord(answer: dnsPacket.Answer): DnsRecord | undefined {
  const name = answer.name.toLowerCase().replace(/\.$/, '');
  switch (answer.type) {
    case 'A':
    case 'AAAA':
      return { name, type: answer.type, data: answer.data };
    case 'CNAME':
      return { name, type: 'CNAME', data: answer.data.toLowerCase().replace(/\.$/, '') };
    case 'TXT':
      return { name, type: 'TXT', data: text(answer.data) };
    case 'CAA':
      return { name, type: 'CAA', data: { flags: answer.data.flags ?? 0, tag: String(answer.data.tag).toLowerCase(), value: String(answer.data.value) } };
    default:
      return undefined;
  }
}

function toResponse(packet: dnsPacket.DecodedPacket, server: DnsServer): DnsResponse {
  const rcode = (packet.flags ?? 0) & 0xf;
  const records = (packet.answers ?? []).slice(0, maxRecordsPerAnswer).map(toRecord).filter((record) => record !== undefined);
  if (rcode === 3) return { kind: 'nxdomain', records };
  if (rcode !== 0) {
    const name = rcodeNames[rcode] ?? `rcode ${rcode}`;
    return { kind: 'failure', reason: rcode === 5 ? 'refused' : 'servfail', message: `${server.address}:${server.port} answered ${name}` };
  }
  return { kind: 'answer', records };
}

/** UDP first; a truncated answer is asked again over TCP, as RFC 7766 says. */
async function askServer(server: DnsServer, name: string, type: QuestionType, timeoutMs: number, signal?: AbortSignal): Promise<DnsResponse> {
  let exchange: Exchange = await exchangeUdp(server, name, type, timeoutMs, signal);
  if (exchange.ok && exchange.packet.flag_tc) {
    exchange = await exchangeTcp(server, name, type, timeoutMs, signal);
  }
  if (!exchange.ok) return { kind: 'failure', reason: signal?.aborted === true ? 'cancelled' : exchange.reason, message: exchange.message };
  return toResponse(exchange.packet, server);
}

/** Counts what a run asked, for the benchmark and the report. */
export interface DnsStats {
  /** Questions sent (cache hits not counted). */
  questions: number;
}

/**
 * A small stub resolver: each question goes to the given servers only, at most
 * `concurrency` at once, and the same question within a run is asked once (diagnoses of
 * many hostnames share the zone apex's CAA, for example).
 */
export function createDnsClient(options: DnsClientOptions, stats: DnsStats = { questions: 0 }): DnsClient & { readonly stats: DnsStats } {
  if (options.servers.length === 0) throw new RangeError('a DNS client needs at least one server');
  const limiter = new Limiter(options.concurrency);
  const cache = new Map<string, Promise<DnsResponse>>();
  async function askAll(name: string, type: QuestionType): Promise<DnsResponse> {
    await limiter.acquire(false, options.signal);
    try {
      let last: DnsResponse = { kind: 'failure', reason: 'network', message: 'no DNS server answered' };
      for (const server of options.servers) {
        stats.questions++;
        last = await askServer(server, name, type, options.timeoutMs, options.signal);
        if (last.kind !== 'failure' || last.reason === 'cancelled') return last;
      }
      return last;
    } finally {
      limiter.release();
    }
  }
  return {
    stats,
    ask(name, type) {
      const key = `${type} ${name.toLowerCase()}`;
      let answer = cache.get(key);
      if (answer === undefined) {
        answer = askAll(name, type).catch((error: unknown): DnsResponse => ({ kind: 'failure', reason: 'cancelled', message: error instanceof Error ? error.message : String(error) }));
        cache.set(key, answer);
      }
      return answer;
    },
  };
}
