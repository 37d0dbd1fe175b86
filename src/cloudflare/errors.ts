import { AppError, brand, hasBrand } from '../shared/appError';

/**
 * Stable codes callers match on. `invalid_token` covers unknown, revoked and malformed
 * credentials; `expired_token` a token whose verify status is `expired` or `disabled`;
 * `missing_permission` a valid token without the permission group the call needs;
 * `incomplete_listing` a list the pager cut short (the items read are kept);
 * `no_progress` a run that received nothing new for its whole no-progress deadline.
 */
export type CloudflareErrorCode =
  | 'invalid_token'
  | 'expired_token'
  | 'missing_permission'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'bad_response'
  | 'bad_request'
  | 'incomplete_listing'
  | 'no_progress'
  | 'no_credentials'
  | 'cancelled';

/** One entry of the envelope's `errors` (with any `error_chain` flattened after its parent). */
export interface CloudflareMessage {
  readonly code: number;
  readonly message: string;
}

export interface CloudflareApiErrorInit {
  readonly status?: number;
  readonly cloudflareErrors?: readonly CloudflareMessage[];
  /** The dashboard name of the permission the call needs, e.g. "SSL and Certificates: Read". */
  readonly permission?: string;
  /** How long Cloudflare asked us to wait (429), in milliseconds. */
  readonly retryAfterMs?: number;
  readonly method?: string;
  readonly path?: string;
  readonly cause?: unknown;
}

export class CloudflareApiError extends AppError<CloudflareErrorCode> {
  readonly status: number | undefined;
  readonly cloudflareErrors: readonly CloudflareMessage[];
  readonly permission: string | undefined;
  readonly retryAfterMs: number | undefined;
  readonly method: string | undefined;
  readonly path: string | undefined;

  constructor(code: CloudflareErrorCode, message: string, init: CloudflareApiErrorInit = {}) {
    super(code, message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.cloudflareErrors = init.cloudflareErrors ?? [];
    this.permission = init.permission;
    this.retryAfterMs = init.retryAfterMs;
    this.method = init.method;
    this.path = init.path;
    brand(this, 'CloudflareApiError');
  }

  /** True for a CloudflareApiError from any bundle: the client runs in dist/cloudflare.js. */
  static override is(value: unknown): value is CloudflareApiError {
    return hasBrand(value, 'CloudflareApiError');
  }
}
