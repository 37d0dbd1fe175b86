import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer, type TlsOptions } from 'node:tls';

/** A loopback server for probe tests; `close()` also destroys every open connection. */
export interface TestServer {
  readonly host: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export interface CertAndKey {
  readonly cert: string | string[];
  readonly key: string | string[];
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function tracked(server: Server, host: string, port: number): TestServer {
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on('connection', (socket: Socket) => {
    accepted++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  return {
    host,
    port,
    connections: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.close(() => resolve());
      }),
  };
}

/**
 * A TLS server on port 0. `sni` maps server names to their own certificate; anything
 * else (and a client sending no SNI) gets the default `options.cert`. `ocspResponse`
 * is stapled to every handshake that asks for one.
 */
export async function startTlsServer(options: TlsOptions & { host?: string; sni?: Readonly<Record<string, CertAndKey>>; ocspResponse?: Buffer }): Promise<TestServer> {
  const { host = '127.0.0.1', sni = {}, ocspResponse, ...tlsOptions } = options;
  const server = createServer(tlsOptions, (socket) => socket.end());
  if (ocspResponse !== undefined) {
    server.on('OCSPRequest', (_certificate: Buffer, _issuer: Buffer, callback: (error: Error | null, response: Buffer) => void) => callback(null, ocspResponse));
  }
  for (const [name, pair] of Object.entries(sni)) {
    server.addContext(name, createSecureContext(pair));
  }
  // A client that aborts the handshake is expected in these tests, not a server failure.
  server.on('tlsClientError', () => undefined);
  const port = await listen(server, host);
  return tracked(server, host, port);
}

/** Accepts TCP connections and never says a word: the timeout case. */
export async function startSilentServer(host = '127.0.0.1'): Promise<TestServer> {
  const server = createTcpServer(() => undefined);
  const port = await listen(server, host);
  return tracked(server, host, port);
}

/** A loopback port nothing listens on (bound, then released). */
export async function refusedPort(host = '127.0.0.1'): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server, host);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** True when this machine can listen on ::1 (containers without IPv6 cannot). */
export async function ipv6Available(): Promise<boolean> {
  const server = createTcpServer();
  try {
    await listen(server, '::1');
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return true;
  } catch {
    return false;
  }
}
