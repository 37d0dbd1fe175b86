import assert from 'node:assert/strict';
import { probeMany, ProbeError, type ProbeOptions } from '../../../src/probe';
import { startSilentServer, startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { deadResolver } from '../../support/probe/fakeResolver';
import { probeFixtures } from '../../support/probe/testPki';

describe('probeMany', () => {
  let server: TestServer;
  let silent: TestServer;
  let inputs: ProbeOptions[];

  before(async () => {
    const pki = await probeFixtures();
    const names = Array.from({ length: 24 }, (_, index) => `h${index}.many.test`);
    const leaf = await pki.intermediate.issue({ hosts: names.slice(0, 12) });
    server = await startTlsServer({ cert: pki.chain(pki.other), key: pki.other.keyPem, sni: { '*.many.test': { cert: pki.chain(leaf), key: leaf.keyPem } } });
    silent = await startSilentServer();
    inputs = names.map((servername) => ({ servername, connect: `127.0.0.1:${server.port}`, extraRoots: pki.roots, resolver: deadResolver }));
  });
  after(async () => {
    await server.close();
    await silent.close();
  });

  it('probes every name with a concurrency limit, reporting progress, results in input order', async () => {
    const progress: number[] = [];
    const results = await probeMany(inputs, { concurrency: 5, onProgress: ({ done, total }) => progress.push(done * 100 + total) });
    assert.deepEqual(results.map((result) => result.servername), inputs.map((input) => input.servername));
    assert.deepEqual(results.map((result) => result.verdict), [...Array<string>(12).fill('ok'), ...Array<string>(12).fill('hostname-mismatch')]);
    assert.deepEqual(progress, Array.from({ length: 24 }, (_, index) => (index + 1) * 100 + 24));
  });

  it('stops on cancellation and rejects with a cancelled ProbeError', async () => {
    const controller = new AbortController();
    const slow = inputs.map((input) => ({ ...input, connect: `127.0.0.1:${silent.port}`, timeoutMs: 10_000 }));
    const running = probeMany(slow, { concurrency: 4, signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(running, (error: unknown) => error instanceof ProbeError && error.code === 'cancelled');
  });

  it('rejects a list with one bad entry before opening any connection', async () => {
    const before = server.connections();
    const list: ProbeOptions[] = [...inputs.slice(0, 3), { servername: 'bad name', resolver: deadResolver }];
    await assert.rejects(probeMany(list), (error: unknown) => error instanceof ProbeError && error.code === 'invalid-input');
    assert.equal(server.connections(), before);
  });
});
