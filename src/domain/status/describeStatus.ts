/**
 * The single entry point from a raw API status value to what the UI shows. It never
 * throws and never drops a value: a status the catalog does not know comes back as a
 * neutral entry that shows the raw value.
 */
import { CERTIFICATE_PACK_CATALOG, CUSTOM_HOSTNAME_SSL_CATALOG } from './certificatePackStatuses';
import { CLIENT_CERTIFICATE_CATALOG } from './clientCertificateStatuses';
import { CUSTOM_CERTIFICATE_CATALOG } from './customCertificateStatuses';
import { CUSTOM_HOSTNAME_CATALOG } from './hostnameStatuses';
import {
  FALLBACK_ORIGIN_CATALOG,
  SSL_VERIFICATION_CATALOG,
  VALIDATION_RECORD_CATALOG,
  ZONE_CATALOG,
} from './otherStatuses';
import { type ObjectKind, type StatusInfo, UNKNOWN_COLOR, UNKNOWN_ICON } from './types';

const CATALOGS: ReadonlyMap<ObjectKind, readonly StatusInfo[]> = new Map<ObjectKind, readonly StatusInfo[]>([
  ['certificatePack', CERTIFICATE_PACK_CATALOG],
  ['customHostnameSsl', CUSTOM_HOSTNAME_SSL_CATALOG],
  ['customHostname', CUSTOM_HOSTNAME_CATALOG],
  ['customCertificate', CUSTOM_CERTIFICATE_CATALOG],
  ['clientCertificate', CLIENT_CERTIFICATE_CATALOG],
  ['fallbackOrigin', FALLBACK_ORIGIN_CATALOG],
  ['zone', ZONE_CATALOG],
  ['sslVerification', SSL_VERIFICATION_CATALOG],
  ['validationRecord', VALIDATION_RECORD_CATALOG],
]);

// Maps, not object literals: a value such as `__proto__` or `constructor` must not hit the prototype.
const LOOKUP: ReadonlyMap<ObjectKind, ReadonlyMap<string, StatusInfo>> = new Map(
  [...CATALOGS].map(([kind, rows]) => [kind, new Map(rows.map((row) => [row.value, row]))]),
);

/** Raw values longer than this are cut (with an ellipsis) before they reach a label. */
export const MAX_SHOWN_STATUS_LENGTH = 120;

/** No catalog value is this long, so longer input is not even normalised for lookup. */
const MAX_LOOKUP_LENGTH = 64;

// C0/C1 controls and the bidi controls that can make a label read differently from its text.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Every status value the catalog knows for one object kind, in the API's enum order. */
export function allStatuses(kind: ObjectKind): readonly StatusInfo[] {
  return CATALOGS.get(kind) ?? [];
}

/** True when `value` (exactly as the API spells it) is in the catalog for `kind`. */
export function isKnownStatus(kind: ObjectKind, value: string): boolean {
  return LOOKUP.get(kind)?.has(value) ?? false;
}

/**
 * What a status value means for an object kind. Lookup forgives case, surrounding
 * blanks, and spaces or hyphens for underscores (`Pending Validation` finds
 * `pending_validation`); `value` in the result keeps the text as given.
 */
export function describeStatus(kind: ObjectKind, value: string | null | undefined): StatusInfo {
  const raw = textOf(value)?.trim() ?? '';
  if (raw === '') {
    return missingStatus(kind);
  }
  const shown = displayText(raw);
  const row = raw.length <= MAX_LOOKUP_LENGTH ? LOOKUP.get(kind)?.get(lookupKey(raw)) : undefined;
  if (row === undefined) {
    return unknownStatus(kind, shown);
  }
  return row.value === shown ? row : Object.freeze({ ...row, value: shown });
}

function textOf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    default:
      return undefined;
  }
}

function lookupKey(raw: string): string {
  return raw.toLowerCase().replace(/[\s-]+/g, '_');
}

/** The raw value made safe to show: no control or bidi characters, at most MAX_SHOWN_STATUS_LENGTH characters. */
function displayText(raw: string): string {
  const cleaned = raw.slice(0, MAX_SHOWN_STATUS_LENGTH * 2 + 2).replace(UNSAFE_CHARACTERS, '\uFFFD');
  const characters = Array.from(cleaned);
  if (characters.length <= MAX_SHOWN_STATUS_LENGTH && cleaned.length === raw.length) {
    return cleaned;
  }
  return `${characters.slice(0, MAX_SHOWN_STATUS_LENGTH - 1).join('')}…`;
}

/**
 * The neutral entry for a value the catalog does not know. It is `inactive` so it never
 * raises an alarm, but it keeps `known: false` and shows the raw value so it is never
 * hidden either; it counts as terminal so it does not keep the refresh loop on its fast
 * schedule forever.
 */
function unknownStatus(kind: ObjectKind, shown: string): StatusInfo {
  return Object.freeze({
    kind,
    value: shown,
    known: false,
    label: shown,
    stage: 'unknown',
    severity: 'inactive',
    terminal: true,
    actor: 'unknown',
    nextStep: `Cloudflare reported a status this extension does not know ("${shown}"); check the object in the Cloudflare dashboard.`,
    icon: UNKNOWN_ICON,
    color: UNKNOWN_COLOR,
    meaning: 'Not in the status catalog: Cloudflare may have added it since this extension was built.',
    labelSource: 'raw',
    documented: false,
  } satisfies StatusInfo);
}

function missingStatus(kind: ObjectKind): StatusInfo {
  return Object.freeze({
    kind,
    value: '',
    known: false,
    label: 'No status',
    stage: 'unknown',
    severity: 'inactive',
    terminal: true,
    actor: 'unknown',
    nextStep: 'Cloudflare returned no status for this object; refresh, or check it in the Cloudflare dashboard.',
    icon: UNKNOWN_ICON,
    color: UNKNOWN_COLOR,
    meaning: 'The object carries no readable status.',
    labelSource: 'raw',
    documented: false,
  } satisfies StatusInfo);
}
