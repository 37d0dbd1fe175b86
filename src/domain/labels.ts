/** Words for API values that have no status of their own. */

const packTypes: Readonly<Record<string, string>> = {
  universal: 'Universal',
  advanced: 'Advanced',
  total_tls: 'Total TLS',
  sni_custom: 'SNI custom',
  keyless: 'Keyless',
  legacy_custom: 'Legacy custom',
  mh_custom: 'Custom',
  managed_hostname: 'Managed hostname',
  dedicated_custom: 'Dedicated custom',
};

/**
 * The host that tells certificates of one zone apart: most packs also cover the zone
 * apex (and its wildcard), so another host is preferred when there is one.
 */
function distinctiveHost(hosts: readonly string[], zoneName: string | undefined): string | undefined {
  return hosts.find((host) => host !== zoneName && host !== `*.${zoneName ?? ''}`) ?? hosts[0];
}

/** A certificate's hosts in a few words: its distinctive host, and how many others ("shop.example.com +2"). */
export function hostsLabel(hosts: readonly string[], zoneName: string | undefined): string | undefined {
  const host = distinctiveHost(hosts, zoneName);
  return host === undefined ? undefined : hosts.length > 1 ? `${host} +${hosts.length - 1}` : host;
}

export function packTypeLabel(type: string | null | undefined): string {
  return (type && packTypes[type]) ?? (type ? type : 'Certificate pack');
}

const sslModes: Readonly<Record<string, string>> = {
  off: 'Off',
  flexible: 'Flexible',
  full: 'Full',
  strict: 'Full (strict)',
  origin_pull: 'Strict (SSL-only origin pull)',
};

export function sslModeLabel(mode: string | undefined): string | undefined {
  return mode === undefined ? undefined : (sslModes[mode] ?? mode);
}

/** RSA or ECDSA, from Cloudflare's `signature` field (e.g. "ECDSAWithSHA256", "SHA256WithRSA"). */
export function keyTypeFromSignature(signature: string | null | undefined): string | undefined {
  if (!signature) return undefined;
  if (/ecdsa/i.test(signature)) return 'ECDSA';
  if (/rsa/i.test(signature)) return 'RSA';
  return signature;
}

const certificateAuthorities: Readonly<Record<string, string>> = {
  lets_encrypt: "Let's Encrypt",
  google: 'Google Trust Services',
  ssl_com: 'SSL.com',
  digicert: 'DigiCert',
  sectigo: 'Sectigo',
};

export function certificateAuthorityLabel(ca: string | null | undefined): string | undefined {
  return ca ? (certificateAuthorities[ca] ?? ca) : undefined;
}

export function validationMethodLabel(method: string | null | undefined): string | undefined {
  if (!method) return undefined;
  return method === 'email' ? 'E-mail' : method.toUpperCase();
}
