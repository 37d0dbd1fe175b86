import { createSocket } from 'node:dgram';
import { randomInt } from 'node:crypto';
import { isIPv6, Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { DnsServer, QuestionType } from './dnsTypes';

/**
 * One DNS message exchange with one server, over UDP or TCP, with dns-packet doing every
 * encoding and decoding. Bounded: one timeout for the whole exchange, a DNS message is
 * at most 65,535 bytes by its TCP length prefix, and a reply must carry our ID and our
 * question (anything else is ignored as spoofed or stray).
 */
export type Exchange =
  | { readonly ok: true; readonly packet: dnsPacket.DecodedPacket }
  | { readonly ok: false; readonly reason: 'timeout' | 'malformed' | 'network'; readonly message: string };

function query(id: number, name: string, type: QuestionType): Buffer {
  return dnsPacket.encode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] });
}

function decode(bytes: Buffer): dnsPacket.DecodedPacket | undefined {
  try {
    return dnsPacket.decode(bytes);
  } catch {
    return undefined;
  }
}

function matches(packet: dnsPacket.DecodedPacket, id: number, name: string, type: QuestionType): boolean {
  const [question] = packet.questions ?? [];
  return packet.type === 'response' && packet.id === id && question !== undefined
    && question.type === type && question.name.toLowerCase() === name.toLowerCase();
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function exchangeUdp(server: DnsServer, name: string, type: QuestionType, timeoutMs: number, signal?: AbortSignal): Promise<Exchange> {
  const id = randomInt(0, 65536);
  const socket = createSocket(isIPv6(server.address) ? 'udp6' : 'udp4');
  return new Promise<Exchange>((resolve) => {
    const finish = (result: Exchange): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners('message');
      socket.close();
      resolve(result);
    };
    const onAbort = (): void => finish({ ok: false, reason: 'network', message: 'cancelled' });
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', message: `no answer from ${server.address}:${server.port} within ${timeoutMs} ms` }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish({ ok: false, reason: 'network', message: errorText(error) }));
    socket.on('message', (bytes, remote) => {
      if (remote.port !== server.port) return;
      const packet = decode(bytes);
      // A reply that is not ours (wrong ID or question) is ignored; one that cannot be read fails.
      if (packet === undefined) finish({ ok: false, reason: 'malformed', message: `an unreadable answer from ${server.address}:${server.port}` });
      else if (matches(packet, id, name, type)) finish({ ok: true, packet });
    });
    socket.send(query(id, name, type), server.port, server.address, (error) => {
      if (error) finish({ ok: false, reason: 'network', message: errorText(error) });
    });
  });
}

export function exchangeTcp(server: DnsServer, name: string, type: QuestionType, timeoutMs: number, signal?: AbortSignal): Promise<Exchange> {
  const id = randomInt(0, 65536);
  const socket = new Socket();
  return new Promise<Exchange>((resolve) => {
    let buffered = Buffer.alloc(0);
    const finish = (result: Exchange): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.removeAllListeners();
      socket.on('error', () => undefined);
      socket.destroy();
      resolve(result);
    };
    const onAbort = (): void => finish({ ok: false, reason: 'network', message: 'cancelled' });
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout', message: `no answer from ${server.address}:${server.port} (TCP) within ${timeoutMs} ms` }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.on('error', (error) => finish({ ok: false, reason: 'network', message: errorText(error) }));
    socket.on('close', () => finish({ ok: false, reason: 'network', message: `${server.address}:${server.port} closed the TCP connection before answering` }));
    socket.on('data', (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 2) return;
      const length = buffered.readUInt16BE(0);
      if (buffered.length < 2 + length) return;
      const packet = decode(buffered.subarray(2, 2 + length));
      if (packet === undefined || !matches(packet, id, name, type)) {
        finish({ ok: false, reason: 'malformed', message: `an unreadable or mismatched TCP answer from ${server.address}:${server.port}` });
      } else {
        finish({ ok: true, packet });
      }
    });
    socket.connect(server.port, server.address, () => {
      socket.write(dnsPacket.streamEncode({ type: 'query', id, flags: dnsPacket.RECURSION_DESIRED, questions: [{ type, name, class: 'IN' }] }));
    });
  });
}
