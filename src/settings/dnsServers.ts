import { ProbeError } from '../probe/errors';
import { normalizeHost } from '../probe/normalizeTarget';

/** A DNS server as the diagnosis's resolver takes it (src/diagnose's DnsServer has this shape). */
export interface DnsServer {
  readonly address: string;
  readonly port: number;
}

/** Why a DNS server entry makes no sense; the message names the entry. */
export class DnsServerError extends Error {
  readonly code = 'invalid-dns-server';
}

/** `IP[:PORT]` (`[v6]:PORT` for IPv6): a DNS server the diagnosis asks, port 53 unless given. */
export function parseDnsServer(text: string): DnsServer {
  try {
    const parsed = normalizeHost(text, 'DNS server');
    if (parsed.ipVersion === 0) throw new DnsServerError(`a DNS server must be an IP address, got '${text}'.`);
    return { address: parsed.host, port: parsed.port ?? 53 };
  } catch (error) {
    if (ProbeError.is(error)) throw new DnsServerError(error.message);
    throw error;
  }
}

const setting = 'cloudflareCertificates.dns.servers';

/**
 * `cloudflareCertificates.dns.servers`: the servers to ask, or the system's (`fallback`,
 * e.g. node:dns `getServers()`) when the list is empty or unset. Entries that make no
 * sense are skipped, each with a reason; when none is left, the system's servers serve.
 */
export function readDnsServers(value: unknown, fallback: readonly string[], onProblem: (message: string) => void = () => undefined): DnsServer[] {
  const given = value === undefined || value === null ? [] : value;
  if (!Array.isArray(given)) {
    onProblem(`${setting} must be a list such as ["192.0.2.53", "[2001:db8::53]:5353"]; using the system's servers.`);
    return parseAll(fallback, () => undefined);
  }
  const servers = parseAll(given.slice(0, 16), onProblem);
  if (servers.length > 0) return servers;
  if (given.length > 0) onProblem(`${setting} names no usable server; using the system's servers.`);
  return parseAll(fallback, () => undefined);
}

function parseAll(entries: readonly unknown[], onProblem: (message: string) => void): DnsServer[] {
  return entries.flatMap((entry) => {
    if (typeof entry !== 'string') {
      onProblem(`${setting}: every entry must be "IP[:PORT]"; entry ignored.`);
      return [];
    }
    try {
      return [parseDnsServer(entry.trim())];
    } catch (error) {
      if (!(error instanceof DnsServerError)) throw error;
      onProblem(`${setting}: ${error.message}; entry ignored.`);
      return [];
    }
  });
}
