import { type Dispatcher } from 'undici';
import { CloudflareApiError } from './errors';
import { isRetryableNetworkError } from './retryPolicy';

export interface RawRequest {
  readonly origin: string;
  readonly path: string;
  readonly method: Dispatcher.HttpMethod;
  readonly headers: Record<string, string>;
  readonly body: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly timeoutMs: number;
  /** Largest body read; a larger one is refused (by Content-Length before reading, else at the cap). */
  readonly maxBytes: number;
  /** Told of every body chunk read, for the transport's count of bytes received. */
  readonly onBytes: (count: number) => void;
  /** For messages only: "GET /zones?page=2". */
  readonly label: string;
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

/**
 * A failed exchange (network or HTTP), tagged with whether trying again could help and
 * whether the request provably never reached the server (so even a write may be repeated).
 */
export class CallFailure {
  constructor(
    readonly error: CloudflareApiError,
    readonly retryable: boolean,
    readonly neverSent = false,
  ) {}
}

// No connection was made, so nothing was sent: the name did not resolve, or the port refused.
const notSentCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export function cancelledError(label: string, reason: unknown): CloudflareApiError {
  return new CloudflareApiError('cancelled', `The request was cancelled (${label})`, { cause: reason });
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 ** 2) * 10) / 10} MB`;
}

/** Not retried: the same request would bring the same body. */
function tooLarge(request: RawRequest, what: string): CallFailure {
  const message = `Cloudflare sent a response larger than the ${megabytes(request.maxBytes)} this client reads (it ${what}); it was not read (${request.label})`;
  return new CallFailure(new CloudflareApiError('bad_response', message), false);
}

/** The body as text, read chunk by chunk; undefined (and the stream destroyed) past `maxBytes`. */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): void }, request: RawRequest): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    request.onBytes(chunk.length);
    if (size > request.maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/**
 * One HTTP exchange, body included, under one timer. The timer is real time on purpose:
 * it guards against a stalled socket, which an accelerated test clock does not speed up.
 */
export async function httpCall(dispatcher: Dispatcher, request: RawRequest): Promise<RawResponse | CallFailure> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, request.timeoutMs);
  const { signal } = request;
  const onAbort = (): void => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await dispatcher.request({
      origin: request.origin,
      path: request.path,
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
    });
    const declared = Number(response.headers['content-length']);
    if (Number.isFinite(declared) && declared > request.maxBytes) {
      response.body.destroy();
      return tooLarge(request, `announces ${megabytes(declared)}`);
    }
    const text = await readCapped(response.body, request);
    if (text === undefined) {
      return tooLarge(request, 'went on past it');
    }
    return { status: response.statusCode, headers: response.headers, text };
  } catch (error) {
    if (signal?.aborted === true) {
      throw cancelledError(request.label, signal.reason);
    }
    if (timedOut) {
      return new CallFailure(new CloudflareApiError('timeout', `Cloudflare did not answer within ${request.timeoutMs} ms (${request.label})`, { cause: error }), false);
    }
    const code = (error as { code?: unknown } | null)?.code;
    const why = typeof code === 'string' ? code : error instanceof Error ? error.message : 'unknown error';
    const neverSent = typeof code === 'string' && notSentCodes.has(code);
    return new CallFailure(new CloudflareApiError('network', `Could not reach Cloudflare: ${why} (${request.label})`, { cause: error }), isRetryableNetworkError(error), neverSent);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
