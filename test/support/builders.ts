/**
 * Typed builders for the API's objects, each valid as the client's run-time checks want
 * it and active, with ids and names derived from a number `n` so that objects built with
 * different numbers never collide. Override what a test is about; leave the rest.
 */
import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, Zone } from '../../src/cloudflare';

const hex = (n: number, width = 32): string => n.toString(16).padStart(width, '0');

/** An active full-setup zone `zone<n>.example.com` of the account "Acme". */
export function zone(n = 1, overrides: Partial<Zone> = {}): Zone {
  return { id: hex(n), name: `zone${n}.example.com`, status: 'active', paused: false, type: 'full', account: { id: hex(999), name: 'Acme' }, ...overrides };
}

/** An active Universal SSL pack for example.com and *.example.com, its certificate valid to 2027. */
export function pack(n = 1, overrides: Partial<CertificatePack> = {}): CertificatePack {
  return {
    id: `00000000-0000-4000-8000-${hex(n, 12)}`,
    type: 'universal',
    status: 'active',
    hosts: ['example.com', '*.example.com'],
    certificates: [{ id: hex(n), hosts: ['example.com'], status: 'active', issuer: 'GoogleTrustServices', expires_on: '2027-01-01T00:00:00Z' }],
    primary_certificate: hex(n),
    validation_method: 'txt',
    ...overrides,
  };
}

/** An active custom hostname `app<n>.customer.test` with an active DV certificate. */
export function hostname(n = 1, overrides: Partial<CustomHostname> = {}): CustomHostname {
  return {
    id: `10000000-0000-4000-8000-${hex(n, 12)}`,
    hostname: `app${n}.customer.test`,
    status: 'active',
    ssl: { id: `20000000-0000-4000-8000-${hex(n, 12)}`, status: 'active', method: 'http', type: 'dv' },
    ...overrides,
  };
}

/** An active uploaded certificate for example.com, valid to mid-2027. */
export function customCertificate(n = 1, overrides: Partial<CustomCertificate> = {}): CustomCertificate {
  return { id: hex(n), hosts: ['example.com'], status: 'active', issuer: 'DigiCert', expires_on: '2027-06-01T00:00:00Z', priority: 1, ...overrides };
}

/** An active client certificate `device<n>`, valid to 2033. */
export function clientCertificate(n = 1, overrides: Partial<ClientCertificate> = {}): ClientCertificate {
  return { id: hex(n), status: 'active', common_name: `device${n}`, expires_on: '2033-02-20T23:18:00Z', ...overrides };
}

/**
 * `item` with one field of the wrong type, as a broken or hostile API might send it: the
 * client's run-time checks leave such an item out and say why. Typed as the item, so it
 * goes where the valid ones go.
 */
export function malformed<T extends object>(item: T, field: keyof T & string, value: unknown): T {
  return { ...item, [field]: value };
}
