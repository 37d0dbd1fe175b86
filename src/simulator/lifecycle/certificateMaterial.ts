import { createHash } from 'node:crypto';
import type { ApiObject } from '../model';
import { isoSeconds } from '../scenario/time';

/** A stable pseudo-random string from a seed: fresh DCV tokens that stay deterministic. */
export function token(seed: string, length = 43): string {
  return createHash('sha256').update(seed).digest('base64url').slice(0, length);
}

/** A UUID-shaped id from a seed, as Cloudflare uses for packs and hostnames. */
export function uuidFrom(seed: string): string {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function bareHost(host: string): string {
  return host.startsWith('*.') ? host.slice(2) : host;
}

/**
 * New DCV tokens for the hosts of an order: restarting validation issues fresh ones
 * (lifecycle §3.7), so each call with a new `round` gives different values.
 */
export function validationRecords(hosts: readonly string[], method: string, round: string): Record<string, unknown>[] {
  return hosts.map((host, index) => {
    const seed = `${round}:${host}:${index}`;
    if (method === 'http' && !host.startsWith('*.')) {
      return { status: 'pending', http_url: `http://${host}/.well-known/pki-validation/${token(seed, 32)}.txt`, http_body: token(`${seed}:body`, 64) };
    }
    if (method === 'email') {
      return { status: 'pending', emails: [`administrator@${bareHost(host)}`, `webmaster@${bareHost(host)}`] };
    }
    return { status: 'pending', txt_name: `_acme-challenge.${bareHost(host)}`, txt_value: token(seed) };
  });
}

const issuerByAuthority: Readonly<Record<string, string>> = {
  google: 'GoogleTrustServices',
  lets_encrypt: 'LetsEncrypt',
  ssl_com: 'SSLCom',
};

/** The RSA + ECDSA pair Cloudflare deploys for a managed pack, valid `validityDays` from `nowMs`. */
export function managedCertificates(pack: ApiObject, zoneId: string, nowMs: number, round: string): ApiObject[] {
  const hosts = Array.isArray(pack['hosts']) ? (pack['hosts'] as string[]) : [];
  const days = typeof pack['validity_days'] === 'number' ? pack['validity_days'] : 90;
  const issuer = issuerByAuthority[String(pack['certificate_authority'])] ?? 'GoogleTrustServices';
  const base = { hosts, status: 'active', issuer, bundle_method: 'ubiquitous', zone_id: zoneId, priority: 0, geo_restrictions: { label: 'us' } };
  const dates = { uploaded_on: isoSeconds(nowMs), modified_on: isoSeconds(nowMs), expires_on: isoSeconds(nowMs + days * 86_400_000) };
  return [
    { id: uuidFrom(`${pack.id}:${round}:ecdsa`), ...base, signature: 'ECDSAWithSHA256', ...dates },
    { id: uuidFrom(`${pack.id}:${round}:rsa`), ...base, signature: 'SHA256WithRSA', ...dates },
  ];
}

/** The earliest Not After of a pack's certificates: a pack expires with its first member. */
export function earliestExpiry(object: ApiObject): number | undefined {
  const certificates = Array.isArray(object['certificates']) ? (object['certificates'] as ApiObject[]) : [object];
  const times = certificates
    .map((certificate) => (typeof certificate['expires_on'] === 'string' ? Date.parse(certificate['expires_on']) : Number.NaN))
    .filter((time) => !Number.isNaN(time));
  return times.length === 0 ? undefined : Math.min(...times);
}
