import assert from 'node:assert/strict';
import { probeMatrix } from '../../../src/probe';
import { refusedPort, startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { deadResolver, fakeResolver } from '../../support/probe/fakeResolver';
import { probeFixtures, type ProbeFixtures } from '../../support/probe/testPki';

describe('probeMatrix', () => {
  let pki: ProbeFixtures;
  let server: TestServer;
  let dual: TestServer;

  before(async () => {
    pki = await probeFixtures();
    // ECDSA only: the app's certificate by SNI, another name's without SNI.
    server = await startTlsServer({ cert: pki.chain(pki.other), key: pki.other.keyPem, sni: { 'app.example.com': { cert: pki.chain(pki.valid), key: pki.valid.keyPem } } });
    // The app's RSA and ECDSA certificates for every client, like a Cloudflare pack.
    dual = await startTlsServer({ cert: [pki.chain(pki.valid), pki.chain(pki.validRsa)], key: [pki.valid.keyPem, pki.validRsa.keyPem] });
  });
  after(async () => {
    await server.close();
    await dual.close();
  });

  it('probes RSA and ECDSA offers with and without SNI, side by side, and flags what differs', async () => {
    const matrix = await probeMatrix({ servername: 'app.example.com', connect: `127.0.0.1:${server.port}`, extraRoots: pki.roots, resolver: deadResolver });
    assert.deepEqual(matrix.addresses, ['127.0.0.1']);
    assert.deepEqual(
      matrix.cells.map((cell) => `${cell.keyType} ${cell.sni ? 'sni' : 'no-sni'} ${cell.result.verdict}`),
      ['ecdsa sni ok', 'ecdsa no-sni hostname-mismatch', 'rsa sni handshake-failed', 'rsa no-sni handshake-failed'],
    );
    // No RSA certificate at all: a real client offering only RSA fails, so the matrix does.
    assert.equal(matrix.verdict, 'handshake-failed');
    const fields = matrix.differences.map((difference) => difference.field);
    assert.ok(fields.includes('certificate') && fields.includes('hostnameMatch') && fields.includes('error'), fields.join());
    assert.ok(matrix.cells[1]?.differs.includes('certificate'));
  });

  it('finds nothing to flag when every client gets the right certificate', async () => {
    const matrix = await probeMatrix({ servername: 'app.example.com', connect: `127.0.0.1:${dual.port}`, extraRoots: pki.roots, resolver: deadResolver });
    assert.deepEqual(
      matrix.cells.map((cell) => `${cell.keyType} ${cell.sni ? 'sni' : 'no-sni'} ${cell.result.verdict} ${cell.result.chain[0]?.keyType ?? ''}`),
      ['ecdsa sni ok ec', 'ecdsa no-sni ok ec', 'rsa sni ok rsa', 'rsa no-sni ok rsa'],
    );
    assert.deepEqual(matrix.differences, []);
    assert.equal(matrix.verdict, 'ok');
  });

  it('covers every A and AAAA address, and shows the one that fails', async () => {
    const resolver = fakeResolver({ a: { 'edge.test': ['127.0.0.1'] }, aaaa: { 'edge.test': ['::1'] } });
    const port = server.port;
    const matrix = await probeMatrix({ servername: 'app.example.com', connect: `edge.test:${port}`, extraRoots: pki.roots, resolver, timeoutMs: 2000 });
    assert.deepEqual(matrix.addresses, ['127.0.0.1', '::1']);
    assert.equal(matrix.cells.length, 8);
    const v6 = matrix.cells.filter((cell) => cell.address === '::1');
    // Nothing listens on ::1 at this port: refused, or unreachable where IPv6 is off.
    assert.ok(v6.every((cell) => cell.result.verdict === 'unreachable'));
    assert.equal(matrix.verdict, 'unreachable');
    assert.ok(matrix.differences.some((difference) => difference.field === 'error'));
  });

  it('falls back to one failing probe when there is no address', async () => {
    const matrix = await probeMatrix({ servername: 'gone.example.com', resolver: fakeResolver({}) });
    assert.deepEqual(matrix.cells, []);
    assert.equal(matrix.verdict, 'dns-failed');
    assert.equal(matrix.failure?.error?.stage, 'dns');
  });

  it('reports a refused port in every cell', async () => {
    const port = await refusedPort();
    const matrix = await probeMatrix({ servername: 'app.example.com', connect: `127.0.0.1:${port}`, resolver: deadResolver });
    assert.ok(matrix.cells.every((cell) => cell.result.error?.code === 'refused'));
    assert.deepEqual(matrix.differences, []);
  });
});
