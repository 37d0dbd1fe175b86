import { resolveChain } from '../dns/resolveChain';
import type { Finding } from '../finding';
import { baseName, canonicalName } from '../names';
import type { Subject } from '../subject';
import { findingsOf, type Check, type CheckContext } from './context';
import { describeChain, preferredTarget } from './zoneTargets';

async function checkName(subject: Subject, host: string, context: CheckContext): Promise<Finding> {
  const f = findingsOf('dns', context);
  const resolution = await resolveChain(context.dns, host, 'A');
  if (resolution.status === 'unknown') return f.unknown(host, `The address question got no answer (${resolution.reason}).`);
  if (resolution.status === 'loop') {
    return f.problem('dns-cname-loop', 'error', 'domainOwner', host, `${describeChain(host, resolution.chain)} is a CNAME loop: the name cannot resolve.`, null);
  }
  if (resolution.status !== 'nxdomain') return f.ok(host, `${describeChain(host, resolution.chain)} exists.`);
  const fix = subject.kind === 'customHostname'
    ? { action: 'add' as const, type: 'CNAME', name: host, value: preferredTarget(subject.zone), text: `Create ${host} as a CNAME to ${preferredTarget(subject.zone)}.` }
    : null;
  return f.problem('dns-not-found', 'error', 'domainOwner', host, resolution.chain.length > 0 ? `${describeChain(host, resolution.chain)} ends in a name that does not exist.` : `${host} does not exist in DNS.`, fix);
}

export const dnsCheck: Check = {
  name: 'dns',
  appliesTo: () => true,
  async run(subject, context) {
    // A wildcard is checked through its base name: `*.x` itself is not a name anyone looks up.
    const names = [...new Set(subject.hosts.map((host) => baseName(canonicalName(host))))];
    return Promise.all(names.map((name) => checkName(subject, name, context)));
  },
};
