import { resolveChain } from '../dns/resolveChain';
import type { Finding } from '../finding';
import { baseName, canonicalName } from '../names';
import type { Subject } from '../subject';
import { findingsOf, isUnavailable, type Check, type CheckContext } from './context';
import { listValues } from './txt';

/** Where DCV delegation points `_acme-challenge.<host>`: `<host>.<uuid>.dcv.cloudflare.com`. */
export function delegationTarget(host: string, uuid: string): string {
  return `${baseName(canonicalName(host))}.${uuid.toLowerCase()}.dcv.cloudflare.com`;
}

const prefix = '_acme-challenge.';

/** The hosts to check: named by the delegation records when there are any, else the object's hosts. */
function delegatedHosts(subject: Subject): { host: string; recordTarget: string | null }[] {
  const fromRecords = subject.dcvDelegationRecords.flatMap((record) => {
    const cname = typeof record.cname === 'string' ? canonicalName(record.cname) : '';
    if (!cname.startsWith(prefix)) return [];
    return [{ host: cname.slice(prefix.length), recordTarget: typeof record.cname_target === 'string' ? canonicalName(record.cname_target) : null }];
  });
  const list = fromRecords.length > 0 ? fromRecords : subject.hosts.map((host) => ({ host: baseName(canonicalName(host)), recordTarget: null }));
  return [...new Map(list.map((entry) => [entry.host, entry])).values()];
}

async function checkHost(subject: Subject, host: string, recordTarget: string | null, context: CheckContext): Promise<Finding> {
  const f = findingsOf('dcv-delegation', context);
  const name = `${prefix}${host}`;
  const uuid = await context.dcvDelegationUuid(subject.zone.id);
  // The API's UUID is the rule; the record's own target stands in only when the UUID call failed.
  const expected = isUnavailable(uuid) ? recordTarget : delegationTarget(host, uuid);
  if (expected === null) return f.unknown(name, `The delegation target is unknown: ${isUnavailable(uuid) ? uuid.unavailable : 'no UUID'}.`);
  const fix = { action: 'add' as const, type: 'CNAME', name, value: expected, text: `Add CNAME ${name} → ${expected} (and remove any TXT at ${name}).` };
  const cname = await resolveChain(context.dns, name, 'CNAME');
  if (cname.status === 'unknown') return f.unknown(name, `The CNAME question got no answer (${cname.reason}).`);
  if (cname.status === 'found') {
    const target = cname.records[0]?.type === 'CNAME' ? cname.records[0].data : '';
    if (target === expected) return f.ok(name, `${name} is delegated to ${expected}.`);
    return f.problem('dcv-delegation-missing', 'error', 'domainOwner', name, `${name} is a CNAME to ${target}, not to ${expected}.`, { ...fix, action: 'change' });
  }
  const txt = await resolveChain(context.dns, name, 'TXT');
  if (txt.status === 'unknown') return f.unknown(name, `The TXT question got no answer (${txt.reason}).`);
  if (txt.status === 'found') {
    const values = txt.records.flatMap((record) => (record.type === 'TXT' ? [record.data] : []));
    return f.problem('dcv-delegation-shadowed', 'error', 'domainOwner', name,
      `A TXT record sits at ${name} (${listValues(values)}) where the delegation CNAME to ${expected} belongs; the CA never sees Cloudflare's token.`,
      { ...fix, action: 'replace', text: `Remove the TXT at ${name} and add CNAME ${name} → ${expected}.` });
  }
  return f.problem('dcv-delegation-missing', 'error', 'domainOwner', name, `${name} has no CNAME; delegation needs one to ${expected}.`, fix);
}

export const dcvDelegationCheck: Check = {
  name: 'dcv-delegation',
  appliesTo: (subject) => subject.dcvDelegationRecords.length > 0 || (subject.packType === 'advanced' && subject.zone.type === 'partial'),
  run: (subject, context) => Promise.all(delegatedHosts(subject).map(({ host, recordTarget }) => checkHost(subject, host, recordTarget, context))),
};
