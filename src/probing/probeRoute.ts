import type { TargetInput } from '../probe';
import { normalizeHost } from '../probe/normalizeTarget';
import { matchRuleForPort, type ResolveRule } from '../probe/resolveRules';

/** Where one probe connects: the engine's target fields, and the resolve rule that chose them. */
export interface ProbeRoute {
  readonly target: TargetInput;
  readonly rule?: ResolveRule;
}

/**
 * Applies the resolve rules to the host a probe would look up: the connect target when
 * one is given, else the servername. An IP literal is never looked up, so no rule applies
 * to it. A rule's port wins over the one typed, as in curl's `--resolve host:port:addr`.
 * Throws ProbeError `invalid-input` for names the engine would refuse.
 */
export function routeProbe(servername: string, connect: string | undefined, rules: readonly ResolveRule[]): ProbeRoute {
  const server = normalizeHost(servername, 'host');
  const target = connect === undefined || connect.trim() === '' ? undefined : normalizeHost(connect, 'connect target');
  const looked = target ?? server;
  // A rule keyed by port (`*:443`) applies to probes of that port; probes default to 443.
  const rule = looked.ipVersion === 0 ? matchRuleForPort(rules, looked.host, looked.port ?? 443) : undefined;
  if (rule === undefined) {
    return { target: { servername, ...(target === undefined ? {} : { connect: connect?.trim() }) } };
  }
  const port = rule.port ?? looked.port;
  const portField = port === undefined ? {} : { port };
  if (rule.ipVersion !== 0) {
    // The name stays the connect host (it is what the result reports); only the lookup is skipped.
    return { target: { servername, ...(target === undefined ? {} : { connect: target.host }), address: rule.address, ...portField }, rule };
  }
  return { target: { servername, connect: rule.address, ...portField }, rule };
}
