import { fail, type ApiResponse } from './envelope';

/**
 * The error answers the simulator gives, each with the HTTP status and Cloudflare code
 * the facts file records (api-facts §7). Where it records none, the closest documented
 * answer is used and the demo scenario's `notes` say so.
 */
export const cfErrors = {
  /** [SPEC] 4XX example. */
  noRoute: (): ApiResponse => fail(404, [{ code: 7003, message: 'No route for the URI' }]),
  /** An id that names nothing: same code, with Cloudflare's wording for object routes. */
  notFound: (path: string): ApiResponse =>
    fail(404, [{ code: 7003, message: `Could not route to ${path}, perhaps your object identifier is invalid?` }]),
  /** Unknown, disabled or expired token. The facts record no status; 401 is our choice. */
  invalidToken: (): ApiResponse => fail(401, [{ code: 9109, message: 'Invalid access token' }]),
  /** Valid token lacking a permission, or a zone outside its resources. */
  forbidden: (): ApiResponse => fail(403, [{ code: 10000, message: 'Authentication error' }]),
  badAuthorizationHeader: (): ApiResponse =>
    fail(400, [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6111, message: 'Invalid format for Authorization header' }] }]),
  badAuthKey: (): ApiResponse =>
    fail(400, [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6103, message: 'Invalid format for X-Auth-Key header' }] }]),
  badAuthEmail: (): ApiResponse =>
    fail(400, [{ code: 6003, message: 'Invalid request headers', error_chain: [{ code: 6102, message: 'Invalid format for X-Auth-Email header' }] }]),
  /** No credentials at all: not recorded; the closest documented answer is 6003. */
  missingCredentials: (): ApiResponse => fail(400, [{ code: 6003, message: 'Invalid request headers' }]),
  missingAuthorization: (): ApiResponse => fail(400, [{ code: 1001, message: 'Missing "Authorization" header' }]),
  accountTokenOnAccounts: (): ApiResponse =>
    fail(400, [{ code: 1001, message: 'List accounts endpoint does not support account owned tokens.' }]),
  /** Observed for out-of-range paging parameters (cloudflare/cloudflare-go#129). */
  invalidParameter: (detail: string): ApiResponse =>
    fail(400, [{ code: 6008, message: 'Invalid request parameters', error_chain: [{ code: 11000, message: detail }] }]),
  malformedBody: (): ApiResponse => fail(400, [{ code: 6007, message: 'Malformed JSON in request body' }]),
  rateLimited: (retryAfterSeconds: number, headers: Readonly<Record<string, string>> = {}): ApiResponse =>
    fail(429, [{ code: 971, message: 'Please wait and consider throttling your request speed' }], { ...headers, 'retry-after': String(retryAfterSeconds) }),
  /** Lifecycle §3.8: the pack restart is allowed only in validation_timed_out. No code recorded. */
  restartNotAllowed: (status: string): ApiResponse =>
    fail(400, [{ code: 1400, message: `Restarting validation is only allowed for advanced certificate packs in validation_timed_out status (current status: ${status}).` }]),
  /** Lifecycle §3.6: an active certificate's DCV method cannot be changed. No code recorded. */
  methodChangeNotAllowed: (): ApiResponse =>
    fail(400, [{ code: 1400, message: 'The validation method of an active certificate cannot be changed.' }]),
  /** Lifecycle §3.8: error 1440. */
  sslTypeAndMethodRequired: (): ApiResponse => fail(400, [{ code: 1440, message: 'both validation type and method are required' }]),
  invalidBody: (detail: string): ApiResponse => fail(400, [{ code: 1004, message: detail }]),
  serverError: (status: number): ApiResponse => fail(status, [{ code: 10002, message: 'An unknown error has occurred' }]),
};
