import { isIP } from 'node:net';
import { ProbeError } from './errors';
import { normalizeHost, normalizePort, type ParsedHost } from './normalizeTarget';
import type { AddressFamilyOption } from './types';

export interface TargetInput {
  /** The name to ask for (SNI) and to check the certificate against. */
  readonly servername: string;
  /** Where to connect (host, IP, `host:port`); the servername when absent. */
  readonly connect?: string;
  readonly port?: number;
  readonly family?: AddressFamilyOption;
  /** False sends no SNI even for a host name. */
  readonly sni?: boolean;
  /** Connect to this address and skip the lookup (the matrix uses it). */
  readonly address?: string;
}

export interface ProbeTarget {
  readonly servername: ParsedHost;
  readonly connect: ParsedHost;
  /** True when `connect` names another host than the servername (the pre-DNS case). */
  readonly distinctConnect: boolean;
  readonly port: number;
  readonly sni: string | null;
  readonly family: AddressFamilyOption;
  readonly address: string | undefined;
}

const DEFAULT_PORT = 443;

/** Validates and normalises everything the probe was given, before any network call. */
export function resolveProbeTarget(input: TargetInput): ProbeTarget {
  const servername = normalizeHost(input.servername, 'host');
  const connect = input.connect === undefined ? servername : normalizeHost(input.connect, 'connect target');
  const explicitPort = input.port === undefined ? undefined : normalizePort(input.port);
  // A port written into the connect target wins, as in openssl's `-connect host:port`.
  const port = (input.connect === undefined ? undefined : connect.port) ?? explicitPort ?? servername.port ?? DEFAULT_PORT;
  const family = input.family ?? 'any';
  const literal = input.address === undefined ? connect.ipVersion : isIP(input.address);
  if (input.address !== undefined && literal === 0) {
    throw new ProbeError('invalid-input', `Invalid address '${input.address}': not an IP address.`, 'input');
  }
  if (family !== 'any' && literal !== 0 && literal !== family) {
    throw new ProbeError('invalid-input', `The address ${input.address ?? connect.host} is not IPv${family}.`, 'input');
  }
  // RFC 6066 forbids an IP literal as SNI; browsers send none, and so do we.
  const sni = input.sni === false || servername.ipVersion !== 0 ? null : servername.host;
  return {
    servername,
    connect,
    distinctConnect: input.connect !== undefined && connect.host !== servername.host,
    port,
    sni,
    family,
    address: input.address,
  };
}
