import assert from 'node:assert/strict';
import { createSocket, type Socket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { createDnsClient, resolveChain } from '../../../src/diagnose';
import { diagnoseScenario, originAddress } from '../../support/diagnose/diagnoseScenario';
import { codesOf, diagnoseIn, hostname, setWorld } from '../../support/diagnose/diagnoseWorld';

const token = 'the-right-token';
const name = '_acme-challenge.big.customer.test';

/** A UDP "server" that answers with whatever `answer` makes of the query (or nothing). */
async function rogueServer(answer: (query: dnsPacket.DecodedPacket) => Buffer | undefined): Promise<{ socket: Socket; port: number }> {
  const socket = createSocket('udp4');
  socket.on('message', (bytes, remote) => {
    const reply = answer(dnsPacket.decode(bytes));
    if (reply !== undefined) socket.send(reply, remote.port, remote.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: (socket.address()).port };
}

describe('diagnose: hostile DNS answers', function () {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ scenario: diagnoseScenario(), lifecycle: false });
  });
  after(async () => {
    await sim?.close();
  });
  const subject = () => hostname({ hostname: 'big.customer.test', status: 'active', txt: { name, value: token } });

  it('reads 100 TXT records at a name (truncated over UDP, asked again over TCP)', async () => {
    const records = Array.from({ length: 99 }, (_, index) => ({ name, type: 'TXT' as const, value: `junk-${index}-${'x'.repeat(40)}` }));
    setWorld(sim, { records: [...records, { name, type: 'TXT', value: token }] });
    const client = createDnsClient({ servers: [{ address: '127.0.0.1', port: sim.dns?.port ?? 0 }], timeoutMs: 3000, concurrency: 1 });
    const resolution = await resolveChain(client, name, 'TXT');
    assert.equal(resolution.status, 'found');
    assert.equal(resolution.status === 'found' ? resolution.records.length : 0, 100);
    assert.deepEqual(codesOf(await diagnoseIn(sim, subject()), 'txt'), ['txt-ok']);
  });

  it('reads a TXT record of 100 strings of 255 bytes each, joined as one value', async () => {
    const strings = Array.from({ length: 100 }, (_, index) => String(index % 10).repeat(255));
    setWorld(sim, { records: [{ name, type: 'TXT', value: strings }] });
    const diagnosis = await diagnoseIn(sim, subject());
    const finding = diagnosis.findings.find((candidate) => candidate.check === 'txt');
    assert.equal(finding?.code, 'txt-mismatch');
    // The value is shortened in the message; the message stays small.
    assert.ok((finding?.message.length ?? 0) < 400, finding?.message);
  });

  it('handles an answer of 1,000 address records without hanging', async () => {
    const records = Array.from({ length: 1000 }, (_, index) => ({ name: 'big.customer.test', type: 'A' as const, value: `127.1.${Math.floor(index / 250)}.${index % 250}` }));
    setWorld(sim, { records });
    assert.deepEqual(codesOf(await diagnoseIn(sim, subject()), 'dns'), ['dns-ok']);
  });

  it('stops a CNAME chain longer than any sane setup, and a name that points at itself', async () => {
    const chain = Array.from({ length: 30 }, (_, index) => ({ name: `hop${index}.customer.test`, type: 'CNAME' as const, value: `hop${index + 1}.customer.test` }));
    setWorld(sim, { records: [{ name: 'big.customer.test', type: 'CNAME', value: 'hop0.customer.test' }, ...chain, { name: 'hop30.customer.test', type: 'A', value: originAddress }] });
    assert.deepEqual(codesOf(await diagnoseIn(sim, subject()), 'dns'), ['dns-cname-loop']);
    setWorld(sim, { records: [{ name: 'big.customer.test', type: 'CNAME', value: 'big.customer.test' }] });
    assert.deepEqual(codesOf(await diagnoseIn(sim, subject()), 'dns'), ['dns-cname-loop']);
  });

  it('ignores answers with another ID (spoofed) and calls the check unknown when no real one comes', async () => {
    const rogue = await rogueServer((query) => dnsPacket.encode({ type: 'response', id: ((query.id ?? 0) + 1) % 65536, flags: 0, questions: query.questions ?? [], answers: [{ name: query.questions?.[0]?.name ?? '', type: 'TXT', data: token }] }));
    try {
      const client = createDnsClient({ servers: [{ address: '127.0.0.1', port: rogue.port }], timeoutMs: 300, concurrency: 1 });
      const resolution = await resolveChain(client, name, 'TXT');
      assert.equal(resolution.status, 'unknown');
    } finally {
      rogue.socket.close();
    }
  });

  it('calls a truncated answer whose TCP retry fails unknown, never ok', async () => {
    // Truncated over UDP; nothing listens on TCP at that port.
    const rogue = await rogueServer((query) => dnsPacket.encode({ type: 'response', id: query.id ?? 0, flags: dnsPacket.TRUNCATED_RESPONSE, questions: query.questions ?? [], answers: [] }));
    try {
      const client = createDnsClient({ servers: [{ address: '127.0.0.1', port: rogue.port }], timeoutMs: 500, concurrency: 1 });
      assert.equal((await resolveChain(client, name, 'TXT')).status, 'unknown');
    } finally {
      rogue.socket.close();
    }
  });

  it('tries the next server when the first does not answer', async () => {
    const silent = await rogueServer(() => undefined);
    try {
      setWorld(sim, { records: [{ name, type: 'TXT', value: token }] });
      const client = createDnsClient({ servers: [{ address: '127.0.0.1', port: silent.port }, { address: '127.0.0.1', port: sim.dns?.port ?? 0 }], timeoutMs: 300, concurrency: 1 });
      assert.equal((await resolveChain(client, name, 'TXT')).status, 'found');
      assert.equal(client.stats.questions, 2);
    } finally {
      silent.socket.close();
    }
  });

  it('asks the same question once per run', async () => {
    setWorld(sim, { records: [{ name, type: 'TXT', value: token }] });
    const client = createDnsClient({ servers: [{ address: '127.0.0.1', port: sim.dns?.port ?? 0 }], timeoutMs: 3000, concurrency: 2 });
    await Promise.all([resolveChain(client, name, 'TXT'), resolveChain(client, name.toUpperCase(), 'TXT')]);
    assert.equal(client.stats.questions, 1);
  });
});
