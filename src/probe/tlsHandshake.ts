import type { X509Certificate } from 'node:crypto';
import { connect, type ConnectionOptions, type TLSSocket } from 'node:tls';
import { ProbeError, socketError } from './errors';
import { secureContextFor, type TrustRoots } from './offers';
import type { KeyTypeOffer } from './types';

export interface HandshakeRequest {
  readonly address: string;
  readonly port: number;
  /** Null sends no SNI at all. */
  readonly sni: string | null;
  readonly keyType: KeyTypeOffer;
  readonly alpn: readonly string[];
  readonly roots: TrustRoots | undefined;
  /** Milliseconds this handshake may take, connect included. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal | undefined;
}

export interface HandshakeCapture {
  readonly protocol: string | null;
  readonly cipher: string | null;
  readonly alpn: string | null;
  readonly ocspStapled: boolean;
  readonly authorized: boolean;
  readonly authorizationError: string | null;
  /** The leaf, linked through `issuerCertificate` to the rest of the chain as served. */
  readonly peer: X509Certificate | undefined;
}

export interface HandshakeOutcome {
  readonly connectMs: number | null;
  readonly tlsMs: number | null;
  readonly capture: HandshakeCapture | null;
  readonly error: ProbeError | null;
}

function capture(socket: TLSSocket, ocspStapled: boolean): HandshakeCapture {
  // The chain exactly as served, linked through issuerCertificate, read once: in Node 20 a
  // second call gives no chain (getPeerCertificate(true) converts every certificate
  // eagerly and splices in trust-store roots; skipDetailedPeerCertificate stops Node's own).
  const peer = socket.getPeerX509Certificate();
  const authorizationError = socket.authorizationError as Error | string | null | undefined;
  return {
    protocol: socket.getProtocol(),
    cipher: socket.getCipher().standardName,
    alpn: typeof socket.alpnProtocol === 'string' ? socket.alpnProtocol : null,
    ocspStapled,
    authorized: socket.authorized,
    authorizationError: authorizationError === null || authorizationError === undefined ? null : String(authorizationError),
    peer,
  };
}

/**
 * Node's client calls `getPeerCertificate(true)` once a chain verifies, only to hand the
 * result to `checkServerIdentity`, which here ignores it (trust and identity are judged
 * apart, from the chain read once with getPeerX509Certificate). That call turns every
 * certificate into an object with three fingerprints and searches the trust store for the
 * root: about a fifth of a probe's CPU (measured: 675 → 527 ms for 200 names), for nothing. This socket's own copy of the method
 * answers with an empty certificate instead; nothing else calls it.
 */
function skipDetailedPeerCertificate(socket: TLSSocket): void {
  Object.defineProperty(socket, 'getPeerCertificate', { value: () => ({}) });
}

/**
 * One TCP connect and TLS handshake to an address, without letting Node reject the chain
 * (so it is captured even when trust fails) and without Node's own hostname check (so
 * trust and identity are judged apart). Resolves with what happened; rejects only on
 * cancellation. The socket is destroyed on every path.
 */
export function tlsHandshake(request: HandshakeRequest): Promise<HandshakeOutcome> {
  if (request.signal?.aborted === true) {
    return Promise.reject(new ProbeError('cancelled', 'The probe was cancelled.', 'connect', { cause: request.signal.reason }));
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let connectedAt: number | null = null;
    let ocspStapled = false;
    let settled = false;

    // requestOCSP is honoured by tls.connect but missing from its option types.
    const options: ConnectionOptions & { requestOCSP: boolean } = {
      host: request.address,
      port: request.port,
      ...(request.sni === null ? {} : { servername: request.sni }),
      secureContext: secureContextFor(request.keyType, request.roots),
      ALPNProtocols: [...request.alpn],
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      requestOCSP: true,
    };
    const socket = connect(options);
    skipDetailedPeerCertificate(socket);

    const finish = (outcome: HandshakeOutcome | ProbeError): void => {
      if (settled) {
        return;
      }
      settled = true;
      clearTimeout(timer);
      request.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      if (outcome instanceof ProbeError) {
        reject(outcome);
      } else {
        resolve(outcome);
      }
    };
    const elapsedSince = (from: number | null): number | null => (from === null ? null : performance.now() - from);
    const onAbort = (): void => finish(new ProbeError('cancelled', 'The probe was cancelled.', connectedAt === null ? 'connect' : 'tls', { cause: request.signal?.reason }));
    const timer = setTimeout(() => {
      const phase = connectedAt === null ? 'connecting' : 'during the TLS handshake';
      finish({
        connectMs: connectedAt === null ? null : connectedAt - started,
        tlsMs: null,
        capture: null,
        error: new ProbeError('timeout', `No answer within ${request.timeoutMs} ms (${phase}).`, 'timeout'),
      });
    }, Math.max(0, request.timeoutMs));

    request.signal?.addEventListener('abort', onAbort, { once: true });

    socket.once('connect', () => {
      connectedAt = performance.now();
    });
    socket.on('OCSPResponse', (response: Buffer | null) => {
      ocspStapled = response !== null && response.length > 0;
    });
    socket.once('secureConnect', () => {
      const outcome: HandshakeOutcome = {
        connectMs: connectedAt === null ? null : connectedAt - started,
        tlsMs: elapsedSince(connectedAt),
        capture: capture(socket, ocspStapled),
        error: null,
      };
      finish(outcome);
    });
    socket.on('error', (error) => {
      finish({ connectMs: connectedAt === null ? null : connectedAt - started, tlsMs: null, capture: null, error: socketError(error, connectedAt === null ? 'connect' : 'tls') });
    });
    socket.once('close', () => {
      finish({ connectMs: connectedAt === null ? null : connectedAt - started, tlsMs: null, capture: null, error: new ProbeError('reset', 'The server closed the connection before the TLS handshake completed.', connectedAt === null ? 'connect' : 'tls') });
    });
  });
}
