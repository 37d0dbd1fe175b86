import { matchRuleForPort, type ResolveRule } from '../probe/resolveRules';
import { ProbeError } from '../probe/errors';
import { normalizeHost } from '../probe/normalizeTarget';

/**
 * `--resolve PATTERN[:PORT]=ADDRESS[:PORT]`: the probe's rule (an exact name, `*.domain`
 * or `*`), which may also name the destination port it applies to. Used for every TCP
 * connection a diagnosis makes (today: the HTTP validation fetches).
 */
export type ConnectRule = ResolveRule;

export class ConnectRuleError extends Error {
  readonly code = 'invalid-resolve-rule';
}

export function parseConnectRule(text: string): ConnectRule {
  const equals = text.indexOf('=');
  if (equals <= 0 || equals === text.length - 1) throw new ConnectRuleError(`--resolve must be PATTERN[:PORT]=ADDRESS[:PORT], got '${text}'.`);
  const left = text.slice(0, equals).trim();
  const right = text.slice(equals + 1).trim();
  const portMatch = /^(.*):(\d{1,5})$/.exec(left);
  const patternText = portMatch?.[1] ?? left;
  const forPort = portMatch?.[2] === undefined ? undefined : Number(portMatch[2]);
  if (forPort !== undefined && (forPort < 1 || forPort > 65535)) throw new ConnectRuleError(`--resolve: port ${forPort} is outside 1–65535.`);
  let pattern: string;
  if (patternText === '*') {
    pattern = '*';
  } else {
    const wildcard = patternText.startsWith('*.');
    try {
      const parsed = normalizeHost(wildcard ? patternText.slice(2) : patternText, 'pattern');
      if (parsed.ipVersion !== 0 || parsed.port !== undefined) throw new ConnectRuleError(`--resolve: '${patternText}' must be a host name, *.domain or *.`);
      pattern = wildcard ? `*.${parsed.host}` : parsed.host;
    } catch (error) {
      if (ProbeError.is(error)) throw new ConnectRuleError(`--resolve: ${error.message}`);
      throw error;
    }
  }
  let target;
  try {
    target = normalizeHost(right, 'address');
  } catch (error) {
    if (ProbeError.is(error)) throw new ConnectRuleError(`--resolve: ${error.message}`);
    throw error;
  }
  return { pattern, address: target.host, ipVersion: target.ipVersion, ...(target.port === undefined ? {} : { port: target.port }), ...(forPort === undefined ? {} : { forPort }) };
}

/** The rule for a connection to `host:port`: rules naming that port first, then port-less ones. */
export function matchConnectRule(rules: readonly ConnectRule[], host: string, port: number): ConnectRule | undefined {
  return matchRuleForPort(rules, host, port);
}
