import type { ProbeResult, Verdict } from './types';

/**
 * The documented JSON shape of one probe (README "cfcerts probe --json"). The CLI prints
 * it and the webview reads it: add fields, never rename or remove them.
 */
export interface ProbeJson {
  readonly servername: string;
  readonly servernameUnicode: string;
  readonly sni: string | null;
  readonly target: { readonly host: string; readonly port: number; readonly address: string | null; readonly family: 4 | 6 | null };
  readonly verdict: Verdict;
  readonly reasons: readonly string[];
  readonly tls: { readonly protocol: string | null; readonly cipher: string | null; readonly alpn: string | null; readonly ocspStapled: boolean } | null;
  readonly trust: { readonly authorized: boolean; readonly error: string | null; readonly store: string; readonly extraRoots: string | null } | null;
  readonly hostnameMatch: boolean | null;
  readonly chain: readonly ProbeJsonCertificate[];
  readonly dns: ProbeResult['dns'];
  readonly timings: ProbeResult['timings'];
  readonly error: { readonly code: string; readonly message: string; readonly stage: string } | null;
  readonly probedAt: string;
}

export interface ProbeJsonCertificate {
  readonly subject: string;
  readonly issuer: string;
  readonly subjectAltNames: readonly string[];
  readonly serialNumber: string;
  readonly validFrom: string;
  readonly validTo: string;
  readonly daysLeft: number;
  readonly fingerprint256: string;
  readonly keyType: string | null;
  readonly keyBits: number | null;
  readonly curve: string | null;
  readonly signatureAlgorithm: string | null;
  readonly isCA: boolean;
  readonly selfSigned: boolean;
  /** The certificate as served, PEM; null when it was too large to keep. */
  readonly pem: string | null;
}

const round = (ms: number | null): number | null => (ms === null ? null : Math.round(ms * 10) / 10);

export function toProbeJson(result: ProbeResult): ProbeJson {
  return {
    servername: result.servername,
    servernameUnicode: result.servernameUnicode,
    sni: result.sni,
    target: { ...result.target },
    verdict: result.verdict,
    reasons: [...result.reasons],
    tls: result.tls === null ? null : { ...result.tls },
    trust: result.trust === null ? null : { authorized: result.trust.authorized, error: result.trust.error, store: result.trust.store, extraRoots: result.trust.extraRootsLabel },
    hostnameMatch: result.hostnameMatch,
    chain: result.chain.map((cert) => ({
      subject: cert.subject,
      issuer: cert.issuer,
      subjectAltNames: [...cert.subjectAltNames],
      serialNumber: cert.serialNumber,
      validFrom: cert.validFrom,
      validTo: cert.validTo,
      daysLeft: cert.daysLeft,
      fingerprint256: cert.fingerprint256,
      keyType: cert.keyType,
      keyBits: cert.keyBits,
      curve: cert.curve,
      signatureAlgorithm: cert.signatureAlgorithm,
      isCA: cert.isCA,
      selfSigned: cert.selfSigned,
      pem: cert.pem,
    })),
    dns: result.dns,
    timings: { dnsMs: round(result.timings.dnsMs), connectMs: round(result.timings.connectMs), tlsMs: round(result.timings.tlsMs), totalMs: round(result.timings.totalMs) ?? 0 },
    error: result.error === null ? null : { ...result.error },
    probedAt: result.probedAt,
  };
}
