import { resolveChain } from '../dns/resolveChain';
import { canonicalName } from '../names';
import { findingsOf, isUnavailable, type Check } from './context';
import { describeChain, preferredTarget, reachesZone } from './zoneTargets';

export const proxiedCheck: Check = {
  name: 'proxied',
  appliesTo: (subject) => subject.kind === 'customHostname',
  async run(subject, context) {
    const f = findingsOf('proxied', context);
    const host = canonicalName(subject.hosts[0] ?? '');
    const isCloudflare = await context.cloudflareAddress();
    if (isUnavailable(isCloudflare)) return [f.unknown(host, `Cloudflare's address ranges are unknown: ${isCloudflare.unavailable}.`)];
    const resolutions = await Promise.all([resolveChain(context.dns, host, 'A'), resolveChain(context.dns, host, 'AAAA')]);
    const failed = resolutions.find((resolution) => resolution.status === 'unknown');
    if (failed !== undefined && failed.status === 'unknown') return [f.unknown(host, `The address question got no answer (${failed.reason}).`)];
    const chain = resolutions.reduce<readonly string[]>((longest, resolution) => (resolution.chain.length > longest.length ? resolution.chain : longest), []);
    const addresses = resolutions.flatMap((resolution) => (resolution.status === 'found' ? resolution.records.flatMap((record) => (typeof record.data === 'string' ? [record.data] : [])) : []));
    const inside = addresses.filter((address) => isCloudflare(address));
    if (inside.length === 0) return [f.ok(host, addresses.length === 0 ? `${host} has no address, so no other Cloudflare zone serves it.` : `${host} resolves outside Cloudflare's ranges (${addresses.slice(0, 4).join(', ')}).`)];
    if (reachesZone(subject.zone, [host, ...chain])) return [f.ok(host, `${describeChain(host, chain)} reaches Cloudflare through ${subject.zone.name}.`)];
    const target = preferredTarget(subject.zone);
    return [f.problem('proxied-elsewhere', 'error', 'domainOwner', host,
      `${describeChain(host, chain)} resolves to Cloudflare (${inside.slice(0, 4).join(', ')}) without going through ${subject.zone.name}: another Cloudflare zone proxies it, so this one cannot validate or serve it.`,
      { action: 'change', type: 'CNAME', name: host, value: target, text: `In the DNS of ${host}, replace the proxied record with a CNAME to ${target}; if ${host} must stay on its own Cloudflare zone, ask Cloudflare about Orange-to-Orange (O2O).` })];
  },
};
