import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { Duplex } from 'node:stream';
import { join } from 'node:path';
import { createSecureContext, createServer, type SecureContext, type Server } from 'node:tls';
import type { Logger } from '../../shared/logger';
import { createCertificateAuthority, type CertificateAuthority, type IssuedCertificate, type KeyKind } from '../pki';
import type { SimulatorState } from '../state/simulatorState';
import { firstRecordLength, offersEcdsa } from './clientHello';
import { servedFor, type ServedCertificate } from './edgeCatalog';

const maxHelloBytes = 16_389;

export interface TlsEdgeOptions {
  readonly state: SimulatorState;
  readonly host: string;
  readonly port: number;
  readonly caFile?: string;
  readonly now: () => number;
  readonly logger: Logger;
}

export interface TlsEdge {
  readonly port: number;
  readonly caFile: string;
  readonly caPem: string;
  close(): Promise<void>;
}

/** Intermediate names as the real CAs use them, per API issuer and key type. */
const intermediateNames: Readonly<Record<string, { readonly rsa: string; readonly ecdsa: string; readonly organization: string }>> = {
  GoogleTrustServices: { rsa: 'WR1', ecdsa: 'WE1', organization: 'Google Trust Services' },
  LetsEncrypt: { rsa: 'R11', ecdsa: 'E6', organization: "Let's Encrypt" },
  SSLCom: { rsa: 'SSL.com TLS Issuing RSA CA R1', ecdsa: 'SSL.com TLS Issuing ECC CA R2', organization: 'SSL Corp' },
  DigiCertInc: { rsa: 'DigiCert Global G2 TLS RSA SHA256 2020 CA1', ecdsa: 'DigiCert Global G3 TLS ECC SHA384 2020 CA1', organization: 'DigiCert Inc' },
};

function intermediateName(issuer: string, kind: KeyKind): { commonName: string; organization: string } {
  const known = intermediateNames[issuer];
  return known === undefined ? { commonName: issuer, organization: issuer } : { commonName: known[kind], organization: known.organization };
}

function cacheKey(served: ServedCertificate): string {
  return [served.keyKind, served.hosts.join(','), served.issuer, served.notAfter.getTime(), served.serialNumber ?? ''].join('|');
}

/**
 * The socket as a stream that first replays the bytes already read. Node's TLS layer
 * reads a plain socket's handle directly and would miss them; over a JS stream it does not.
 */
function replaying(socket: Socket, head: Buffer): Duplex {
  const stream = new Duplex({
    read: () => {
      socket.resume();
    },
    write: (chunk: Buffer, _encoding, callback) => {
      socket.write(chunk, (error) => callback(error ?? null));
    },
    final: (callback) => {
      socket.end();
      callback();
    },
    destroy: (error, callback) => {
      socket.destroy();
      callback(error);
    },
  });
  stream.push(head);
  socket.on('data', (chunk: Buffer) => {
    if (!stream.push(chunk)) socket.pause();
  });
  socket.on('end', () => stream.push(null));
  socket.on('close', () => stream.destroy());
  return stream;
}

/**
 * The simulated TLS edge: for each SNI name, the certificate(s) the scenario says are
 * active, signed by CA-named intermediates under a local root it writes to `caFile`.
 * Certificates are made lazily and cached; a pack with RSA and ECDSA serves whichever
 * the client's signature algorithms ask for.
 */
export async function startTlsEdge(options: TlsEdgeOptions): Promise<TlsEdge> {
  const root = await createCertificateAuthority({ commonName: 'cfcerts Simulator Root CA', organization: 'cfcerts simulator (test only)' });
  // A temp folder the edge made is removed on close; a path the caller gave is left in place.
  const folder = options.caFile === undefined ? await mkdtemp(join(tmpdir(), 'cfcerts-simulator-')) : undefined;
  const caFile = options.caFile ?? join(folder ?? tmpdir(), 'simulator-ca.pem');
  await writeFile(caFile, root.certPem, 'utf8');

  const intermediates = new Map<string, Promise<CertificateAuthority>>();
  const leaves = new Map<string, Promise<IssuedCertificate & { chainPem: string }>>();
  const contexts = new Map<string, Promise<SecureContext>>();

  function intermediate(issuer: string, kind: KeyKind): Promise<CertificateAuthority> {
    const key = `${issuer}|${kind}`;
    let found = intermediates.get(key);
    if (found === undefined) {
      found = createCertificateAuthority({ ...intermediateName(issuer, kind), keyKind: kind, parent: root });
      intermediates.set(key, found);
    }
    return found;
  }

  function leaf(served: ServedCertificate): Promise<IssuedCertificate & { chainPem: string }> {
    const key = cacheKey(served);
    let found = leaves.get(key);
    if (found === undefined) {
      found = (async () => {
        const authority = await intermediate(served.issuer, served.keyKind);
        // Lifecycle time may run ahead of real time; a leaf must be valid by the real clock.
        const notBefore = new Date(Math.min(served.notBefore?.getTime() ?? Infinity, Date.now() - 3_600_000));
        const issued = await authority.issue({ hosts: [...served.hosts], keyKind: served.keyKind, notBefore, notAfter: served.notAfter, serialNumber: served.serialNumber });
        return { ...issued, chainPem: issued.certPem + authority.certPem };
      })();
      leaves.set(key, found);
    }
    return found;
  }

  function context(served: ServedCertificate): Promise<SecureContext> {
    const key = cacheKey(served);
    let found = contexts.get(key);
    if (found === undefined) {
      found = leaf(served).then((issued) => createSecureContext({ cert: issued.chainPem, key: issued.keyPem }));
      contexts.set(key, found);
    }
    return found;
  }

  /** One TLS server per key preference: each SNI callback serves that kind when the pack has it. */
  function tlsServer(preferred: KeyKind): Server {
    const server = createServer({
      ALPNProtocols: ['h2', 'http/1.1'],
      SNICallback: (servername, callback) => {
        const served = servedFor(options.state, servername, options.now());
        const chosen = served?.find((item) => item.keyKind === preferred) ?? served?.[0];
        if (chosen === undefined) {
          // Cloudflare's edge has no certificate for the name: the handshake fails.
          callback(new Error(`no certificate for ${servername}`), undefined);
          return;
        }
        context(chosen).then((secureContext) => callback(null, secureContext), (error: unknown) => {
          options.logger.error(error instanceof Error ? error : String(error));
          callback(error instanceof Error ? error : new Error(String(error)), undefined);
        });
      },
    });
    server.on('secureConnection', (socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n'));
    server.on('tlsClientError', (error) => options.logger.debug(`simulator TLS edge: ${error.message}`));
    return server;
  }

  const servers = { ecdsa: tlsServer('ecdsa'), rsa: tlsServer('rsa') };
  const sockets = new Set<Socket>();
  // The front door reads the ClientHello, then hands the socket to the TLS server for its key kind.
  const front = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer): void => {
      buffered = Buffer.concat([buffered, chunk]);
      const needed = firstRecordLength(buffered);
      if ((needed === undefined || buffered.length < needed) && buffered.length < maxHelloBytes) return;
      socket.off('data', onData);
      servers[offersEcdsa(buffered) ? 'ecdsa' : 'rsa'].emit('connection', replaying(socket, buffered));
    };
    socket.on('data', onData);
  });

  const port = await new Promise<number>((resolve, reject) => {
    front.once('error', reject);
    front.listen(options.port, options.host, () => resolve((front.address() as AddressInfo).port));
  });
  return {
    port,
    caFile,
    caPem: root.certPem,
    close: async () => {
      await new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        front.close(() => resolve());
      });
      if (folder !== undefined) await rm(folder, { recursive: true, force: true });
    },
  };
}
