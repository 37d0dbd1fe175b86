/**
 * Cloudflare's response envelope, in one place: `success`, `errors[{code,message}]`,
 * `messages`, `result`, and `result_info` on lists (api-facts §2).
 */
export interface CfMessage {
  readonly code: number;
  readonly message: string;
  readonly error_chain?: readonly CfMessage[];
}

export interface ResultInfo {
  readonly page: number;
  readonly per_page: number;
  readonly count: number;
  readonly total_count: number;
  readonly total_pages: number;
}

/** What a route handler answers; the server turns it into bytes. */
export interface ApiResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export function ok(result: unknown, options: { resultInfo?: ResultInfo; messages?: readonly CfMessage[]; status?: number } = {}): ApiResponse {
  const body: Record<string, unknown> = { success: true, errors: [], messages: options.messages ?? [], result };
  if (options.resultInfo !== undefined) {
    body['result_info'] = options.resultInfo;
  }
  return { status: options.status ?? 200, body };
}

export function fail(status: number, errors: readonly CfMessage[], headers?: Readonly<Record<string, string>>): ApiResponse {
  return { status, body: { success: false, errors, messages: [], result: null }, ...(headers === undefined ? {} : { headers }) };
}
