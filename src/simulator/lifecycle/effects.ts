import { textOf, type ApiObject } from '../model';
import { isoSeconds } from '../scenario/time';
import type { SimulatorState, StatusChange } from '../state/simulatorState';
import { earliestExpiry, managedCertificates, validationRecords } from './certificateMaterial';

const renewalWindowMs = 30 * 86_400_000;
const managedPackTypes = new Set(['universal', 'advanced', 'total_tls', 'managed_hostname']);

function hostsOf(object: ApiObject): string[] {
  return Array.isArray(object['hosts']) ? (object['hosts'] as string[]) : [];
}

function setCertificateStatus(pack: ApiObject, status: string): void {
  if (Array.isArray(pack['certificates'])) {
    pack['certificates'] = (pack['certificates'] as ApiObject[]).map((certificate) => ({ ...certificate, status }));
  }
}

function packEntered(change: StatusChange, nowMs: number): void {
  const pack = change.object;
  switch (change.to) {
    case 'pending_validation':
      // Restarting validation issues fresh tokens (lifecycle §3.7, §7.8); the old ones are void.
      if (change.from !== 'initializing' || pack['validation_records'] === undefined) {
        pack['validation_records'] = validationRecords(hostsOf(pack), textOf(pack['validation_method'], 'txt'), `${pack.id}:${nowMs}`);
      }
      pack['validation_errors'] = [];
      break;
    case 'active': {
      const expiry = earliestExpiry(pack);
      const needsNew = expiry === undefined || expiry - nowMs < renewalWindowMs;
      if (managedPackTypes.has(String(pack['type'])) && needsNew) {
        const certificates = managedCertificates(pack, change.zone.api.id, nowMs, String(nowMs));
        pack['certificates'] = certificates;
        pack['primary_certificate'] = certificates[0]?.id;
      } else {
        setCertificateStatus(pack, 'active');
      }
      delete pack['validation_records'];
      delete pack['validation_errors'];
      break;
    }
    case 'expired':
      setCertificateStatus(pack, 'expired');
      break;
  }
}

function hostnameEntered(change: StatusChange, nowMs: number): void {
  const hostname = change.object;
  const ssl = { ...(hostname['ssl'] as ApiObject | undefined) };
  if (change.field === 'ssl.status') {
    if (change.to === 'pending_validation' && (change.from !== 'initializing' || ssl['validation_records'] === undefined)) {
      ssl['validation_records'] = validationRecords([String(hostname['hostname'])], textOf(ssl['method'], 'txt'), `${hostname.id}:${nowMs}`);
      ssl['validation_errors'] = [];
    } else if (change.to === 'active') {
      delete ssl['validation_records'];
      delete ssl['validation_errors'];
    }
    hostname['ssl'] = ssl;
  } else if (change.to === 'active') {
    delete hostname['verification_errors'];
  }
}

/**
 * What Cloudflare changes besides the status when an object enters a status: fresh DCV
 * tokens on a restart, new certificates on (re)issuance, and a zone's activation
 * releasing the certificates held for it (lifecycle §2.6).
 */
export function applyEntryEffects(state: SimulatorState, change: StatusChange, nowMs: number): void {
  if (change.kind === 'pack') {
    packEntered(change, nowMs);
  } else if (change.kind === 'customHostname') {
    hostnameEntered(change, nowMs);
  } else if (change.kind === 'zone' && change.to === 'active') {
    const zone = change.zone;
    zone.api['activated_on'] = isoSeconds(nowMs);
    for (const pack of zone.packs.all()) {
      if (pack['status'] === 'holding_deployment') state.setStatus({ zone, kind: 'pack', object: pack }, 'active');
    }
    for (const certificate of zone.customCertificates.all()) {
      if (certificate['status'] === 'pending') state.setStatus({ zone, kind: 'customCertificate', object: certificate }, 'active');
    }
  }
}
