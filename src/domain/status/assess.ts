/**
 * The overall assessment of one raw Cloudflare object: which status to show, how bad it
 * is and where it sits. Most objects have one status; a custom hostname has two (`status`
 * for the hostname, `ssl.status` for its certificate) and the worse one wins, with a label
 * that says which part is the problem.
 *
 * The input is untrusted JSON: anything (null, arrays, numbers, objects whose `status` is
 * itself an object, proxies that throw) gives an assessment, never an exception. Only own
 * properties are read, so `__proto__` and friends are inert.
 */
import { describeStatus } from './describeStatus';
import { severityRank } from './severity';
import {
  type ObjectKind,
  SEVERITY_COLORS,
  SEVERITY_ICONS,
  type Severity,
  type Stage,
  type StatusInfo,
} from './types';

export interface Assessment {
  /** What to show, e.g. "Active", "Certificate: Timed Out (Validation)". */
  readonly label: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly icon: string;
  readonly color: string;
  /** The statuses that went into it: one, or for a custom hostname the hostname status then the certificate status. */
  readonly parts: readonly StatusInfo[];
  /** For a custom hostname whose assessment is not ok: which part is the problem. */
  readonly problem?: 'hostname' | 'certificate';
}

/** How a custom hostname's two parts are named in a label. */
export const PART_LABELS = { hostname: 'Hostname', certificate: 'Certificate' } as const;

/**
 * Assesses the raw JSON of one object. Reads `status`; for `sslVerification` reads
 * `certificate_status` (falling back to `status`); for `customHostname` reads `status` and
 * `ssl.status`. For `customHostnameSsl` pass the hostname's `ssl` object.
 */
export function assess(kind: ObjectKind, object: unknown): Assessment {
  if (kind === 'customHostname') {
    const sslObject = ownField(object, 'ssl');
    const sslStatus = isRecord(sslObject) ? (asStatus(ownField(sslObject, 'status')) ?? null) : undefined;
    return remembered(kind, asStatus(ownField(object, 'status')), sslStatus, assessCustomHostname);
  }
  const field =
    kind === 'sslVerification'
      ? (ownField(object, 'certificate_status') ?? ownField(object, 'status'))
      : ownField(object, 'status');
  return remembered(kind, asStatus(field), undefined, (status) => {
    const info = describeStatus(kind, status);
    return fromPart(info, [info]);
  });
}

/**
 * Assessments by the statuses they come from. They are immutable and few (each kind has a
 * catalog of a dozen or two statuses), while a zone can have 20,000 objects: sharing one
 * assessment per combination keeps a copy of the same labels and arrays out of every
 * object's health. Only catalog statuses are kept, which bounds the memory whatever the
 * API sends; an unknown value is assessed afresh each time.
 */
const assessments = new Map<string, Assessment>();

type SslStatus = string | null | undefined;

function remembered(kind: ObjectKind, status: string | undefined, sslStatus: SslStatus, make: (status: string | undefined, sslStatus: SslStatus) => Assessment): Assessment {
  // Numbers stand for the absent values, so no status string can collide with them.
  const key = JSON.stringify([kind, status ?? 0, sslStatus === undefined ? 0 : (sslStatus ?? 1)]);
  const known = assessments.get(key);
  if (known !== undefined) return known;
  const assessment = make(status, sslStatus);
  if (assessment.parts.every((part) => part.known)) assessments.set(key, assessment);
  return assessment;
}

/** `sslStatus`: the `ssl.status` value; null when `ssl` has none, undefined when there is no `ssl` object. */
function assessCustomHostname(status: string | undefined, sslStatus: SslStatus): Assessment {
  const hostname = describeStatus('customHostname', status);
  if (sslStatus === undefined) {
    return fromPart(hostname, [hostname]);
  }
  const certificate = describeStatus('customHostnameSsl', sslStatus ?? undefined);
  const parts = [hostname, certificate] as const;

  // A deleted hostname took its certificate with it: nothing else about it matters.
  if (hostname.known && hostname.stage === 'deleted') {
    return fromPart(hostname, parts);
  }

  // A live hostname whose certificate is off the edge (deleted, inactive, a backup) serves no
  // TLS of its own: that is worth a warning even though neither part is one by itself.
  if (hostname.severity === 'ok' && certificate.known && certificate.severity === 'inactive') {
    return {
      label: partLabel('certificate', certificate),
      stage: certificate.stage,
      severity: 'warning',
      icon: SEVERITY_ICONS.warning,
      color: SEVERITY_COLORS.warning,
      parts,
      problem: 'certificate',
    };
  }

  // The worse part wins; on a tie the hostname does (it is the precondition for the certificate).
  const certificateIsWorse = severityRank(certificate.severity) > severityRank(hostname.severity);
  const winner = certificateIsWorse ? certificate : hostname;
  const named: readonly (readonly ['hostname' | 'certificate', StatusInfo])[] = certificateIsWorse
    ? [
        ['certificate', certificate],
        ['hostname', hostname],
      ]
    : [
        ['hostname', hostname],
        ['certificate', certificate],
      ];
  // Parts that are fine and known go unmentioned; when both are, the label is simply "Active".
  const notable = named.filter(([, info]) => info.severity !== 'ok' || !info.known);
  const label = notable.length === 0 ? hostname.label : notable.map(([part, info]) => partLabel(part, info)).join(' · ');
  const problem = winner.severity === 'ok' ? undefined : certificateIsWorse ? 'certificate' : 'hostname';
  return {
    label,
    stage: winner.stage,
    severity: winner.severity,
    icon: winner.icon,
    color: winner.color,
    parts,
    ...(problem === undefined ? {} : { problem }),
  };
}

function fromPart(info: StatusInfo, parts: readonly StatusInfo[]): Assessment {
  return { label: info.label, stage: info.stage, severity: info.severity, icon: info.icon, color: info.color, parts };
}

function partLabel(part: 'hostname' | 'certificate', info: StatusInfo): string {
  return `${PART_LABELS[part]}: ${info.label}`;
}

/** A non-null, non-array object. Never throws (Array.isArray throws on a revoked proxy). */
function isRecord(value: unknown): value is object {
  try {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/** Reads an own property without ever throwing (hostile getters and proxies included). */
function ownField(object: unknown, key: string): unknown {
  try {
    if (!isRecord(object) || !Object.prototype.hasOwnProperty.call(object, key)) {
      return undefined;
    }
    return (object as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

/** Only strings and numbers can be statuses; anything else counts as no status. */
function asStatus(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return value;
  }
  return typeof value === 'number' ? String(value) : undefined;
}
