import type { CaaValue } from '../dns/dnsTypes';
import { resolveChain } from '../dns/resolveChain';
import type { Finding } from '../finding';
import { baseName, canonicalName, isWildcard, selfAndAncestors } from '../names';
import { certificateStatus, type Subject } from '../subject';
import { findingsOf, type Check, type CheckContext } from './context';
import { awaitingCa } from './statuses';

/** The API's CA names and the domains CAA records name them by (diagnosis.md). */
export const caDomains: Readonly<Record<string, string>> = {
  lets_encrypt: 'letsencrypt.org',
  google: 'pki.goog',
  ssl_com: 'ssl.com',
  digicert: 'digicert.com',
  sectigo: 'sectigo.com',
};

/** An order without a CA lets Cloudflare pick one the CAA records allow: any of these. */
const defaultCaDomains = ['letsencrypt.org', 'pki.goog', 'ssl.com'];

const knownTags = new Set(['issue', 'issuewild', 'iodef', 'contactemail', 'contactphone']);

/** The issuer domain of a CAA `issue` value: `letsencrypt.org; validationmethods=dns-01` → `letsencrypt.org`. */
function issuerOf(value: string): string {
  return (value.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Whether a relevant CAA set (RFC 8659 §3–4) lets `caDomain` issue for the name:
 * `issuewild` governs wildcard names when the set has any, else `issue`; a set with
 * neither restricts nothing; an unknown tag flagged critical forbids every CA.
 */
export function caaAllows(set: readonly CaaValue[], caDomain: string, wildcard: boolean): boolean {
  if (set.some((record) => (record.flags & 128) !== 0 && !knownTags.has(record.tag))) return false;
  const tag = wildcard && set.some((record) => record.tag === 'issuewild') ? 'issuewild' : 'issue';
  const relevant = set.filter((record) => record.tag === tag);
  if (relevant.length === 0) return true;
  return relevant.some((record) => issuerOf(record.value) === caDomain);
}

/** The closest non-empty CAA set of the name or its ancestors, and where it sits. */
async function relevantSet(context: CheckContext, name: string): Promise<{ owner: string; set: CaaValue[] } | { owner: null } | { unknown: string }> {
  for (const candidate of selfAndAncestors(name)) {
    const resolution = await resolveChain(context.dns, candidate, 'CAA');
    if (resolution.status === 'unknown') return { unknown: `the CAA question for ${candidate} got no answer (${resolution.reason})` };
    if (resolution.status === 'loop') return { unknown: `${candidate} is a CNAME loop, so its CAA records cannot be read` };
    if (resolution.status === 'found') return { owner: candidate, set: resolution.records.flatMap((record) => (record.type === 'CAA' ? [record.data] : [])) };
  }
  return { owner: null };
}

async function checkHost(subject: Subject, host: string, context: CheckContext): Promise<Finding> {
  const f = findingsOf('caa', context);
  const wildcard = isWildcard(host);
  const found = await relevantSet(context, baseName(host));
  if ('unknown' in found) return f.unknown(host, `Could not read CAA: ${found.unknown}.`);
  if (found.owner === null) return f.ok(host, `No CAA record at ${host} or above it: any CA may issue.`);
  const wanted = subject.certificateAuthority === null ? undefined : caDomains[subject.certificateAuthority];
  if (subject.certificateAuthority !== null && wanted === undefined) {
    return f.unknown(host, `The order's CA "${subject.certificateAuthority}" is not one whose CAA domain is known.`);
  }
  const candidates = wanted === undefined ? defaultCaDomains : [wanted];
  if (candidates.some((domain) => caaAllows(found.set, domain, wildcard))) {
    return f.ok(host, `The CAA records at ${found.owner} allow ${wanted ?? 'a CA Cloudflare uses'}.`);
  }
  const ca = wanted ?? defaultCaDomains[0] ?? 'letsencrypt.org';
  const tag = wildcard ? 'issuewild' : 'issue';
  const listed = found.set.map((record) => `${record.flags} ${record.tag} "${record.value}"`).slice(0, 10).join(', ');
  return f.problem('caa-blocks-ca', 'error', 'domainOwner', host,
    `The CAA records at ${found.owner} (${listed}) do not allow ${wanted === undefined ? 'any CA Cloudflare uses' : ca}, so the certificate cannot be issued.`,
    { action: 'add', type: 'CAA', name: found.owner, value: `0 ${tag} "${ca}"`, text: `Add CAA ${found.owner} 0 ${tag} "${ca}" beside the existing CAA records.` });
}

export const caaCheck: Check = {
  name: 'caa',
  appliesTo: (subject) => awaitingCa.has(certificateStatus(subject) ?? ''),
  async run(subject, context) {
    const hosts = [...new Set(subject.hosts.map(canonicalName))];
    return Promise.all(hosts.map((host) => checkHost(subject, host, context)));
  },
};
