import { createServer, type Server } from 'node:http';
import type { ScenarioHttpAnswer } from '../model';

/**
 * The customer's web server, as far as validation goes: plain HTTP answering each
 * scenario path per `Host` (validation tokens, ownership files, redirects, wrong bodies, dropped connections);
 * anything else is 404.
 */
export function createValidationServer(answers: () => readonly ScenarioHttpAnswer[]): Server {
  const server = createServer((request, response) => {
    const host = (request.headers.host ?? '').toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const found = answers().find((answer) => answer.host.toLowerCase() === host && answer.path === path);
    if (found === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('not found\n');
      return;
    }
    if (found.reset === true) {
      request.socket.destroy();
      return;
    }
    const body = found.body ?? '';
    response.writeHead(found.status ?? 200, {
      'content-type': 'text/plain; charset=utf-8',
      'content-length': String(Buffer.byteLength(body)),
      ...(found.location === undefined ? {} : { location: found.location }),
    });
    response.end(body);
  });
  server.keepAliveTimeout = 1000;
  return server;
}
