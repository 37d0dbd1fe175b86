import type { CertificatePack, CustomHostname, ValidationRecord } from '../cloudflare';

/** What the diagnosis knows about the zone an object lives in. */
export interface ZoneFacts {
  readonly id: string;
  readonly name: string;
  /** `full`, `partial` (CNAME setup), …; null when the API did not say. */
  readonly type: string | null;
  /** The SaaS zone's fallback origin, when one is configured. */
  readonly fallbackOrigin: string | null;
  /** Other names a custom hostname may CNAME to (`--cname-target ZONE=NAME`). */
  readonly cnameTargets: readonly string[];
}

/** One object to diagnose, read once from Cloudflare's payload so every check sees the same facts. */
export interface Subject {
  readonly kind: 'customHostname' | 'certificatePack';
  readonly id: string;
  readonly zone: ZoneFacts;
  /** The names the object covers, as the API lists them. */
  readonly hosts: readonly string[];
  /** The hostname's status, or the pack's. */
  readonly status: string | null;
  /** The custom hostname's certificate status; null for packs. */
  readonly sslStatus: string | null;
  readonly validationMethod: string | null;
  readonly certificateAuthority: string | null;
  readonly packType: string | null;
  readonly validationRecords: readonly ValidationRecord[];
  readonly dcvDelegationRecords: readonly ValidationRecord[];
  readonly ownershipTxt: { readonly name: string; readonly value: string } | null;
  readonly ownershipHttp: { readonly url: string; readonly body: string } | null;
}

/** The certificate's status: the pack's own, or a custom hostname's `ssl.status`. */
export function certificateStatus(subject: Subject): string | null {
  return subject.kind === 'customHostname' ? subject.sslStatus : subject.status;
}

function text(value: string | null | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function records(list: readonly ValidationRecord[] | null | undefined): readonly ValidationRecord[] {
  return list === null || list === undefined ? [] : list.slice(0, 100);
}

export function hostnameSubject(hostname: CustomHostname, zone: ZoneFacts): Subject {
  const txtName = text(hostname.ownership_verification?.name);
  const txtValue = text(hostname.ownership_verification?.value);
  const httpUrl = text(hostname.ownership_verification_http?.http_url);
  const httpBody = text(hostname.ownership_verification_http?.http_body);
  return {
    kind: 'customHostname',
    id: hostname.id,
    zone,
    hosts: [hostname.hostname],
    status: text(hostname.status),
    sslStatus: text(hostname.ssl?.status),
    validationMethod: text(hostname.ssl?.method),
    certificateAuthority: text(hostname.ssl?.certificate_authority),
    packType: null,
    validationRecords: records(hostname.ssl?.validation_records),
    dcvDelegationRecords: records(hostname.ssl?.dcv_delegation_records),
    ownershipTxt: txtName !== null && txtValue !== null ? { name: txtName, value: txtValue } : null,
    ownershipHttp: httpUrl !== null && httpBody !== null ? { url: httpUrl, body: httpBody } : null,
  };
}

export function packSubject(pack: CertificatePack, zone: ZoneFacts): Subject {
  return {
    kind: 'certificatePack',
    id: pack.id,
    zone,
    hosts: (pack.hosts ?? []).filter((host) => typeof host === 'string').slice(0, 100),
    status: text(pack.status),
    sslStatus: null,
    validationMethod: text(pack.validation_method),
    certificateAuthority: text(pack.certificate_authority),
    packType: text(pack.type),
    validationRecords: records(pack.validation_records),
    dcvDelegationRecords: records(pack.dcv_delegation_records),
    ownershipTxt: null,
    ownershipHttp: null,
  };
}
