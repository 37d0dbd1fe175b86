import type { KeyKind } from '../pki';
import { textOf, type ApiObject } from '../model';
import type { SimulatorState, ZoneState } from '../state/simulatorState';
import { statusOf } from '../state/simulatorState';

/** One certificate the edge should present: what the API says about it. */
export interface ServedCertificate {
  readonly hosts: readonly string[];
  /** The API's issuer value (`GoogleTrustServices`, `LetsEncrypt`, or a custom certificate's issuer). */
  readonly issuer: string;
  readonly keyKind: KeyKind;
  readonly notAfter: Date;
  readonly notBefore?: Date;
  readonly serialNumber?: string;
}

/** Whether a certificate host (maybe `*.example.com`) covers the name asked for in SNI. */
export function covers(host: string, name: string): boolean {
  const lowerHost = host.toLowerCase();
  if (lowerHost === name) return true;
  if (!lowerHost.startsWith('*.')) return false;
  const dot = name.indexOf('.');
  return dot > 0 && name.slice(dot + 1) === lowerHost.slice(2);
}

function keyKindOf(signature: unknown): KeyKind {
  return typeof signature === 'string' && signature.toUpperCase().includes('ECDSA') ? 'ecdsa' : 'rsa';
}

function dateOr(value: unknown, fallback: number): Date {
  const parsed = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  return new Date(Number.isNaN(parsed) ? fallback : parsed);
}

function hostsOf(object: ApiObject): string[] {
  return Array.isArray(object['hosts']) ? (object['hosts'] as string[]) : [];
}

function serialOf(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]+$/i.test(value) ? value : undefined;
}

/** The pack's certificates (RSA and/or ECDSA) as the edge would present them. */
function fromPack(pack: ApiObject, nowMs: number): ServedCertificate[] {
  const certificates = Array.isArray(pack['certificates']) ? (pack['certificates'] as ApiObject[]) : [];
  return certificates.map((certificate) => ({
    hosts: hostsOf(certificate).length > 0 ? hostsOf(certificate) : hostsOf(pack),
    issuer: textOf(certificate['issuer'], 'GoogleTrustServices'),
    keyKind: keyKindOf(certificate['signature']),
    notAfter: dateOr(certificate['expires_on'], nowMs + 90 * 86_400_000),
    notBefore: dateOr(certificate['uploaded_on'], nowMs - 86_400_000),
    serialNumber: serialOf(certificate['serial_number']),
  }));
}

const packRank: Readonly<Record<string, number>> = { advanced: 3, total_tls: 2, universal: 1 };

/** Lifecycle §6.3, simplified: custom certificates, then custom hostnames, then packs (advanced first). */
function zoneCertificates(zone: ZoneState, name: string, nowMs: number): ServedCertificate[] | undefined {
  if (zone.api['status'] !== 'active') return undefined;
  const custom = zone.customCertificates.all().find((certificate) => certificate['status'] === 'active' && hostsOf(certificate).some((host) => covers(host, name)));
  if (custom !== undefined) {
    return [{
      hosts: hostsOf(custom), issuer: String(custom['issuer']), keyKind: keyKindOf(custom['signature']),
      notAfter: dateOr(custom['expires_on'], nowMs + 30 * 86_400_000), notBefore: dateOr(custom['uploaded_on'], nowMs - 86_400_000),
    }];
  }
  const hostname = zone.customHostnames.all().find((object) => covers(String(object['hostname']), name));
  if (hostname !== undefined && ['active', 'active_redeploying'].includes(String(hostname['status'])) && statusOf(hostname, 'ssl.status') === 'active') {
    const ssl = (hostname['ssl'] ?? {}) as ApiObject;
    const issuer = typeof ssl['issuer'] === 'string' ? ssl['issuer'] : ssl['certificate_authority'] === 'lets_encrypt' ? 'LetsEncrypt' : 'GoogleTrustServices';
    const notAfter = dateOr(ssl['expires_on'], nowMs + 75 * 86_400_000);
    const hosts = [String(hostname['hostname'])];
    // Managed custom hostname certificates come as an ECDSA primary and an RSA fallback (§6.4).
    return (['ecdsa', 'rsa'] as const).map((keyKind) => ({ hosts, issuer, keyKind, notAfter, serialNumber: serialOf(ssl['serial_number']) }));
  }
  const packs = zone.packs.all()
    .filter((pack) => pack['status'] === 'active' && pack.sim?.deploy !== 'staging' && hostsOf(pack).some((host) => covers(host, name)))
    .sort((a, b) => (packRank[String(b['type'])] ?? 0) - (packRank[String(a['type'])] ?? 0));
  const pack = packs[0];
  return pack === undefined ? undefined : fromPack(pack, nowMs);
}

/**
 * What the edge serves for an SNI name: the certificate the scenario says is active, or,
 * for a SaaS custom hostname not yet active, the SaaS zone's own certificate (the
 * "another certificate" case of lifecycle §6.4); undefined means a handshake failure.
 */
export function servedFor(state: SimulatorState, servername: string, nowMs: number): ServedCertificate[] | undefined {
  const name = servername.toLowerCase();
  let saasFallback: ZoneState | undefined;
  for (const zone of state.zones) {
    const found = zoneCertificates(zone, name, nowMs);
    if (found !== undefined && found.length > 0) return found;
    if (zone.spec.saas === true && saasFallback === undefined && zone.customHostnames.all().some((object) => covers(String(object['hostname']), name))) {
      saasFallback = zone;
    }
  }
  return saasFallback === undefined ? undefined : zoneCertificates(saasFallback, saasFallback.spec.name, nowMs);
}
