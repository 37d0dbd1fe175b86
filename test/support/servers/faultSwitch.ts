import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How a switched-on route fails: an HTTP status with a Cloudflare error envelope, or a cut connection. */
export type SwitchedFault = { readonly status: number } | { readonly drop: true };

export interface FaultSwitch {
  /** The API base URL to point a client at: the simulator's, through this switch. */
  readonly baseUrl: string;
  /** From now on, requests whose path matches fail as told (until `heal`). */
  fail(path: RegExp, fault: SwitchedFault): void;
  heal(): void;
  close(): Promise<void>;
}

/**
 * A pass-through in front of the simulator (or a literal account) whose faults are switched on while a test runs,
 * so a first load succeeds and a later one fails exactly where the test says, however many
 * requests the first one took.
 */
export async function startFaultSwitch(targetBaseUrl: string): Promise<FaultSwitch> {
  const target = new URL(targetBaseUrl);
  let faults: { path: RegExp; fault: SwitchedFault }[] = [];
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', target);
    const hit = faults.find((entry) => entry.path.test(url.pathname));
    if (hit !== undefined) {
      if ('drop' in hit.fault) {
        request.socket.destroy();
        return;
      }
      response.writeHead(hit.fault.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ success: false, errors: [{ code: 10000 + hit.fault.status, message: 'Service unavailable (test fault)' }], messages: [], result: null }));
      return;
    }
    const headers = Object.fromEntries(Object.entries(request.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[0] !== 'host'));
    fetch(new URL(url.pathname + url.search, target), { method: request.method ?? 'GET', headers })
      .then(async (answer) => {
        const body = Buffer.from(await answer.arrayBuffer());
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
        response.end(body);
      })
      .catch(() => request.socket.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}${target.pathname}`,
    fail: (path, fault) => void faults.push({ path, fault }),
    heal: () => void (faults = []),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
