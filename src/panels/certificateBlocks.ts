import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, PackCertificate } from '../cloudflare';
import type { Block, TableBlock, Value } from './document';
import { certificateAuthorityLabel, keyTypeFromSignature, packTypeLabel, validationMethodLabel } from '../domain/labels';
import type { ExpiryAssessment } from '../domain/expiry';
import { certificateExpiry, type HealthContext } from '../domain/objectHealth';
import { describeStatus } from '../domain/status';
import { expiryFacts, fact, facts, idFact } from './facts';
import { cap, capList, MAX_VALUE, showInstant, toneOf, type TimeFormat } from './text';
import { LifecycleHeadings } from './headings';

export interface CertificateContext extends HealthContext {
  readonly format: TimeFormat;
}

function hostsText(hosts: readonly string[] | null | undefined): string | undefined {
  return hosts === null || hosts === undefined || hosts.length === 0 ? undefined : capList(hosts, 20).join(', ');
}

function validityText(days: number | null | undefined): string | undefined {
  return typeof days === 'number' ? `${days} days` : undefined;
}

/** A field the typed model does not name but the API sends (e.g. a pack certificate's serial). */
function extraText(object: object, key: string): string | undefined {
  const value: unknown = Object.prototype.hasOwnProperty.call(object, key) ? (object as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** The pack (its CA and validity period), then its certificates, RSA and ECDSA, one row each. */
export function packCertificateBlocks(pack: CertificatePack, context: CertificateContext): Block[] {
  return [
    facts(LifecycleHeadings.pack, [
      ...fact('Type', packTypeLabel(pack.type)),
      ...fact('Certificate authority', certificateAuthorityLabel(pack.certificate_authority)),
      ...fact('Validity period', validityText(pack.validity_days)),
      ...fact('Validation method', validationMethodLabel(pack.validation_method)),
      ...fact('Hosts', hostsText(pack.hosts)),
      ...fact('Cloudflare branding', pack.cloudflare_branding),
      ...idFact('Primary certificate', pack.primary_certificate),
      ...idFact('Pack ID', pack.id),
    ]),
    packCertificatesTable(pack, context),
  ];
}

function packCertificatesTable(pack: CertificatePack, context: CertificateContext): TableBlock {
  const cell = (text: string | null | undefined, options: Omit<Value, 'text'> = {}): Value => ({ ...options, text: text === null || text === undefined || text === '' ? '—' : cap(text, options.copyLabel === undefined ? undefined : MAX_VALUE) });
  return {
    kind: 'table',
    title: LifecycleHeadings.certificates,
    columns: ['Key', 'Issuer', 'Serial', 'Signature', 'Hosts', 'Expires', 'Days left', 'Status'],
    rows: (pack.certificates ?? []).map((certificate: PackCertificate): Value[] => {
      const expiry = certificateExpiry(certificate.expires_on, true, context, pack.validity_days ?? undefined);
      const serial = extraText(certificate, 'serial_number');
      return [
        cell(keyTypeFromSignature(certificate.signature)),
        cell(certificate.issuer ?? certificateAuthorityLabel(pack.certificate_authority)),
        serial === undefined ? cell(undefined) : cell(serial, { code: true, copyLabel: 'serial number' }),
        cell(certificate.signature),
        cell(hostsText(certificate.hosts ?? pack.hosts)),
        cell(showInstant(certificate.expires_on, context.format)),
        expiry === undefined ? cell(undefined) : cell(expiry.shortLabel, { tone: toneOf(expiry.severity) }),
        cell(certificate.status === null || certificate.status === undefined ? undefined : describeStatus('certificatePack', certificate.status).label),
      ];
    }),
    empty: 'No certificate yet: Cloudflare adds them once the certificate authority has issued.',
  };
}

/** `expiry` is the object's own, from objectHealth: the one rule for when expiry matters. */
export function customCertificateBlocks(certificate: CustomCertificate, expiry: ExpiryAssessment | undefined, context: CertificateContext): Block[] {
  return [
    facts(LifecycleHeadings.certificate, [
      ...fact('Hosts', hostsText(certificate.hosts)),
      ...fact('Issuer', certificate.issuer),
      ...fact('Key', keyTypeFromSignature(certificate.signature)),
      ...fact('Signature', certificate.signature),
      ...fact('Bundle method', certificate.bundle_method),
      ...fact('Uploaded', showInstant(certificate.uploaded_on, context.format)),
      ...fact('Modified', showInstant(certificate.modified_on, context.format)),
      ...fact('Expires', showInstant(certificate.expires_on, context.format)),
      ...expiryFacts(expiry),
      ...fact('Priority', certificate.priority),
      ...fact('Restriction', certificate.policy_restrictions ?? certificate.policy ?? extraText(certificate, 'type')),
      ...idFact('Certificate ID', certificate.id),
    ]),
  ];
}

/** The hostname's managed certificate (Cloudflare serves it as ECDSA with an RSA fallback). */
export function hostnameCertificateBlocks(hostname: CustomHostname, expiry: ExpiryAssessment | undefined, context: CertificateContext): Block[] {
  const ssl = hostname.ssl ?? undefined;
  return [
    facts(LifecycleHeadings.certificate, [
      ...fact('Certificate authority', certificateAuthorityLabel(ssl?.certificate_authority) ?? (ssl?.certificate_authority === '' ? 'Default (Cloudflare chooses)' : undefined)),
      ...fact('Validation method', validationMethodLabel(ssl?.method)),
      ...fact('Type', ssl?.type === 'dv' ? 'Domain validated (DV)' : ssl?.type),
      ...fact('Issuer', ssl?.issuer),
      ...idFact('Serial', ssl?.serial_number),
      ...fact('Signature', ssl?.signature),
      ...fact('Hosts', hostsText(ssl?.hosts)),
      ...fact('Uploaded', showInstant(ssl?.uploaded_on, context.format)),
      ...fact('Expires', showInstant(ssl?.expires_on, context.format)),
      ...expiryFacts(expiry),
      ...fact('Wildcard', ssl?.wildcard),
      ...fact('Bundle method', ssl?.bundle_method),
      ...idFact('Certificate ID', ssl?.id),
    ]),
    facts(LifecycleHeadings.hostname, [
      ...fact('Hostname', hostname.hostname, { code: true, copyLabel: 'hostname' }),
      ...fact('Custom origin server', hostname.custom_origin_server),
      ...fact('Custom origin SNI', hostname.custom_origin_sni),
      ...fact('Created', showInstant(hostname.created_at, context.format)),
      ...idFact('Hostname ID', hostname.id),
    ]),
  ];
}

export function clientCertificateBlocks(certificate: ClientCertificate, expiry: ExpiryAssessment | undefined, context: CertificateContext): Block[] {
  const blocks: Block[] = [
    facts(LifecycleHeadings.certificate, [
      ...fact('Common name', certificate.common_name, { code: true }),
      ...fact('Certificate authority', certificate.certificate_authority?.name),
      ...idFact('Serial', certificate.serial_number),
      ...idFact('SHA-256 fingerprint', certificate.fingerprint_sha256),
      ...idFact('Subject key identifier', certificate.ski),
      ...fact('Signature', certificate.signature),
      ...fact('Validity period', validityText(certificate.validity_days)),
      ...fact('Issued', showInstant(certificate.issued_on, context.format)),
      ...fact('Expires', showInstant(certificate.expires_on, context.format)),
      ...expiryFacts(expiry),
      ...idFact('Certificate ID', certificate.id),
    ]),
  ];
  if (certificate.certificate) {
    blocks.push({ kind: 'code', title: LifecycleHeadings.pem, text: cap(certificate.certificate, 20_000), copyLabel: 'certificate PEM' });
  }
  return blocks;
}
