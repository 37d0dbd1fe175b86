import { arrayOf, isBoolean, isNumber, isObject, isString, maybe, oneOf, optional, type Shape, shape, strings } from './guards';
import type * as T from './types';

// Every field except identifiers is `maybe`: missing or null is fine, a wrong type is not.
const str = maybe(isString);
const num = maybe(isNumber);
const bool = maybe(isBoolean);
const strList = maybe(strings);
const obj = maybe(isObject);
const idLike = oneOf(isString, isNumber);

const validationRecord = shape<T.ValidationRecord>({ txt_name: str, txt_value: str, http_url: str, http_body: str, emails: strList, cname: str, cname_target: str, status: str });
const validationRecords = maybe(arrayOf(validationRecord));
const validationErrors = maybe(arrayOf(shape<T.ValidationError>({ message: str })));
const idName = maybe(shape<{ id?: string; name?: string }>({ id: str, name: str }));

export const accountShape: Shape<T.Account> = { id: isString, name: str, type: str, created_on: str };

export const zoneShape: Shape<T.Zone> = {
  id: isString,
  name: isString,
  status: str,
  paused: bool,
  type: str,
  account: idName,
  plan: idName,
  created_on: str,
  modified_on: str,
  activated_on: str,
  name_servers: strList,
};

export const sslModeShape: Shape<T.SslModeSetting> = { id: str, value: isString, editable: bool, modified_on: str };

const packCertificate = shape<T.PackCertificate>({
  id: maybe(idLike),
  hosts: strList,
  status: str,
  issuer: str,
  signature: str,
  bundle_method: str,
  expires_on: str,
  uploaded_on: str,
  modified_on: str,
  priority: num,
  zone_id: str,
});

export const certificatePackShape: Shape<T.CertificatePack> = {
  id: isString,
  type: str,
  status: str,
  hosts: strList,
  certificates: maybe(arrayOf(packCertificate)),
  primary_certificate: maybe(idLike),
  certificate_authority: str,
  validation_method: str,
  validity_days: num,
  cloudflare_branding: bool,
  validation_errors: validationErrors,
  validation_records: validationRecords,
  dcv_delegation_records: validationRecords,
};

export const quotaShape: Shape<T.CertificatePackQuota> = {
  advanced: maybe(shape<{ allocated?: number; used?: number }>({ allocated: num, used: num })),
};

export const sslVerificationShape: Shape<T.SslVerification> = {
  certificate_status: str,
  cert_pack_uuid: str,
  hostname: str,
  validation_method: str,
  verification_type: str,
  verification_status: bool,
  signature: str,
  brand_check: bool,
  verification_info: optional(() => true),
};

export const universalSslShape: Shape<T.UniversalSslSettings> = { enabled: bool };

export const customCertificateShape: Shape<T.CustomCertificate> = {
  id: isString,
  hosts: strList,
  issuer: str,
  signature: str,
  status: str,
  bundle_method: str,
  zone_id: str,
  uploaded_on: str,
  modified_on: str,
  expires_on: str,
  priority: num,
  policy: str,
  policy_restrictions: str,
  custom_csr_id: str,
};

const customHostnameSsl = shape<T.CustomHostnameSsl>({
  id: str,
  status: str,
  method: str,
  type: str,
  certificate_authority: str,
  bundle_method: str,
  wildcard: bool,
  settings: obj,
  validation_records: validationRecords,
  validation_errors: validationErrors,
  dcv_delegation_records: validationRecords,
  issuer: str,
  serial_number: str,
  signature: str,
  hosts: strList,
  expires_on: str,
  uploaded_on: str,
  custom_csr_id: str,
});

export const customHostnameShape: Shape<T.CustomHostname> = {
  id: isString,
  hostname: isString,
  status: str,
  ssl: maybe(customHostnameSsl),
  verification_errors: strList,
  ownership_verification: maybe(shape<{ type?: string; name?: string; value?: string }>({ type: str, name: str, value: str })),
  ownership_verification_http: maybe(shape<{ http_url?: string; http_body?: string }>({ http_url: str, http_body: str })),
  created_at: str,
  custom_metadata: obj,
  custom_origin_server: str,
  custom_origin_sni: str,
};

export const fallbackOriginShape: Shape<T.FallbackOrigin> = { origin: str, status: str, errors: strList, created_at: str, updated_at: str };

export const clientCertificateShape: Shape<T.ClientCertificate> = {
  id: isString,
  status: str,
  certificate: str,
  csr: str,
  common_name: str,
  certificate_authority: idName,
  fingerprint_sha256: str,
  serial_number: str,
  signature: str,
  ski: str,
  validity_days: num,
  issued_on: str,
  expires_on: str,
};

export const tokenVerifyShape: Shape<Omit<T.TokenVerification, 'via'>> = { id: str, status: isString, not_before: str, expires_on: str };

export const methodChangeShape: Shape<T.VerificationMethodChange> = { status: str, validation_method: str };

export const cloudflareIpsShape: Shape<T.CloudflareIps> = { ipv4_cidrs: strList, ipv6_cidrs: strList, etag: str };

export const dcvDelegationUuidShape: Shape<T.DcvDelegationUuid> = { uuid: isString };
