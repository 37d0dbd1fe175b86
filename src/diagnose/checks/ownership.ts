import { resolveChain } from '../dns/resolveChain';
import { canonicalName } from '../names';
import { findingsOf, type Check } from './context';
import { bodyMatches } from './httpCompare';

export const ownershipCheck: Check = {
  name: 'ownership',
  appliesTo: (subject) => subject.kind === 'customHostname' && subject.status === 'pending',
  async run(subject, context) {
    const f = findingsOf('ownership', context);
    const host = canonicalName(subject.hosts[0] ?? '');
    const { ownershipTxt: txt, ownershipHttp: http } = subject;
    if (txt === null && http === null) return [f.unknown(host, 'Cloudflare lists no ownership verification record for this hostname.')];
    const unknowns: string[] = [];
    const seen: string[] = [];
    if (txt !== null) {
      const name = canonicalName(txt.name);
      const resolution = await resolveChain(context.dns, name, 'TXT');
      if (resolution.status === 'unknown') unknowns.push(`the TXT question for ${name} got no answer (${resolution.reason})`);
      else if (resolution.status === 'found' && resolution.records.some((record) => record.data === txt.value)) return [f.ok(name, `${name} holds the ownership TXT value.`)];
      else seen.push(`${name} lacks the TXT value`);
    }
    if (http !== null) {
      const outcome = await context.http.get(http.url);
      if (outcome.kind === 'unknown') unknowns.push(outcome.message);
      else if (outcome.kind === 'response' && outcome.status === 200 && bodyMatches(outcome.body, http.body)) return [f.ok(http.url, `${http.url} serves the ownership token.`)];
      else seen.push(outcome.kind === 'response' ? `${http.url} answers ${outcome.status} without the token` : `${http.url} is unreachable (${outcome.message})`);
    }
    if (unknowns.length > 0) return [f.unknown(host, `Ownership could not be checked: ${unknowns.join('; ')}.`)];
    const fix = txt === null
      ? { action: 'add' as const, type: 'HTTP', name: http?.url ?? host, value: http?.body ?? '', text: `Serve "${http?.body ?? ''}" at ${http?.url ?? ''} over plain HTTP.` }
      : { action: 'add' as const, type: 'TXT', name: canonicalName(txt.name), value: txt.value, text: `Add TXT ${canonicalName(txt.name)} = "${txt.value}" (or serve the HTTP token); either one proves ownership.` };
    return [f.problem('ownership-txt-missing', 'error', 'domainOwner', txt === null ? host : canonicalName(txt.name), `Neither ownership proof is in place: ${seen.join('; ')}.`, fix)];
  },
};
