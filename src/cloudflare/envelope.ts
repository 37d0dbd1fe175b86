import { type CloudflareMessage } from './errors';

/** Pagination info as Cloudflare sends it; every field may be missing. */
export interface ResultInfo {
  readonly page?: number;
  readonly per_page?: number;
  readonly count?: number;
  readonly total_count?: number;
  readonly total_pages?: number;
}

/** The v4 envelope, read leniently: wrong-typed parts are dropped, never trusted. */
export interface Envelope {
  readonly success: boolean | undefined;
  readonly errors: readonly CloudflareMessage[];
  readonly messages: readonly CloudflareMessage[];
  readonly result: unknown;
  readonly resultInfo: ResultInfo | undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns undefined when the text is not JSON or not an object. */
export function parseEnvelope(text: string): Envelope | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isRecord(body)) {
    return undefined;
  }
  return {
    success: typeof body['success'] === 'boolean' ? body['success'] : undefined,
    errors: readMessages(body['errors']),
    messages: readMessages(body['messages']),
    result: body['result'],
    resultInfo: readResultInfo(body['result_info']),
  };
}

/** Flattens `error_chain` after its parent so the root cause (e.g. 6111) is visible too. */
function readMessages(value: unknown, out: CloudflareMessage[] = []): CloudflareMessage[] {
  if (!Array.isArray(value)) {
    return out;
  }
  for (const entry of value) {
    if (isRecord(entry)) {
      const code = entry['code'];
      const message = entry['message'];
      out.push({
        code: typeof code === 'number' ? code : Number(code) || 0,
        message: typeof message === 'string' ? message : '',
      });
      readMessages(entry['error_chain'], out);
    }
  }
  return out;
}

function readResultInfo(value: unknown): ResultInfo | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const info: Record<string, number> = {};
  for (const key of ['page', 'per_page', 'count', 'total_count', 'total_pages']) {
    const field = value[key];
    if (typeof field === 'number' && Number.isFinite(field)) {
      info[key] = field;
    }
  }
  return info;
}
