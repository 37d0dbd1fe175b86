import { normalizeHost } from './normalizeTarget';
import { ProbeError } from './errors';

/**
 * `cloudflareCertificates.probe.resolve`, like curl's `--resolve`: connect to another
 * address than DNS gives for a name (a staging edge IP, or a local simulator), while the
 * SNI and the checks stay those of the name.
 */
export interface ResolveRule {
  /** `app.example.com`, `*.example.com` (any name below it) or `*` (every name). */
  readonly pattern: string;
  /** An IP address or a host name, without brackets. */
  readonly address: string;
  readonly ipVersion: 0 | 4 | 6;
  readonly port?: number;
  /**
   * Only connections to this destination port (`"*:80"`, `"*:443"`); undefined = any port.
   * Lets one setting send probes (443) to a TLS edge and validation fetches (80) elsewhere.
   */
  readonly forPort?: number;
}

const setting = 'cloudflareCertificates.probe.resolve';

function problemOf(error: unknown): string {
  if (ProbeError.is(error)) return error.message;
  throw error;
}

/** A key's pattern and the destination port it names (`*.example.com:80`), if any. */
function splitKey(key: string): { readonly pattern: string; readonly forPort?: number } | { readonly problem: string } {
  const match = /^(.*\S):(\d{1,5})$/.exec(key.trim());
  if (match === null) return { pattern: key };
  const forPort = Number(match[2]);
  if (forPort < 1 || forPort > 65535) return { problem: `"${key}": port ${forPort} is outside 1–65535` };
  return { pattern: match[1] ?? '', forPort };
}

/** The pattern in canonical form (lower-case ASCII), or why it is not one. */
function canonicalPattern(pattern: string): string | { readonly problem: string } {
  const text = pattern.trim();
  if (text === '*') return '*';
  const domain = text.startsWith('*.') ? text.slice(2) : text;
  try {
    const parsed = normalizeHost(domain, 'name');
    if (parsed.ipVersion !== 0 || parsed.port !== undefined) return { problem: `"${pattern}" must be a host name, *.domain or *` };
    return text.startsWith('*.') ? `*.${parsed.host}` : parsed.host;
  } catch (error) {
    return { problem: problemOf(error) };
  }
}

/** The rules of the setting's object; entries that make no sense are skipped, each with a reason. */
export function parseResolveRules(value: unknown, onProblem: (message: string) => void = () => undefined): ResolveRule[] {
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value)) {
    onProblem(`${setting} must be an object such as { "*.example.com": "203.0.113.7:443" }; ignored.`);
    return [];
  }
  const rules: ResolveRule[] = [];
  for (const [pattern, target] of Object.entries(value as Record<string, unknown>)) {
    const key = splitKey(pattern);
    if ('problem' in key) {
      onProblem(`${setting}: ${key.problem}; entry ignored.`);
      continue;
    }
    const canonical = canonicalPattern(key.pattern);
    if (typeof canonical !== 'string') {
      onProblem(`${setting}: ${canonical.problem}; entry ignored.`);
      continue;
    }
    if (typeof target !== 'string') {
      onProblem(`${setting}: the value of "${pattern}" must be "address[:port]"; entry ignored.`);
      continue;
    }
    try {
      const parsed = normalizeHost(target, 'address');
      rules.push({ pattern: canonical, address: parsed.host, ipVersion: parsed.ipVersion, ...(parsed.port === undefined ? {} : { port: parsed.port }), ...(key.forPort === undefined ? {} : { forPort: key.forPort }) });
    } catch (error) {
      onProblem(`${setting}: ${problemOf(error)}; entry ignored.`);
    }
  }
  return rules;
}

/** The rule for a host name (canonical form): the exact name first, then the longest `*.domain`, then `*`. */
export function matchResolveRule(rules: readonly ResolveRule[], host: string): ResolveRule | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  const exact = rules.find((rule) => rule.pattern === name);
  if (exact !== undefined) return exact;
  const wildcards = rules.filter((rule) => rule.pattern.startsWith('*.') && name.endsWith(rule.pattern.slice(1)));
  const longest = wildcards.sort((a, b) => b.pattern.length - a.pattern.length)[0];
  return longest ?? rules.find((rule) => rule.pattern === '*');
}

/** The rule for a connection to `host:port`: rules naming that port first, then port-less ones. */
export function matchRuleForPort(rules: readonly ResolveRule[], host: string, port: number): ResolveRule | undefined {
  return matchResolveRule(rules.filter((rule) => rule.forPort === port), host) ?? matchResolveRule(rules.filter((rule) => rule.forPort === undefined), host);
}

/** `127.0.0.1:8443`, `[::1]:443`, `edge.example.com`: how a rule's target reads. */
export function formatRuleTarget(rule: ResolveRule): string {
  const address = rule.ipVersion === 6 ? `[${rule.address}]` : rule.address;
  return rule.port === undefined ? address : `${address}:${rule.port}`;
}
