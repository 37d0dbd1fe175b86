/**
 * The probe's data shapes. Every result is plain, JSON-serialisable data: the CLI prints
 * it, the webview receives it, and tests compare it, without any live socket attached.
 */

export type AddressFamilyOption = 'any' | 4 | 6;
export type KeyTypeOffer = 'any' | 'rsa' | 'ecdsa';
export type AlpnOffer = 'h2' | 'http/1.1';

/** Where a failure happened. A deadline that expires is its own stage, whatever was running. */
export type ProbeStage = 'input' | 'dns' | 'connect' | 'tls' | 'timeout';

export type Verdict =
  | 'dns-failed'
  | 'unreachable'
  | 'timeout'
  | 'handshake-failed'
  | 'expired'
  | 'not-yet-valid'
  | 'untrusted'
  | 'hostname-mismatch'
  | 'unexpected-certificate'
  | 'expiring'
  | 'ok';

/** What the API says should be served. Every field is optional; absent ones are not checked. */
export interface Expectation {
  readonly hostnames?: readonly string[];
  /** ISO date or Date of the expected notAfter; compared within a minute. */
  readonly expiresOn?: string | Date;
  /** Matched case-insensitively as a substring of the leaf's issuer DN (a CA name, an O=…). */
  readonly issuer?: string;
  /** Hex, with or without colons or leading zeros. */
  readonly serialNumber?: string;
}

export interface DnsReport {
  readonly name: string;
  /** Each CNAME hop in order, not including `name` itself. */
  readonly cnameChain: readonly string[];
  readonly a: readonly string[];
  readonly aaaa: readonly string[];
  /** Set when the name did not resolve; addresses found by the system lookup may still be listed. */
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly ms: number;
}

export interface CertificateSummary {
  readonly subject: string;
  readonly commonName: string | null;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  /** Upper-case hex, as Node prints it. */
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  /** Whole days until validTo, negative once expired. */
  readonly daysLeft: number;
  /** Colon-separated upper-case hex, as Node prints it. */
  readonly fingerprint256: string;
  /** 'rsa', 'ec', 'ed25519', … (Node's asymmetricKeyType). */
  readonly keyType: string | null;
  readonly keyBits: number | null;
  /** NIST name when known (P-256), else the ASN.1 curve name. */
  readonly curve: string | null;
  readonly signatureAlgorithm: string | null;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  /** The certificate as served, PEM; null when it was larger than the probe keeps (see pem.ts). */
  readonly pem: string | null;
}

export interface ProbeFailure {
  readonly code: string;
  readonly message: string;
  readonly stage: ProbeStage;
}

export interface TrustReport {
  readonly authorized: boolean;
  /** OpenSSL's verification code (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE, …). */
  readonly error: string | null;
  /** `default`: the runtime's roots; `bundled+extra`: Node's bundled roots plus `extraRootsLabel`. */
  readonly store: 'default' | 'bundled+extra';
  readonly extraRootsLabel: string | null;
}

export interface ProbeResult {
  /** ASCII (punycode) form of the name probed; an IP literal when the input was one. */
  readonly servername: string;
  readonly servernameUnicode: string;
  /** The SNI actually sent, or null. */
  readonly sni: string | null;
  readonly target: { readonly host: string; readonly port: number; readonly address: string | null; readonly family: 4 | 6 | null };
  readonly offer: { readonly keyType: KeyTypeOffer; readonly alpn: readonly string[]; readonly family: AddressFamilyOption };
  readonly dns: { readonly connect: DnsReport | null; readonly servername: DnsReport | null };
  readonly timings: { readonly dnsMs: number | null; readonly connectMs: number | null; readonly tlsMs: number | null; readonly totalMs: number };
  readonly tls: { readonly protocol: string | null; readonly cipher: string | null; readonly alpn: string | null; readonly ocspStapled: boolean } | null;
  readonly trust: TrustReport | null;
  /** Null when no handshake completed. */
  readonly hostnameMatch: boolean | null;
  readonly hostnameError: string | null;
  readonly chain: readonly CertificateSummary[];
  readonly error: ProbeFailure | null;
  readonly verdict: Verdict;
  /** Why the verdict is what it is, one short sentence each. */
  readonly reasons: readonly string[];
  readonly probedAt: string;
}
