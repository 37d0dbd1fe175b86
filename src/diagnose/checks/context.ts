import type { Actor } from '../../domain/status';
import type { DnsClient } from '../dns/dnsTypes';
import type { CheckName, Finding, FindingSeverity, Fix } from '../finding';
import type { HttpFetcher } from '../httpFetch';
import type { Subject } from '../subject';

/** Something the API had to say that could not be had: checks needing it answer `unknown`. */
export interface Unavailable {
  readonly unavailable: string;
}

export function isUnavailable(value: unknown): value is Unavailable {
  return typeof value === 'object' && value !== null && 'unavailable' in value;
}

/** What checks may use: DNS and HTTP as configured, and the few API facts they need, fetched once. */
export interface CheckContext {
  readonly dns: DnsClient;
  readonly http: HttpFetcher;
  readonly now: () => Date;
  /** `GET /ips` as a matcher. */
  readonly cloudflareAddress: () => Promise<((address: string) => boolean) | Unavailable>;
  /** `GET /zones/{zone_id}/dcv_delegation/uuid`. */
  readonly dcvDelegationUuid: (zoneId: string) => Promise<string | Unavailable>;
}

export interface Check {
  readonly name: CheckName;
  appliesTo(subject: Subject): boolean;
  /** At least one finding: `<check>-ok` when it passes, so users see what was checked. */
  run(subject: Subject, context: CheckContext): Promise<Finding[]>;
}

/** Finding builders for one check, all stamped with the same check name and time source. */
export function findingsOf(check: CheckName, context: CheckContext) {
  const at = (): string => context.now().toISOString();
  const make = (code: string, severity: FindingSeverity, actor: Actor, name: string, message: string, fix: Fix | null = null): Finding =>
    ({ check, code, severity, actor, name, message, fix, checkedAt: at() });
  return {
    ok: (name: string, message: string): Finding => make(`${check}-ok`, 'ok', 'none', name, message),
    unknown: (name: string, message: string): Finding => make(`${check}-unknown`, 'unknown', 'unknown', name, message),
    problem: make,
  };
}
