import type { CertificatePack, CustomHostname, ValidationRecord } from '../cloudflare';
import { describeStatus, type Stage } from '../domain/status';
import type { ValidationRecordView } from './nodes';

/** The DCV records of a pack or a custom hostname's certificate, one view per method present. */
export function certificateRecords(records: readonly ValidationRecord[] | null | undefined): ValidationRecordView[] {
  const views: ValidationRecordView[] = [];
  for (const record of records ?? []) {
    const status = record.status ?? undefined;
    const extra = status === undefined ? {} : { status };
    if (record.txt_name && record.txt_value) views.push({ method: 'txt', name: record.txt_name, value: record.txt_value, purpose: 'certificate', ...extra });
    if (record.http_url && record.http_body) views.push({ method: 'http', name: record.http_url, value: record.http_body, purpose: 'certificate', ...extra });
    if (record.cname && record.cname_target) views.push({ method: 'cname', name: record.cname, value: record.cname_target, purpose: 'certificate', ...extra });
    if (record.emails && record.emails.length > 0) views.push({ method: 'email', name: record.emails.join(', '), value: record.emails.join(', '), purpose: 'certificate', ...extra });
  }
  return views;
}

export function packRecords(pack: CertificatePack): ValidationRecordView[] {
  return [...certificateRecords(pack.validation_records), ...certificateRecords(pack.dcv_delegation_records)];
}

/** Hostname stages in which proving ownership is still the customer's job. */
const ownershipStages: ReadonlySet<Stage> = new Set(['pending', 'pendingValidation', 'initializing', 'moved', 'blocked']);

/**
 * A custom hostname's records: hostname ownership (TXT or HTTP) while ownership is still
 * to be proven (the API keeps returning them afterwards), and certificate DCV.
 */
export function hostnameRecords(hostname: CustomHostname): ValidationRecordView[] {
  const views: ValidationRecordView[] = [];
  const certificate = [...certificateRecords(hostname.ssl?.validation_records), ...certificateRecords(hostname.ssl?.dcv_delegation_records)];
  if (!ownershipStages.has(describeStatus('customHostname', hostname.status).stage)) return certificate;
  const ownership = hostname.ownership_verification;
  if (ownership?.name && ownership.value) views.push({ method: 'txt', name: ownership.name, value: ownership.value, purpose: 'ownership' });
  const ownershipHttp = hostname.ownership_verification_http;
  if (ownershipHttp?.http_url && ownershipHttp.http_body) views.push({ method: 'http', name: ownershipHttp.http_url, value: ownershipHttp.http_body, purpose: 'ownership' });
  return [...views, ...certificate];
}
