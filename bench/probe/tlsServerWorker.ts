/**
 * The benchmark's TLS server, in a worker thread: with it in the main thread, client and
 * server handshakes would share one core and the figures would measure the server too.
 */
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:tls';
import { parentPort, workerData } from 'node:worker_threads';

const { cert, key } = workerData as { cert: string; key: string };
const server = createServer({ cert, key }, (socket) => socket.end());
server.on('tlsClientError', () => undefined);
server.listen(0, '127.0.0.1', () => parentPort?.postMessage((server.address() as AddressInfo).port));
parentPort?.once('message', () => {
  server.close();
  parentPort?.close();
});
