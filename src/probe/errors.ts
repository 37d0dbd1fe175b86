import { AppError, brand, hasBrand } from '../shared/appError';
import type { ProbeStage } from './types';

export type ProbeErrorCode = 'invalid-input' | 'dns' | 'refused' | 'unreachable' | 'timeout' | 'tls-handshake' | 'reset' | 'cancelled';

/** A probe failure with the stage it happened in; `invalid-input` is raised before any network call. */
export class ProbeError extends AppError<ProbeErrorCode> {
  constructor(
    code: ProbeErrorCode,
    message: string,
    readonly stage: ProbeStage,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
    brand(this, 'ProbeError');
  }

  /** True for a ProbeError from any bundle: the probe runs in dist/probe.js. */
  static override is(value: unknown): value is ProbeError {
    return hasBrand(value, 'ProbeError');
  }
}

const connectCodes: Readonly<Record<string, ProbeErrorCode>> = {
  ECONNREFUSED: 'refused',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  EADDRNOTAVAIL: 'unreachable',
  EAFNOSUPPORT: 'unreachable',
  EHOSTDOWN: 'unreachable',
  ECONNRESET: 'reset',
  EPIPE: 'reset',
};

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Maps a socket error to a ProbeError, keeping the original as `cause`. */
export function socketError(error: unknown, stage: 'connect' | 'tls'): ProbeError {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  const mapped = code === undefined ? undefined : connectCodes[code];
  if (mapped !== undefined) {
    return new ProbeError(mapped, message, stage, { cause: error });
  }
  // Everything else after TCP is up (OpenSSL alerts, ERR_SSL_*, protocol mismatches) is the handshake.
  return new ProbeError(stage === 'tls' ? 'tls-handshake' : 'unreachable', message, stage, { cause: error });
}
