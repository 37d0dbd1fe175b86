import * as http from 'node:http';
import * as net from 'node:net';

export interface HttpTestServer {
  readonly server: http.Server;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * An HTTP server on 127.0.0.1, port 0 (ky's pattern): `close()` drops keep-alive and
 * tunnelled sockets too, so a test never hangs on teardown.
 */
export async function startHttpServer(handler: http.RequestListener): Promise<HttpTestServer> {
  const server = http.createServer(handler);
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy();
        }
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface ProxyTestServer extends HttpTestServer {
  /** `CONNECT host:port` targets and absolute-form request URLs, in arrival order. */
  readonly seen: string[];
}

/**
 * A forward proxy on loopback that records what it is asked for. CONNECT tunnels are
 * piped only to 127.0.0.1 targets; anything else is refused, so no test reaches out.
 */
export async function startProxyServer(): Promise<ProxyTestServer> {
  const seen: string[] = [];
  const tunnels = new Set<net.Socket>();
  const base = await startHttpServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    response.writeHead(502).end();
  });
  base.server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    const target = request.url ?? '';
    seen.push(`CONNECT ${target}`);
    const match = /^127\.0\.0\.1:(\d+)$/.exec(target);
    if (match === null) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = net.connect(Number(match[1]), '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    tunnels.add(upstream).add(client);
    const drop = (): void => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', drop);
    client.on('error', drop);
  });
  return {
    ...base,
    seen,
    close: async () => {
      for (const socket of tunnels) {
        socket.destroy();
      }
      await base.close();
    },
  };
}
