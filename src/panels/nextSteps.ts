import type { CalloutBlock } from './document';
import type { CertificateObject, ObjectHealth } from '../domain/objectHealth';
import { ACTOR_LABELS, describeStatus, PART_LABELS, type Actor, type StatusInfo } from '../domain/status';
import { cap, toneOf } from './text';
import { LifecycleHeadings } from './headings';

/**
 * Who must act, in the words of the person reading. For a custom hostname the catalog's
 * `user` is the SaaS provider (the account holder) and its `domainOwner` the provider's
 * customer, who controls the hostname's DNS; elsewhere the catalog's own labels fit.
 */
export function actorSentence(actor: Actor, kind: CertificateObject['kind']): string {
  if (kind === 'customHostname') {
    if (actor === 'user') return 'You, the SaaS provider.';
    if (actor === 'domainOwner') return 'Your customer, who controls the hostname’s DNS.';
  }
  if (actor === 'none') return 'Nobody: nothing needs doing.';
  return `${ACTOR_LABELS[actor]}.`;
}

export interface DecidingPart {
  readonly info: StatusInfo;
  /** For a custom hostname: which of its two statuses this is. */
  readonly part?: keyof typeof PART_LABELS;
}

/**
 * The status that decides what happens next: the object's only one, or for a custom
 * hostname the part the assessment names as the problem (or, when neither is, the part
 * the assessment's label came from).
 */
export function decidingPart(item: CertificateObject, health: ObjectHealth): DecidingPart {
  if (item.kind !== 'customHostname') return { info: describeStatus(item.kind, item.object.status) };
  const hostname = describeStatus('customHostname', item.object.status);
  const ssl = item.object.ssl;
  if (ssl === null || ssl === undefined || health.status.problem === 'hostname') return { info: hostname, part: 'hostname' };
  if (health.status.problem === undefined && health.status.label === hostname.label) return { info: hostname, part: 'hostname' };
  return { info: describeStatus('customHostnameSsl', ssl.status), part: 'certificate' };
}

/** The callout at the top: what happens next and who must act, one sentence each, from the status catalog. */
export function nextStepCallout(item: CertificateObject, health: ObjectHealth): CalloutBlock {
  const { info, part } = decidingPart(item, health);
  const about = part === undefined ? '' : ` (${PART_LABELS[part].toLowerCase()})`;
  const lines = [`Next${about}: ${cap(info.nextStep, 600)}`, `Who acts: ${actorSentence(info.actor, item.kind)}`];
  const { expiry } = health;
  if (expiry !== undefined && (expiry.severity === 'warning' || expiry.severity === 'error')) lines.push(`Expiry: ${expiry.reason}`);
  return { kind: 'callout', tone: toneOf(health.severity), title: LifecycleHeadings.next, lines };
}
