import { type CloudflareMessage } from './errors';
import { maxJsonDepth, nestedDeeperThan } from './jsonDepth';

/** Levels of `error_chain` read below a top-level error; the root cause is rarely past 3. */
export const maxChainDepth = 16;
/** Messages kept from one envelope, chains included. */
export const maxMessages = 100;
/** Characters kept of one message; the rest is cut with an ellipsis. */
export const maxMessageLength = 1000;

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

/** Returns undefined when the text is not JSON, not an object, or nested past `maxJsonDepth`. */
export function parseEnvelope(text: string): Envelope | undefined {
  if (nestedDeeperThan(text, maxJsonDepth)) {
    return undefined;
  }
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

/**
 * Flattens `error_chain` after its parent so the root cause (e.g. 6111) is visible too.
 * Iterative, with the chain depth, the message count and each message's length bounded:
 * the server decides how deep and long these are.
 */
function readMessages(value: unknown): CloudflareMessage[] {
  const out: CloudflareMessage[] = [];
  const stack: Array<{ readonly entries: readonly unknown[]; next: number; readonly depth: number }> = [];
  if (Array.isArray(value)) {
    stack.push({ entries: value, next: 0, depth: 0 });
  }
  while (stack.length > 0 && out.length < maxMessages) {
    const top = stack[stack.length - 1];
    if (top === undefined || top.next >= top.entries.length) {
      stack.pop();
      continue;
    }
    const entry = top.entries[top.next++];
    if (!isRecord(entry)) {
      continue;
    }
    const code = entry['code'];
    const message = entry['message'];
    out.push({
      code: typeof code === 'number' ? code : Number(code) || 0,
      message: typeof message === 'string' ? cut(message) : '',
    });
    const chain = entry['error_chain'];
    if (Array.isArray(chain) && top.depth < maxChainDepth) {
      stack.push({ entries: chain, next: 0, depth: top.depth + 1 });
    }
  }
  return out;
}

function cut(message: string): string {
  return message.length <= maxMessageLength ? message : `${message.slice(0, maxMessageLength - 1)}…`;
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
