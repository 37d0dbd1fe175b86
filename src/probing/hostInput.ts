import type { ParsedHost } from '../probe';
import { ProbeError } from '../probe/errors';
import { normalizeHost } from '../probe/normalizeTarget';

/**
 * What "Probe Hostname…" checks as the user types. The probe engine's own parser decides,
 * so the input accepts exactly what a probe accepts (IDN, IP literals, ports, URLs) and
 * says why in the engine's words.
 */

function parse(value: string, what: string): ParsedHost | string {
  try {
    return normalizeHost(value, what);
  } catch (error) {
    if (ProbeError.is(error)) return error.message;
    throw error;
  }
}

/** Undefined when the hostname can be probed; otherwise why not. */
export function hostnameInputProblem(value: string): string | undefined {
  const parsed = parse(value, 'host');
  return typeof parsed === 'string' ? parsed : undefined;
}

/** The optional connect target: empty means the hostname's own DNS. */
export function connectInputProblem(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const parsed = parse(value, 'connect target');
  return typeof parsed === 'string' ? parsed : undefined;
}

/** What a valid input will probe, in words, so an IDN or a port is seen before the probe runs. */
export function describeHostInput(value: string): string | undefined {
  if (value.trim() === '') return undefined;
  const parsed = parse(value, 'host');
  if (typeof parsed === 'string') return undefined;
  const name = parsed.unicode === parsed.host ? parsed.host : `${parsed.unicode} (${parsed.host})`;
  const kind = parsed.ipVersion === 0 ? name : `IPv${parsed.ipVersion} address ${name}, sent without SNI`;
  return parsed.port === undefined ? `Probes ${kind} on port 443.` : `Probes ${kind} on port ${parsed.port}.`;
}
