import { resolveChain } from '../dns/resolveChain';
import type { Finding } from '../finding';
import { canonicalName } from '../names';
import { certificateStatus } from '../subject';
import { findingsOf, type Check, type CheckContext } from './context';
import { awaitingValidation } from './statuses';

/** Values listed in a message at most; the rest are counted. */
const listedValues = 5;

export function listValues(values: readonly string[]): string {
  const shown = values.slice(0, listedValues).map((value) => `"${value.length > 80 ? `${value.slice(0, 80)}…` : value}"`);
  return values.length > listedValues ? `${shown.join(', ')} and ${values.length - listedValues} more` : shown.join(', ');
}

async function checkRecord(name: string, value: string, context: CheckContext): Promise<Finding> {
  const f = findingsOf('txt', context);
  const fix = { action: 'add' as const, type: 'TXT', name, value, text: `Add TXT ${name} = "${value}".` };
  const resolution = await resolveChain(context.dns, name, 'TXT');
  if (resolution.status === 'unknown') return f.unknown(name, `The TXT question got no answer (${resolution.reason}).`);
  if (resolution.status !== 'found') {
    const why = resolution.status === 'loop' ? 'is a CNAME loop' : resolution.status === 'nxdomain' ? 'does not exist' : 'has no TXT record';
    return f.problem('txt-missing', 'error', 'domainOwner', name, `${name} ${why}; the CA looks there for "${value}".`, fix);
  }
  const values = resolution.records.flatMap((record) => (record.type === 'TXT' ? [record.data] : []));
  if (values.includes(value)) return f.ok(name, `${name} holds the expected TXT value.`);
  return f.problem('txt-mismatch', 'error', 'domainOwner', name,
    `${name} holds ${values.length} other TXT value(s): ${listValues(values)}; the CA expects "${value}".`,
    { ...fix, text: `Add TXT ${name} = "${value}" (stale values may stay; they do no harm).` });
}

export const txtCheck: Check = {
  name: 'txt',
  appliesTo: (subject) => subject.validationMethod === 'txt' && awaitingValidation.has(certificateStatus(subject) ?? ''),
  async run(subject, context) {
    const pairs = subject.validationRecords.flatMap((record) =>
      typeof record.txt_name === 'string' && record.txt_name !== '' && typeof record.txt_value === 'string' && record.txt_value !== ''
        ? [{ name: canonicalName(record.txt_name), value: record.txt_value }] : []);
    if (pairs.length === 0) {
      return [findingsOf('txt', context).unknown(subject.hosts[0] ?? subject.id, 'Cloudflare lists no TXT validation record yet, so there is nothing to compare; refresh in a minute.')];
    }
    return Promise.all(pairs.map(({ name, value }) => checkRecord(name, value, context)));
  },
};
