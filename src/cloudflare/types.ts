/**
 * Model types for what the API returns. Field names are Cloudflare's own, because the
 * objects are the raw payloads (checked, never copied): unknown fields stay on them and
 * reach JSON output untouched. Statuses are `string`, not unions: unknown values are
 * kept and shown raw (the status catalog in src/domain/status maps the known ones).
 * Cloudflare sends `null` for "none" in many places, so optional fields admit it.
 */
export type Json = Readonly<Record<string, unknown>>;

export interface Account {
  readonly id: string;
  readonly name?: string | null;
  readonly type?: string | null;
  readonly created_on?: string | null;
}

export interface Zone {
  readonly id: string;
  readonly name: string;
  readonly status?: string | null;
  readonly paused?: boolean | null;
  readonly type?: string | null;
  readonly account?: { readonly id?: string | null; readonly name?: string | null } | null;
  readonly plan?: { readonly id?: string | null; readonly name?: string | null } | null;
  readonly created_on?: string | null;
  readonly modified_on?: string | null;
  readonly activated_on?: string | null;
  readonly name_servers?: readonly string[] | null;
}

/** The zone setting `ssl`: `value` is off | flexible | full | strict ("Full (strict)"). */
export interface SslModeSetting {
  readonly id?: string | null;
  readonly value: string;
  readonly editable?: boolean | null;
  readonly modified_on?: string | null;
}

export interface ValidationRecord {
  readonly txt_name?: string | null;
  readonly txt_value?: string | null;
  readonly http_url?: string | null;
  readonly http_body?: string | null;
  readonly emails?: readonly string[] | null;
  readonly cname?: string | null;
  readonly cname_target?: string | null;
  readonly status?: string | null;
}

export interface ValidationError {
  readonly message?: string | null;
}

export interface PackCertificate {
  readonly id?: string | number | null;
  readonly hosts?: readonly string[] | null;
  readonly status?: string | null;
  readonly issuer?: string | null;
  readonly signature?: string | null;
  readonly bundle_method?: string | null;
  readonly expires_on?: string | null;
  readonly uploaded_on?: string | null;
  readonly modified_on?: string | null;
  readonly priority?: number | null;
  readonly zone_id?: string | null;
}

export interface CertificatePack {
  readonly id: string;
  readonly type?: string | null;
  readonly status?: string | null;
  readonly hosts?: readonly string[] | null;
  readonly certificates?: readonly PackCertificate[] | null;
  readonly primary_certificate?: string | number | null;
  readonly certificate_authority?: string | null;
  readonly validation_method?: string | null;
  readonly validity_days?: number | null;
  readonly cloudflare_branding?: boolean | null;
  readonly validation_errors?: readonly ValidationError[] | null;
  readonly validation_records?: readonly ValidationRecord[] | null;
  readonly dcv_delegation_records?: readonly ValidationRecord[] | null;
}

export interface CertificatePackQuota {
  readonly advanced?: { readonly allocated?: number | null; readonly used?: number | null } | null;
}

export interface SslVerification {
  readonly certificate_status?: string | null;
  readonly cert_pack_uuid?: string | null;
  readonly hostname?: string | null;
  readonly validation_method?: string | null;
  readonly verification_type?: string | null;
  readonly verification_status?: boolean | null;
  readonly signature?: string | null;
  readonly brand_check?: boolean | null;
  readonly verification_info?: unknown;
}

export interface UniversalSslSettings {
  readonly enabled?: boolean | null;
}

export interface CustomCertificate {
  readonly id: string;
  readonly hosts?: readonly string[] | null;
  readonly issuer?: string | null;
  readonly signature?: string | null;
  readonly status?: string | null;
  readonly bundle_method?: string | null;
  readonly zone_id?: string | null;
  readonly uploaded_on?: string | null;
  readonly modified_on?: string | null;
  readonly expires_on?: string | null;
  readonly priority?: number | null;
  readonly policy?: string | null;
  readonly policy_restrictions?: string | null;
  readonly custom_csr_id?: string | null;
}

export interface CustomHostnameSsl {
  readonly id?: string | null;
  readonly status?: string | null;
  readonly method?: string | null;
  readonly type?: string | null;
  readonly certificate_authority?: string | null;
  readonly bundle_method?: string | null;
  readonly wildcard?: boolean | null;
  readonly settings?: Json | null;
  readonly validation_records?: readonly ValidationRecord[] | null;
  readonly validation_errors?: readonly ValidationError[] | null;
  readonly dcv_delegation_records?: readonly ValidationRecord[] | null;
  readonly issuer?: string | null;
  readonly serial_number?: string | null;
  readonly signature?: string | null;
  readonly hosts?: readonly string[] | null;
  readonly expires_on?: string | null;
  readonly uploaded_on?: string | null;
  readonly custom_csr_id?: string | null;
}

export interface CustomHostname {
  readonly id: string;
  readonly hostname: string;
  /** Hostname activation status; the certificate's is `ssl.status`. */
  readonly status?: string | null;
  readonly ssl?: CustomHostnameSsl | null;
  readonly verification_errors?: readonly string[] | null;
  readonly ownership_verification?: { readonly type?: string | null; readonly name?: string | null; readonly value?: string | null } | null;
  readonly ownership_verification_http?: { readonly http_url?: string | null; readonly http_body?: string | null } | null;
  readonly created_at?: string | null;
  readonly custom_metadata?: Json | null;
  readonly custom_origin_server?: string | null;
  readonly custom_origin_sni?: string | null;
}

export interface FallbackOrigin {
  readonly origin?: string | null;
  readonly status?: string | null;
  readonly errors?: readonly string[] | null;
  readonly created_at?: string | null;
  readonly updated_at?: string | null;
}

export interface ClientCertificate {
  readonly id: string;
  readonly status?: string | null;
  readonly certificate?: string | null;
  readonly csr?: string | null;
  readonly common_name?: string | null;
  readonly certificate_authority?: { readonly id?: string | null; readonly name?: string | null } | null;
  readonly fingerprint_sha256?: string | null;
  readonly serial_number?: string | null;
  readonly signature?: string | null;
  readonly ski?: string | null;
  readonly validity_days?: number | null;
  readonly issued_on?: string | null;
  readonly expires_on?: string | null;
}

/** The verify result, plus which check answered (`via`; not a Cloudflare field). */
export interface TokenVerification {
  readonly id?: string | null;
  readonly status: string;
  readonly not_before?: string | null;
  readonly expires_on?: string | null;
  readonly via: 'user' | 'account' | 'globalKey';
}

/** Answer of PATCH ssl/verification/{id}. */
export interface VerificationMethodChange {
  readonly status?: string | null;
  readonly validation_method?: string | null;
}

/** `GET /ips`. */
export interface CloudflareIps {
  readonly ipv4_cidrs?: readonly string[] | null;
  readonly ipv6_cidrs?: readonly string[] | null;
  readonly etag?: string | null;
}

/** `GET /zones/{zone_id}/dcv_delegation/uuid`. */
export interface DcvDelegationUuid {
  readonly uuid: string;
}
