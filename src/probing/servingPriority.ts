import type { CertificateObject } from '../domain/objectHealth';
import { hostsOf } from '../explorer/zoneObjects';

/**
 * Which of several certificate objects the edge serves for a name (lifecycle §6.3): an
 * active certificate before one that is not, an exact name before a wildcard, then by
 * type: keyless, legacy custom, custom, custom hostname, advanced, Total TLS, universal.
 */

/** Whether a certificate host (maybe `*.example.com`) covers a name: a wildcard covers one label. */
export function hostCovers(host: string, name: string): boolean {
  const pattern = host.toLowerCase().replace(/\.$/, '');
  const target = name.toLowerCase().replace(/\.$/, '');
  if (pattern === target) return true;
  if (!pattern.startsWith('*.')) return false;
  const dot = target.indexOf('.');
  return dot > 0 && target.slice(dot + 1) === pattern.slice(2);
}

const typeRanks: Readonly<Record<string, number>> = { keyless: 1, legacy_custom: 2, sni_custom: 3, custom: 3, advanced: 5, total_tls: 6, universal: 7 };
const CUSTOM_HOSTNAME_RANK = 4;
const UNKNOWN_RANK = 8;

function typeRank(item: CertificateObject): number {
  switch (item.kind) {
    case 'customHostname':
      return CUSTOM_HOSTNAME_RANK;
    case 'customCertificate': {
      // `type` (legacy_custom or sni_custom) is sent by the API but not in our type: read it defensively.
      const type = (item.object as { readonly type?: unknown }).type;
      return typeRanks[type === 'legacy_custom' ? 'legacy_custom' : 'custom'] ?? UNKNOWN_RANK;
    }
    case 'certificatePack':
      return typeRanks[item.object.type ?? ''] ?? UNKNOWN_RANK;
    case 'clientCertificate':
      return UNKNOWN_RANK;
  }
}

/** Serving now, by the API: a custom hostname needs its certificate active. */
export function isServing(item: CertificateObject): boolean {
  switch (item.kind) {
    case 'certificatePack':
    case 'customCertificate':
      return item.object.status === 'active';
    case 'customHostname':
      return item.object.ssl?.status === 'active';
    case 'clientCertificate':
      return false;
  }
}

/** The objects whose certificate covers `name`, the one the edge should serve first. */
export function rankCandidates<T extends { readonly item: CertificateObject }>(candidates: readonly T[], name: string): T[] {
  const keyed = candidates
    .filter((candidate) => hostsOf(candidate.item).some((host) => hostCovers(host, name)))
    .map((candidate, index) => ({
      candidate,
      index,
      serving: isServing(candidate.item) ? 0 : 1,
      exact: hostsOf(candidate.item).some((host) => host.toLowerCase() === name.toLowerCase()) ? 0 : 1,
      rank: typeRank(candidate.item),
    }));
  keyed.sort((a, b) => a.serving - b.serving || a.exact - b.exact || a.rank - b.rank || a.index - b.index);
  return keyed.map((entry) => entry.candidate);
}
