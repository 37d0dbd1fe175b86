import { caaCheck } from './checks/caa';
import { cnameCheck } from './checks/cname';
import { findingsOf, type Check, type CheckContext } from './checks/context';
import { dcvDelegationCheck } from './checks/dcvDelegation';
import { dnsCheck } from './checks/dns';
import { httpCheck } from './checks/http';
import { ownershipCheck } from './checks/ownership';
import { proxiedCheck } from './checks/proxied';
import { txtCheck } from './checks/txt';
import { severityRank, worstSeverity, type Finding } from './finding';
import type { Subject } from './subject';

/** Every check, in the order a report reads best: existence first, then what blocks the CA. */
export const allChecks: readonly Check[] = [dnsCheck, proxiedCheck, cnameCheck, ownershipCheck, caaCheck, txtCheck, dcvDelegationCheck, httpCheck];

/** One object's diagnosis, in the shape `cfcerts diagnose --json` prints. */
export interface Diagnosis {
  readonly kind: Subject['kind'];
  readonly id: string;
  readonly zone: string;
  readonly hosts: readonly string[];
  readonly status: string | null;
  readonly ssl_status: string | null;
  readonly findings: readonly Finding[];
}

/** `proxied-elsewhere` explains a wrong CNAME better than `cname-not-pointing` does: it wins. */
function dropSuperseded(findings: readonly Finding[]): Finding[] {
  const proxied = new Set(findings.filter((finding) => finding.code === 'proxied-elsewhere').map((finding) => finding.name));
  return findings.filter((finding) => !(finding.code === 'cname-not-pointing' && proxied.has(finding.name)));
}

async function runCheck(check: Check, subject: Subject, context: CheckContext): Promise<Finding[]> {
  try {
    return await check.run(subject, context);
  } catch (error) {
    // A bug in one check must not pass as a verdict or sink the rest: it is "could not tell".
    return [findingsOf(check.name, context).unknown(subject.hosts[0] ?? subject.id, `The check failed: ${error instanceof Error ? error.message : String(error)}.`)];
  }
}

export async function diagnoseSubject(subject: Subject, context: CheckContext): Promise<Diagnosis> {
  const applicable = allChecks.filter((check) => check.appliesTo(subject));
  const results = await Promise.all(applicable.map((check) => runCheck(check, subject, context)));
  const findings = dropSuperseded(results.flat());
  const order = (finding: Finding): number => allChecks.findIndex((check) => check.name === finding.check);
  findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || order(a) - order(b));
  return {
    kind: subject.kind,
    id: subject.id,
    zone: subject.zone.name,
    hosts: subject.hosts,
    status: subject.status,
    ssl_status: subject.kind === 'customHostname' ? subject.sslStatus : null,
    findings,
  };
}

/** Diagnoses every subject at once (the DNS client bounds what is in flight), worst first. */
export async function diagnoseAll(subjects: readonly Subject[], context: CheckContext): Promise<Diagnosis[]> {
  const diagnoses = await Promise.all(subjects.map((subject) => diagnoseSubject(subject, context)));
  return diagnoses
    .map((diagnosis, index) => ({ diagnosis, index }))
    .sort((a, b) => severityRank(worstSeverity(a.diagnosis.findings)) - severityRank(worstSeverity(b.diagnosis.findings)) || a.index - b.index)
    .map(({ diagnosis }) => diagnosis);
}

/** One sentence on where a diagnosis leaves the object: the next step when all is well. */
export function summarize(diagnosis: Diagnosis): string {
  const count = (severity: Finding['severity']): number => diagnosis.findings.filter((finding) => finding.severity === severity).length;
  const [errors, warnings, unknowns] = [count('error'), count('warning'), count('unknown')];
  if (errors + warnings + unknowns === 0) {
    const ask = diagnosis.kind === 'customHostname' ? 'Refresh the custom hostname' : 'Restart Validation on the pack';
    return `DNS and HTTP are right for everything checked. Next: ask Cloudflare to check again (${ask}).`;
  }
  const parts = [errors > 0 ? `${errors} problem(s)` : '', warnings > 0 ? `${warnings} warning(s)` : '', unknowns > 0 ? `${unknowns} check(s) could not tell` : ''].filter((part) => part !== '');
  return `${parts.join(', ')}; fix what is listed, then ask Cloudflare to check again.`;
}
