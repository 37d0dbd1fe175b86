import { ProbeError } from '../probe/errors';
import { normalizeHost } from '../probe/normalizeTarget';

const setting = 'cloudflareCertificates.diagnose.cnameTargets';

/** At most this many names per zone: a target list is short, a hostile settings file is not. */
const maxTargetsPerZone = 10;

/**
 * `cloudflareCertificates.diagnose.cnameTargets`: for SaaS zones whose customers CNAME to
 * another name than the fallback origin, `{ "zone.example": "customers.example.net" }` (or
 * a list of names). By canonical zone name, like `cfcerts diagnose --cname-target ZONE=NAME`.
 */
export function readCnameTargets(value: unknown, onProblem: (message: string) => void = () => undefined): Map<string, string[]> {
  const targets = new Map<string, string[]>();
  if (value === undefined || value === null) return targets;
  if (typeof value !== 'object' || Array.isArray(value)) {
    onProblem(`${setting} must be an object such as { "saas.example": "customers.example.net" }; ignored.`);
    return targets;
  }
  for (const [zone, names] of Object.entries(value as Record<string, unknown>)) {
    const zoneName = hostName(zone);
    const list = typeof names === 'string' ? [names] : Array.isArray(names) ? names : undefined;
    if (zoneName === undefined || list === undefined) {
      onProblem(`${setting}: "${zone}" must be a zone name mapped to a host name or a list of them; entry ignored.`);
      continue;
    }
    const hosts = list.slice(0, maxTargetsPerZone).flatMap((name) => {
      const host = typeof name === 'string' ? hostName(name) : undefined;
      if (host === undefined) onProblem(`${setting}: a target of "${zone}" is not a host name; ignored.`);
      return host === undefined ? [] : [host];
    });
    if (hosts.length > 0) targets.set(zoneName, [...(targets.get(zoneName) ?? []), ...hosts]);
  }
  return targets;
}

function hostName(text: string): string | undefined {
  try {
    const parsed = normalizeHost(text.trim(), 'name');
    return parsed.ipVersion === 0 && parsed.port === undefined ? parsed.host : undefined;
  } catch (error) {
    if (ProbeError.is(error)) return undefined;
    throw error;
  }
}
