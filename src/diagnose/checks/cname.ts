import { resolveChain } from '../dns/resolveChain';
import { canonicalName } from '../names';
import { findingsOf, type Check } from './context';
import { describeChain, preferredTarget, reachesZone } from './zoneTargets';

export const cnameCheck: Check = {
  name: 'cname',
  appliesTo: (subject) => subject.kind === 'customHostname' && subject.status !== 'active',
  async run(subject, context) {
    const f = findingsOf('cname', context);
    const host = canonicalName(subject.hosts[0] ?? '');
    const target = preferredTarget(subject.zone);
    const resolution = await resolveChain(context.dns, host, 'A');
    if (resolution.status === 'unknown') return [f.unknown(host, `The address question got no answer (${resolution.reason}).`)];
    const path = describeChain(host, resolution.chain);
    if (reachesZone(subject.zone, [host, ...resolution.chain])) return [f.ok(host, `${path} goes through ${subject.zone.name}.`)];
    const why = resolution.status === 'nxdomain' ? `${path} ends in a name that does not exist`
      : resolution.status === 'loop' ? `${path} is a CNAME loop`
      : resolution.chain.length === 0 ? `${host} has no CNAME (or a flattened one) and does not point at ${subject.zone.name}`
      : `${path} reaches neither ${target} nor a name under ${subject.zone.name}`;
    return [f.problem('cname-not-pointing', 'warning', 'domainOwner', host, `${why}.`,
      { action: resolution.chain.length === 0 && resolution.status !== 'found' ? 'add' : 'change', type: 'CNAME', name: host, value: target, text: `Point ${host} at ${target} with a CNAME.` })];
  },
};
