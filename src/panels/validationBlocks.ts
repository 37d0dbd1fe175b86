import type { CertificatePack, CustomHostname, ValidationError } from '../cloudflare';
import type { Block, CalloutBlock, TableBlock, Value } from './document';
import type { ValidationRecordView } from '../explorer/nodes';
import { hostnameRecords, packRecords } from '../explorer/validationRecords';
import { cap, capList, MAX_VALUE } from './text';
import { LifecycleHeadings } from './headings';

/** What each column's copy button copies, per method: the words the dashboard uses. */
const copyLabels: Readonly<Record<ValidationRecordView['method'], { name: string; value?: string; type: string }>> = {
  txt: { type: 'TXT', name: 'TXT name', value: 'TXT value' },
  http: { type: 'HTTP', name: 'HTTP URL', value: 'HTTP body' },
  cname: { type: 'CNAME', name: 'CNAME name', value: 'CNAME target' },
  email: { type: 'E-mail', name: 'approver e-mail addresses' },
};

export function recordsTable(records: readonly ValidationRecordView[]): TableBlock {
  return {
    kind: 'table',
    title: LifecycleHeadings.records,
    columns: ['Proves', 'Type', 'Name or URL', 'Value', 'Status'],
    rows: records.map((record): Value[] => {
      const labels = copyLabels[record.method];
      const value: Value = labels.value === undefined ? { text: 'Approve the e-mail Cloudflare sends to these addresses.' } : { text: cap(record.value, MAX_VALUE), code: true, copyLabel: labels.value };
      return [
        { text: record.purpose === 'ownership' ? 'Hostname ownership' : 'Certificate (DCV)' },
        { text: labels.type },
        { text: cap(record.name, MAX_VALUE), code: true, copyLabel: labels.name },
        value,
        { text: record.status === undefined ? '—' : cap(record.status) },
      ];
    }),
    empty: 'No record to place: Cloudflare lists none for this object now.',
  };
}

function messages(errors: readonly ValidationError[] | null | undefined): string[] {
  return (errors ?? []).map((error) => error.message ?? '').filter((message) => message !== '');
}

function errorCallout(title: string, tone: CalloutBlock['tone'], lines: readonly string[]): CalloutBlock[] {
  return lines.length === 0 ? [] : [{ kind: 'callout', tone, title, lines: capList(lines, 20, 1_000) }];
}

/** A pack's CA complaints, then the records to place. */
export function packValidationBlocks(pack: CertificatePack): Block[] {
  return [...errorCallout(LifecycleHeadings.validationErrors, 'error', messages(pack.validation_errors)), recordsTable(packRecords(pack))];
}

/**
 * A custom hostname's two validations: ownership (`verification_errors`, expected while
 * the customer's DNS is not in place yet) and certificate DCV (`ssl.validation_errors`).
 */
export function hostnameValidationBlocks(hostname: CustomHostname): Block[] {
  return [
    ...errorCallout(LifecycleHeadings.hostnameVerificationErrors, 'warning', (hostname.verification_errors ?? []).filter((message) => typeof message === 'string' && message !== '')),
    ...errorCallout(LifecycleHeadings.certificateValidationErrors, 'error', messages(hostname.ssl?.validation_errors)),
    recordsTable(hostnameRecords(hostname)),
  ];
}
