import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, Zone } from '../../../../src/cloudflare';

const hex = (n: number, width = 32): string => n.toString(16).padStart(width, '0');

export function zone(n: number, overrides: Partial<Zone> = {}): Zone {
  return { id: hex(n), name: `zone${n}.example.com`, status: 'active', paused: false, type: 'full', account: { id: hex(999), name: 'Acme' }, ...overrides };
}

export function pack(n: number, overrides: Partial<CertificatePack> = {}): CertificatePack {
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

export function hostname(n: number, overrides: Partial<CustomHostname> = {}): CustomHostname {
  return {
    id: `10000000-0000-4000-8000-${hex(n, 12)}`,
    hostname: `app${n}.customer.test`,
    status: 'active',
    ssl: { id: `20000000-0000-4000-8000-${hex(n, 12)}`, status: 'active', method: 'http', type: 'dv' },
    ...overrides,
  };
}

export function customCertificate(n: number, overrides: Partial<CustomCertificate> = {}): CustomCertificate {
  return { id: hex(n), hosts: ['example.com'], status: 'active', issuer: 'DigiCert', expires_on: '2027-06-01T00:00:00Z', priority: 1, ...overrides };
}

export function clientCertificate(n: number, overrides: Partial<ClientCertificate> = {}): ClientCertificate {
  return { id: hex(n), status: 'active', common_name: `device${n}`, expires_on: '2033-02-20T23:18:00Z', ...overrides };
}
