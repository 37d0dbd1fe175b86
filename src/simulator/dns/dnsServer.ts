import { randomBytes } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import * as dnsPacket from 'dns-packet';
import type { Logger } from '../../shared/logger';
import type { ScenarioDns } from '../model';
import { answerQuestion } from './dnsAnswer';

export interface DnsServerOptions {
  /** Read at every question, so a test can change records between questions. */
  readonly data: () => ScenarioDns;
  readonly host: string;
  /** 0 = ephemeral; UDP and TCP share the port number. */
  readonly port: number;
  /** Real milliseconds before each answer; questions wait in parallel, never in line. */
  readonly latencyMs: number;
  readonly logger: Logger;
}

export interface DnsServer {
  readonly host: string;
  readonly port: number;
  /** Questions answered so far (UDP and TCP), for benchmarks. */
  readonly questions: number;
  close(): Promise<void>;
}

/** Classic DNS over UDP: larger answers are sent truncated (TC) so the client asks over TCP. */
const udpLimit = 512;

function reply(query: dnsPacket.DecodedPacket, data: ScenarioDns): Buffer | 'timeout' {
  const [question] = query.questions ?? [];
  const base = { type: 'response' as const, id: query.id ?? 0, questions: query.questions ?? [] };
  const flags = dnsPacket.AUTHORITATIVE_ANSWER | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED);
  if (question === undefined) return dnsPacket.encode({ ...base, flags: flags | 1, answers: [] });
  const answer = answerQuestion(data, question.name, question.type);
  if (answer.kind !== 'answer') return answer.kind === 'timeout' ? 'timeout' : randomBytes(40);
  return dnsPacket.encode({ ...base, flags: flags | answer.rcode, answers: answer.answers });
}

function truncated(query: dnsPacket.DecodedPacket, full: Buffer): Buffer {
  const decoded = dnsPacket.decode(full);
  return dnsPacket.encode({ type: 'response', id: query.id ?? 0, flags: (decoded.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, questions: query.questions ?? [], answers: [] });
}

function decodeQuery(bytes: Buffer): dnsPacket.DecodedPacket | undefined {
  try {
    const packet = dnsPacket.decode(bytes);
    return packet.type === 'query' ? packet : undefined;
  } catch {
    return undefined;
  }
}

function bindUdp(socket: UdpSocket, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve(socket.address().port);
    });
  });
}

function listenTcp(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** An authoritative DNS server on UDP and TCP, answering from the scenario's `dns` records. */
export async function startDnsServer(options: DnsServerOptions, attempt = 0): Promise<DnsServer> {
  let questions = 0;
  const answer = async (bytes: Buffer, send: (reply: Buffer, query: dnsPacket.DecodedPacket) => void): Promise<void> => {
    const query = decodeQuery(bytes);
    if (query === undefined) return;
    questions++;
    if (options.latencyMs > 0) await sleep(options.latencyMs);
    const built = reply(query, options.data());
    if (built !== 'timeout') send(built, query);
  };
  const udp = createSocket('udp4');
  udp.on('message', (bytes, remote) => {
    answer(bytes, (built, query) => {
      const bytesOut = built.length > udpLimit ? truncated(query, built) : built;
      udp.send(bytesOut, remote.port, remote.address);
    }).catch((error: unknown) => options.logger.error(error instanceof Error ? error : String(error)));
  });
  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      while (buffered.length >= 2 && buffered.length >= 2 + buffered.readUInt16BE(0)) {
        const message = buffered.subarray(2, 2 + buffered.readUInt16BE(0));
        buffered = buffered.subarray(2 + message.length);
        answer(Buffer.from(message), (built) => {
          const frame = Buffer.alloc(2 + built.length);
          frame.writeUInt16BE(built.length, 0);
          built.copy(frame, 2);
          if (!socket.destroyed) socket.write(frame);
        }).catch((error: unknown) => options.logger.error(error instanceof Error ? error : String(error)));
      }
    });
  });
  // UDP picks the port; TCP takes the same number (retried if another process holds it).
  const port = await bindUdp(udp, options.port, options.host);
  try {
    await listenTcp(tcp, port, options.host);
  } catch (error) {
    await new Promise<void>((resolve) => udp.close(() => resolve()));
    if (options.port !== 0 || attempt >= 10) throw error;
    return startDnsServer(options, attempt + 1);
  }
  options.logger.info(`DNS server listening on ${options.host}:${(tcp.address() as AddressInfo).port} (UDP and TCP)`);
  return {
    host: options.host,
    port,
    get questions() {
      return questions;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}
