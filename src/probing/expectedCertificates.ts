import type { CertificatePack, CustomCertificate, CustomHostname } from '../cloudflare';
import type { CertificateObject } from '../domain/objectHealth';
import { keyTypeFromSignature, packTypeLabel } from '../domain/labels';
import { describeStatus, type ObjectKind as StatusKind } from '../domain/status';

/**
 * What the API says the edge should serve for a name: one entry per certificate (a pack
 * has an ECDSA and an RSA one), so the served certificate is compared with its own kind.
 */
export interface ExpectedCertificate {
  /** What it is, in words: "ECDSA certificate of the Advanced pack". */
  readonly label: string;
  readonly keyType?: 'rsa' | 'ecdsa';
  /** Names it covers; the served certificate must cover them all. */
  readonly hosts: readonly string[];
  readonly serialNumber?: string;
  /** The API's issuer value (`GoogleTrustServices`, `DigiCert Inc`…), matched loosely. */
  readonly issuer?: string;
  readonly expiresOn?: string;
  /** The API status of the certificate; one not yet active is not expected at the edge. */
  readonly status?: string;
  /** That status as the dashboard names it ("Pending Validation"). */
  readonly statusLabel?: string;
}

function withStatus(kind: StatusKind, status: string | null | undefined): Pick<ExpectedCertificate, 'status' | 'statusLabel'> {
  return status ? { status, statusLabel: describeStatus(kind, status).label } : {};
}

function keyTypeOf(signature: string | null | undefined): 'rsa' | 'ecdsa' | undefined {
  const kind = keyTypeFromSignature(signature);
  return kind === 'ECDSA' ? 'ecdsa' : kind === 'RSA' ? 'rsa' : undefined;
}

type Given = Pick<ExpectedCertificate, 'keyType' | 'issuer' | 'expiresOn' | 'serialNumber'>;

/** The fields the API gave a value (Cloudflare sends null or "" for unknown ones). */
function given(fields: { readonly [K in keyof Given]?: Given[K] | null }): Partial<Given> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && value !== ''));
}

function fromPack(pack: CertificatePack): ExpectedCertificate[] {
  const packLabel = `${packTypeLabel(pack.type)} pack`;
  const certificates = pack.certificates ?? [];
  if (certificates.length === 0) {
    return [{ label: packLabel, hosts: pack.hosts ?? [], ...withStatus('certificatePack', pack.status) }];
  }
  return certificates.map((certificate) => {
    const keyType = keyTypeOf(certificate.signature);
    return {
      label: keyType === undefined ? `Certificate of the ${packLabel}` : `${keyType === 'ecdsa' ? 'ECDSA' : 'RSA'} certificate of the ${packLabel}`,
      hosts: certificate.hosts ?? pack.hosts ?? [],
      ...given({ keyType, issuer: certificate.issuer, expiresOn: certificate.expires_on }),
      ...withStatus('certificatePack', certificate.status ?? pack.status),
    };
  });
}

function fromCustomCertificate(certificate: CustomCertificate): ExpectedCertificate[] {
  return [
    {
      label: 'Custom certificate',
      hosts: certificate.hosts ?? [],
      ...given({ keyType: keyTypeOf(certificate.signature), issuer: certificate.issuer, expiresOn: certificate.expires_on }),
      ...withStatus('customCertificate', certificate.status),
    },
  ];
}

/** Managed certificates carry no issuer or expiry in the API (only uploaded ones do): the CA stands in for the issuer. */
function fromCustomHostname(hostname: CustomHostname): ExpectedCertificate[] {
  const ssl = hostname.ssl ?? {};
  return [
    {
      label: ssl.serial_number ? 'Certificate of the custom hostname' : 'Managed certificate of the custom hostname',
      hosts: [hostname.hostname],
      ...given({ serialNumber: ssl.serial_number, issuer: ssl.issuer ?? ssl.certificate_authority, expiresOn: ssl.expires_on }),
      ...withStatus('customHostnameSsl', ssl.status),
    },
  ];
}

export function expectedCertificates(item: CertificateObject): ExpectedCertificate[] {
  switch (item.kind) {
    case 'certificatePack':
      return fromPack(item.object);
    case 'customCertificate':
      return fromCustomCertificate(item.object);
    case 'customHostname':
      return fromCustomHostname(item.object);
    case 'clientCertificate':
      // Client certificates authenticate visitors to the edge; the edge never serves them.
      return [];
  }
}

/** Organisations as certificates name them, for the API's compact issuer and CA values. */
const issuerAliases: Readonly<Record<string, readonly string[]>> = {
  google: ['Google Trust Services'],
  googletrustservices: ['Google Trust Services'],
  letsencrypt: ["Let's Encrypt"],
  sslcom: ['SSL Corp', 'SSL.com'],
  digicert: ['DigiCert'],
  digicertinc: ['DigiCert'],
  sectigo: ['Sectigo'],
  sectigolimited: ['Sectigo'],
};

const compact = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/** The organisation a compact API issuer value stands for ("google" → "Google Trust Services"), if known. */
export function issuerOrganisation(apiIssuer: string): string | undefined {
  return issuerAliases[compact(apiIssuer)]?.[0];
}

/**
 * Whether a served issuer DN (`CN=WE1, O=Google Trust Services, C=US`) is the API's issuer
 * value (`GoogleTrustServices`, `google`, `DigiCert Inc`): compared without case, spaces or
 * punctuation, since the API writes names run together.
 */
export function issuerMatches(apiIssuer: string, servedIssuer: string): boolean {
  const served = compact(servedIssuer);
  const key = compact(apiIssuer);
  return key !== '' && [key, ...(issuerAliases[key] ?? []).map(compact)].some((name) => served.includes(name));
}
