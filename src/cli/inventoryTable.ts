import { parseExpiry } from '../core/expiry';
import { hostsLabel } from '../core/explorer/labels';
import { type ObjectKind, type Severity, worstSeverity } from '../core/status';
import { terminalField } from './terminalText';
import { type Assessed, assessedObjects, type InventoryErrorJson, type InventoryJson, needsAttention, zoneCollections, type ZoneJson } from './inventoryJson';

const width = 80;
/** Per zone, so one zone with thousands of stuck hostnames cannot bury the rest. */
const maxAttentionLines = 10;
const dayMs = 86_400_000;

const kindNames: Readonly<Record<ObjectKind, string>> = {
  zone: 'Zone',
  certificatePack: 'Edge cert',
  customCertificate: 'Custom cert',
  customHostname: 'Hostname',
  customHostnameSsl: 'Hostname cert',
  clientCertificate: 'Client cert',
  fallbackOrigin: 'Fallback',
  sslVerification: 'Verification',
  validationRecord: 'DCV record',
};

function fit(text: string, size: number): string {
  // API strings are untrusted: control and bidi characters could drive the terminal.
  const safe = terminalField(text);
  return safe.length <= size ? safe.padEnd(size) : `${safe.slice(0, Math.max(0, size - 1))}…`;
}

function field(object: object, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/**
 * How an object is named on screen: its hosts, hostname, common name or origin. Packs are
 * named as in the explorer, by a host other than the zone apex that nearly all of them cover.
 */
function nameOf(kind: ObjectKind, object: object, zoneName: string): string {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const named =
    kind === 'zone' ? text(field(object, 'name'))
      : kind === 'customHostname' ? text(field(object, 'hostname'))
        : kind === 'clientCertificate' ? text(field(object, 'common_name'))
          : kind === 'fallbackOrigin' ? text(field(object, 'origin'))
            : hostsLabel(strings(field(object, 'hosts')), kind === 'certificatePack' ? zoneName : undefined);
  return named ?? text(field(object, 'id')) ?? '(unnamed)';
}

/** The expiry that matters: a pack's primary certificate (else its earliest), or the object's own. */
function expiryOf(kind: ObjectKind, object: object): number | undefined {
  if (kind === 'certificatePack') {
    const certificates = field(object, 'certificates');
    const list = Array.isArray(certificates) ? certificates.filter((item): item is object => typeof item === 'object' && item !== null) : [];
    const primary = field(object, 'primary_certificate');
    const chosen = list.find((item) => primary !== undefined && field(item, 'id') === primary);
    const times = (chosen === undefined ? list : [chosen]).map((item) => parseExpiry(field(item, 'expires_on'))).filter((time): time is number => time !== undefined);
    return times.length === 0 ? undefined : Math.min(...times);
  }
  if (kind === 'customHostname') {
    const ssl = field(object, 'ssl');
    return typeof ssl === 'object' && ssl !== null ? parseExpiry(field(ssl, 'expires_on')) : undefined;
  }
  return parseExpiry(field(object, 'expires_on'));
}

function daysText(expiresAt: number | undefined, now: number): string {
  if (expiresAt === undefined) {
    return '';
  }
  const days = Math.floor((expiresAt - now) / dayMs);
  return days < 0 ? `expired ${-days} d ago` : `${days} d left`;
}

function countText(items: readonly unknown[] | undefined): string {
  // A failed collection shows `!`: its error is listed under the zone.
  return (items === undefined ? '!' : String(items.length)).padStart(5);
}

function zoneSeverity(zone: ZoneJson): Severity {
  return worstSeverity([...assessedObjects(zone)].map(({ object }) => object.assessment.severity));
}

function errorLine(error: InventoryErrorJson): string {
  return `  ${fit('failed', 8)} ${fit(`${error.collection}: ${error.message}`, width - 11)}`.trimEnd();
}

/** A token without a permission fails every collection alike: one line says so, not five. */
function errorLines(errors: readonly InventoryErrorJson[]): string[] {
  const groups = new Map<string, InventoryErrorJson[]>();
  for (const error of errors) {
    const key = `${error.code}|${error.permission ?? ''}|${error.status ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), error]);
  }
  return [...groups.values()].map((group) => {
    const [first] = group;
    if (first === undefined || group.length === 1) {
      return first === undefined ? '' : errorLine(first);
    }
    const why = first.permission === undefined ? first.code : `missing "${first.permission}"`;
    return `  ${fit('failed', 8)} ${fit(`${why} · ${group.length} collections: ${group.map((error) => error.collection).join(', ')}`, width - 11)}`.trimEnd();
  });
}

function zoneLines(zone: ZoneJson, now: number): string[] {
  const counts = zoneCollections.map(({ key }) => countText(zone[key])).join(' ');
  const lines = [`${fit(zone.name, 28)} ${fit(zone.assessment.label, 14)} ${counts}  ${zoneSeverity(zone)}`];
  const attention: Array<{ kind: ObjectKind; object: Assessed<object> }> = [];
  for (const entry of assessedObjects(zone)) {
    if (needsAttention(entry.object.assessment.severity)) {
      attention.push(entry);
    }
  }
  attention.sort((a, b) => (a.object.assessment.severity === b.object.assessment.severity ? 0 : a.object.assessment.severity === 'error' ? -1 : 1));
  for (const { kind, object } of attention.slice(0, maxAttentionLines)) {
    const days = daysText(expiryOf(kind, object), now);
    const label = fit(`${object.assessment.label}${days === '' ? '' : ` · ${days}`}`, width - 47);
    lines.push(`  ${fit(object.assessment.severity, 8)} ${fit(kindNames[kind], 12)} ${fit(nameOf(kind, object, zone.name), 22)} ${label}`.trimEnd());
  }
  if (attention.length > maxAttentionLines) {
    lines.push(`  … ${attention.length - maxAttentionLines} more need attention (see --json)`);
  }
  lines.push(...errorLines(zone.errors));
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The readable report: one line per zone, its problems under it, a summary at the end. */
export function renderInventoryTable(inventory: InventoryJson, now: number): string {
  const header = `${'ZONE'.padEnd(28)} ${'STATUS'.padEnd(14)} PACKS CERTS HOSTS CLIENT WORST`;
  const lines = [header];
  let errors = 0;
  let warnings = 0;
  let failed = inventory.errors.length;
  for (const zone of inventory.zones) {
    lines.push(...zoneLines(zone, now));
    for (const { object } of assessedObjects(zone)) {
      errors += object.assessment.severity === 'error' ? 1 : 0;
      warnings += object.assessment.severity === 'warning' ? 1 : 0;
    }
    failed += zone.errors.length;
  }
  lines.push(...errorLines(inventory.errors));
  lines.push('', [plural(inventory.zones.length, 'zone'), plural(errors, 'error'), plural(warnings, 'warning'), `${failed} ${failed === 1 ? 'collection' : 'collections'} failed`].join(' · '));
  return `${lines.join('\n')}\n`;
}
