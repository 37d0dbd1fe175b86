import type { Inventory, ZoneInventory } from '../cloudflare';
import { hostsLabel } from '../domain/labels';
import { needsAction, type HealthContext, type JudgedObject } from '../domain/objectHealth';
import { type ObjectKind, severityRank, worstSeverity } from '../domain/status';
import { errorJson, type InventoryErrorJson, sortedErrors, zoneCollections } from './inventoryJson';
import { judgedObjects, type JudgedEntry } from './judgedObjects';
import { terminalField } from '../shared/terminalText';

const width = 80;
/** Per zone, so one zone with thousands of stuck hostnames cannot bury the rest. */
const maxAttentionLines = 10;

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

/**
 * How an object is named on screen: its hosts, hostname, common name or origin. Packs are
 * named as in the explorer, by a host other than the zone apex that nearly all of them cover.
 */
function nameOf(item: JudgedObject, zoneName: string): string {
  const text = (value: string | null | undefined): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  switch (item.kind) {
    case 'zone':
      return text(item.object.name) ?? item.object.id;
    case 'customHostname':
      return text(item.object.hostname) ?? item.object.id;
    case 'clientCertificate':
      return text(item.object.common_name) ?? item.object.id;
    case 'fallbackOrigin':
      return text(item.object.origin) ?? '(unnamed)';
    case 'certificatePack':
      return hostsLabel(item.object.hosts ?? [], zoneName) ?? item.object.id;
    case 'customCertificate':
      return hostsLabel(item.object.hosts ?? [], undefined) ?? item.object.id;
  }
}

function countText(items: readonly unknown[] | undefined): string {
  // A failed collection shows `!`: its error is listed under the zone.
  return (items === undefined ? '!' : String(items.length)).padStart(5);
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

function zoneLines(zone: ZoneInventory, judged: readonly JudgedEntry[]): string[] {
  const counts = zoneCollections.map(({ collection }) => countText(zone[collection])).join(' ');
  const [own] = judged;
  const worst = worstSeverity(judged.map(({ health }) => health.severity));
  const lines = [`${fit(zone.zone.name, 28)} ${fit(own?.health.status.label ?? '', 14)} ${counts}  ${worst}`];
  const attention = judged.filter(({ health }) => needsAction(health.severity)).sort((a, b) => severityRank(b.health.severity) - severityRank(a.health.severity));
  for (const { item, health } of attention.slice(0, maxAttentionLines)) {
    const days = health.expiry?.shortLabel;
    const label = fit(`${health.status.label}${days === undefined ? '' : ` · ${days}`}`, width - 47);
    lines.push(`  ${fit(health.severity, 8)} ${fit(kindNames[item.kind], 12)} ${fit(nameOf(item, zone.zone.name), 22)} ${label}`.trimEnd());
  }
  if (attention.length > maxAttentionLines) {
    lines.push(`  … ${attention.length - maxAttentionLines} more need attention (see --json)`);
  }
  lines.push(...errorLines(sortedErrors(zone).map(errorJson)));
  return lines;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** The readable report: one line per zone, its problems under it, a summary at the end. */
export function renderInventoryTable(inventory: Inventory, context: HealthContext): string {
  const header = `${'ZONE'.padEnd(28)} ${'STATUS'.padEnd(14)} PACKS CERTS HOSTS CLIENT WORST`;
  const lines = [header];
  let errors = 0;
  let warnings = 0;
  let failed = inventory.errors.length;
  for (const zone of inventory.zones) {
    const judged = judgedObjects(zone, context);
    lines.push(...zoneLines(zone, judged));
    for (const { health } of judged) {
      errors += health.severity === 'error' ? 1 : 0;
      warnings += health.severity === 'warning' ? 1 : 0;
    }
    failed += zone.errors.length;
  }
  lines.push(...errorLines(inventory.errors.map(errorJson)));
  lines.push('', [plural(inventory.zones.length, 'zone'), plural(errors, 'error'), plural(warnings, 'warning'), `${failed} ${failed === 1 ? 'collection' : 'collections'} failed`].join(' · '));
  return `${lines.join('\n')}\n`;
}
