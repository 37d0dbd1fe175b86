import type { Finding } from '../finding';
import { certificateStatus, type Subject } from '../subject';
import { findingsOf, type Check, type CheckContext } from './context';
import { bodyMatches } from './httpCompare';
import { awaitingValidation } from './statuses';

async function checkUrl(url: string, body: string, context: CheckContext): Promise<Finding> {
  const f = findingsOf('http', context);
  const fix = { action: 'add' as const, type: 'HTTP', name: url, value: body, text: `Serve "${body}" at ${url} over plain HTTP on port 80, with no redirect.` };
  const outcome = await context.http.get(url);
  if (outcome.kind === 'unknown') return f.unknown(url, `Could not fetch: ${outcome.message}.`);
  if (outcome.kind === 'unreachable') return f.problem('http-unreachable', 'warning', 'domainOwner', url, `${url} cannot be fetched: ${outcome.message}.`, fix);
  if (outcome.status >= 300 && outcome.status < 400) {
    return f.problem('http-redirect', 'error', 'domainOwner', url,
      `${url} answers ${outcome.status} with Location ${outcome.location ?? '(none)'}; the CA does not follow redirects here (an HTTPS redirect, Access or a Worker on /.well-known/pki-validation/?).`,
      { ...fix, action: 'change', text: `Exempt ${new URL(url).pathname} from redirects and serve "${body}" there on port 80.` });
  }
  const matched = bodyMatches(outcome.body, body);
  if (outcome.status === 200 && matched) return f.ok(url, `${url} serves the token (200, body matches).`);
  return f.problem('http-token-mismatch', 'error', 'domainOwner', url, `${url} answers ${outcome.status}; the body ${matched ? 'matches' : 'does not match'} the token${outcome.truncated ? ' (and is too large)' : ''}.`, fix);
}

function httpPairs(subject: Subject): { url: string; body: string }[] {
  return subject.validationRecords.flatMap((record) =>
    typeof record.http_url === 'string' && record.http_url !== '' && typeof record.http_body === 'string' ? [{ url: record.http_url, body: record.http_body }] : []);
}

export const httpCheck: Check = {
  name: 'http',
  appliesTo: (subject) => subject.validationMethod === 'http' && (httpPairs(subject).length > 0 || awaitingValidation.has(certificateStatus(subject) ?? '')),
  async run(subject, context) {
    const pairs = httpPairs(subject);
    if (pairs.length === 0) return [findingsOf('http', context).unknown(subject.hosts[0] ?? subject.id, 'Cloudflare lists no HTTP validation URL yet, so there is nothing to fetch; refresh in a minute.')];
    return Promise.all(pairs.map(({ url, body }) => checkUrl(url, body, context)));
  },
};
