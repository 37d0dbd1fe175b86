import assert from 'node:assert/strict';
import { probe, ProbeError, type ProbeOptions } from '../../../src/probe';
import { ipv6Available, refusedPort, startSilentServer, startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { deadResolver, fakeResolver } from '../../support/probe/fakeResolver';
import { probeFixtures, type ProbeFixtures } from '../../support/probe/testPki';

describe('probe against local TLS servers', () => {
  let pki: ProbeFixtures;
  const servers: TestServer[] = [];

  before(async () => {
    pki = await probeFixtures();
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  async function serve(options: Parameters<typeof startTlsServer>[0]): Promise<TestServer> {
    const server = await startTlsServer(options);
    servers.push(server);
    return server;
  }

  function at(server: TestServer, extra: Partial<ProbeOptions> = {}): ProbeOptions {
    const host = server.host.includes(':') ? `[${server.host}]` : server.host;
    return { servername: 'app.example.com', connect: `${host}:${server.port}`, extraRoots: pki.roots, resolver: deadResolver, timeoutMs: 5000, ...extra };
  }

  it('reports a valid chain from the test CA as ok, with the whole picture', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem, ALPNProtocols: ['h2', 'http/1.1'] });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'ok');
    assert.equal(result.error, null);
    assert.equal(result.sni, 'app.example.com');
    assert.deepEqual(result.target, { host: '127.0.0.1', port: server.port, address: '127.0.0.1', family: 4 });
    assert.equal(result.tls?.protocol, 'TLSv1.3');
    assert.equal(result.tls?.alpn, 'h2');
    assert.equal(result.tls?.ocspStapled, false);
    assert.deepEqual(result.trust, { authorized: true, error: null, store: 'bundled+extra', extraRootsLabel: 'probe-test-root.pem' });
    assert.equal(result.hostnameMatch, true);
    // As served: the root that completes the path comes from the trust store, not the server.
    assert.deepEqual(result.chain.map((cert) => cert.subject), ['CN=app.example.com', 'CN=Probe Test Intermediate, O=cfcerts test PKI']);
    const [leaf, intermediate] = result.chain;
    assert.deepEqual(leaf?.subjectAltNames, ['app.example.com', 'www.app.example.com']);
    assert.equal(leaf?.serialNumber, pki.valid.serialNumber);
    assert.match(leaf?.fingerprint256 ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.equal(leaf?.keyType, 'ec');
    assert.equal(leaf?.curve, 'P-256');
    assert.equal(leaf?.signatureAlgorithm, 'ecdsa-with-SHA256');
    assert.equal(leaf?.validTo, pki.valid.notAfter.toISOString());
    assert.ok((leaf?.daysLeft ?? 0) >= 88);
    assert.deepEqual([leaf?.isCA, intermediate?.isCA], [false, true]);
    assert.deepEqual([leaf?.selfSigned, intermediate?.selfSigned], [false, false]);
    assert.equal(result.dns.connect, null);
    assert.ok(result.timings.connectMs !== null && result.timings.tlsMs !== null && result.timings.totalMs >= 0);
    assert.deepEqual(JSON.parse(JSON.stringify(result)), result);
  });

  it('shows the chain in the order served, a root sent along and a stray certificate included', async () => {
    const stray = await pki.root.issue({ hosts: ['stray.example.org'] });
    const server = await serve({ cert: pki.valid.certPem + stray.certPem + pki.intermediate.certPem + pki.root.certPem, key: pki.valid.keyPem });
    const result = await probe(at(server));
    assert.deepEqual(result.chain.map((cert) => cert.commonName), ['app.example.com', 'stray.example.org', 'Probe Test Intermediate', 'Probe Test Root']);
    assert.deepEqual(result.chain.map((cert) => cert.selfSigned), [false, false, false, true]);
    assert.equal(result.verdict, 'ok');
  });

  it('without the CA file, reports the default store and an untrusted chain, chain captured', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    const result = await probe(at(server, { extraRoots: undefined }));
    assert.equal(result.verdict, 'untrusted');
    assert.equal(result.trust?.store, 'default');
    assert.equal(result.trust?.error, 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    assert.equal(result.chain.length, 2);
  });

  it('says expired for an expired leaf, and still shows it', async () => {
    const server = await serve({ cert: pki.chain(pki.expired), key: pki.expired.keyPem });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'expired');
    assert.equal(result.trust?.error, 'CERT_HAS_EXPIRED');
    assert.ok((result.chain[0]?.daysLeft ?? 0) < 0);
  });

  it('says not-yet-valid for a leaf from the future', async () => {
    const server = await serve({ cert: pki.chain(pki.notYetValid), key: pki.notYetValid.keyPem });
    assert.equal((await probe(at(server))).verdict, 'not-yet-valid');
  });

  it('says expiring five days before the end, and ok when the warning window is shorter', async () => {
    const server = await serve({ cert: pki.chain(pki.expiringSoon), key: pki.expiringSoon.keyPem });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'expiring');
    assert.equal(result.chain[0]?.daysLeft, 5);
    assert.equal((await probe(at(server, { warningDays: 3 }))).verdict, 'ok');
  });

  it('judges identity apart from trust: a trusted chain for another name is hostname-mismatch', async () => {
    const server = await serve({ cert: pki.chain(pki.other), key: pki.other.keyPem });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'hostname-mismatch');
    assert.equal(result.trust?.authorized, true);
    assert.equal(result.hostnameMatch, false);
    assert.match(result.hostnameError ?? '', /app\.example\.com/);
  });

  it('captures a self-signed certificate and calls it untrusted', async () => {
    const server = await serve({ cert: pki.selfSigned.certPem, key: pki.selfSigned.keyPem });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'untrusted');
    assert.equal(result.trust?.error, 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.equal(result.chain.length, 1);
    assert.equal(result.chain[0]?.selfSigned, true);
    assert.equal(result.hostnameMatch, true);
  });

  it('shows a missing intermediate as an untrusted one-certificate chain', async () => {
    const server = await serve({ cert: pki.valid.certPem, key: pki.valid.keyPem });
    const result = await probe(at(server));
    assert.equal(result.verdict, 'untrusted');
    assert.equal(result.trust?.error, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    assert.deepEqual(result.chain.map((cert) => cert.subject), ['CN=app.example.com']);
  });

  it('gets the RSA or the ECDSA certificate from one server, as offered', async () => {
    const server = await serve({ cert: [pki.chain(pki.valid), pki.chain(pki.validRsa)], key: [pki.valid.keyPem, pki.validRsa.keyPem] });
    const rsa = await probe(at(server, { keyType: 'rsa' }));
    const ecdsa = await probe(at(server, { keyType: 'ecdsa' }));
    assert.deepEqual([rsa.verdict, rsa.chain[0]?.keyType, rsa.chain[0]?.keyBits, rsa.chain[0]?.serialNumber], ['ok', 'rsa', 2048, pki.validRsa.serialNumber]);
    assert.deepEqual([ecdsa.verdict, ecdsa.chain[0]?.keyType, ecdsa.chain[0]?.serialNumber], ['ok', 'ec', pki.valid.serialNumber]);
    assert.equal(rsa.offer.keyType, 'rsa');
  });

  it('gets the certificate chosen by SNI, and the default one without SNI', async () => {
    const server = await serve({ cert: pki.chain(pki.other), key: pki.other.keyPem, sni: { 'app.example.com': { cert: pki.chain(pki.valid), key: pki.valid.keyPem } } });
    const withSni = await probe(at(server));
    const withoutSni = await probe(at(server, { sni: false }));
    assert.equal(withSni.chain[0]?.serialNumber, pki.valid.serialNumber);
    assert.equal(withSni.verdict, 'ok');
    assert.equal(withoutSni.sni, null);
    assert.equal(withoutSni.chain[0]?.serialNumber, pki.other.serialNumber);
    assert.equal(withoutSni.verdict, 'hostname-mismatch');
  });

  it('sends no SNI when the name probed is an IP literal, and checks the IP SANs', async () => {
    const leaf = await pki.intermediate.issue({ hosts: ['127.0.0.1'] });
    const server = await serve({ cert: pki.chain(pki.other), key: pki.other.keyPem, sni: { '127.0.0.1': { cert: pki.chain(pki.valid), key: pki.valid.keyPem } } });
    const plain = await probe({ ...at(server), servername: `127.0.0.1:${server.port}`, connect: undefined });
    assert.equal(plain.sni, null);
    assert.equal(plain.chain[0]?.serialNumber, pki.other.serialNumber);
    const ipServer = await serve({ cert: pki.chain(leaf), key: leaf.keyPem });
    const matched = await probe({ ...at(ipServer), servername: '127.0.0.1', port: ipServer.port, connect: undefined });
    assert.deepEqual([matched.verdict, matched.hostnameMatch, matched.target.port], ['ok', true, ipServer.port]);
  });

  it('reports TLS 1.2 from a server that speaks nothing newer', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem, maxVersion: 'TLSv1.2' });
    const result = await probe(at(server));
    assert.equal(result.tls?.protocol, 'TLSv1.2');
    assert.match(result.tls?.cipher ?? '', /^TLS_ECDHE_ECDSA_/);
    assert.equal(result.verdict, 'ok');
  });

  it('notices a stapled OCSP response', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem, ocspResponse: Buffer.from('a stapled response') });
    assert.equal((await probe(at(server))).tls?.ocspStapled, true);
  });

  it('calls a refused port unreachable, at the connect stage', async () => {
    const port = await refusedPort();
    const result = await probe({ servername: 'app.example.com', connect: `127.0.0.1:${port}`, resolver: deadResolver });
    assert.equal(result.verdict, 'unreachable');
    assert.deepEqual([result.error?.code, result.error?.stage], ['refused', 'connect']);
    assert.equal(result.tls, null);
    assert.deepEqual(result.chain, []);
  });

  it('times out on a listener that accepts and never answers', async () => {
    const silent = await startSilentServer();
    servers.push(silent);
    const result = await probe({ servername: 'app.example.com', connect: `127.0.0.1:${silent.port}`, resolver: deadResolver, timeoutMs: 500 });
    assert.equal(result.verdict, 'timeout');
    assert.deepEqual([result.error?.code, result.error?.stage], ['timeout', 'timeout']);
    assert.match(result.error?.message ?? '', /TLS handshake/);
    assert.notEqual(result.timings.connectMs, null);
  });

  it('probes over IPv6 on ::1', async () => {
    if (!(await ipv6Available())) {
      // Without IPv6 the same probe must still fail cleanly at the connect stage.
      const result = await probe({ servername: 'app.example.com', connect: '[::1]:9', resolver: deadResolver, timeoutMs: 1000 });
      assert.equal(result.error?.stage, 'connect');
      return;
    }
    const server = await serve({ host: '::1', cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    const result = await probe(at(server, { family: 6 }));
    assert.equal(result.verdict, 'ok');
    assert.deepEqual(result.target, { host: '::1', port: server.port, address: '::1', family: 6 });
  });

  it('compares with what the API expects: serial, issuer, hostnames, expiry', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    const expected = { serialNumber: pki.valid.serialNumber.replace(/(..)(?!$)/g, '$1:').toLowerCase(), issuer: 'probe test intermediate', hostnames: ['www.app.example.com'], expiresOn: pki.valid.notAfter.toISOString() };
    assert.equal((await probe(at(server, { expect: expected }))).verdict, 'ok');
    const wrong = await probe(at(server, { expect: { serialNumber: '01', issuer: "Let's Encrypt", hostnames: ['shop.example.com'] } }));
    assert.equal(wrong.verdict, 'unexpected-certificate');
    assert.equal(wrong.reasons.length, 3);
  });

  it('goes on when the name has no DNS yet but a connect target is given (pre-DNS), and reports that DNS', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    const result = await probe(at(server, { resolver: fakeResolver({}) }));
    assert.equal(result.verdict, 'ok');
    assert.equal(result.dns.servername?.error?.code, 'ENOTFOUND');
  });

  it('resolves a connect host through its CNAME chain and reports it', async () => {
    const server = await serve({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    const resolver = fakeResolver({ cname: { 'customers.saas.test': 'edge.saas.test' }, a: { 'edge.saas.test': ['127.0.0.1'] } });
    const result = await probe(at(server, { connect: `customers.saas.test:${server.port}`, resolver }));
    assert.equal(result.verdict, 'ok');
    assert.equal(result.target.address, '127.0.0.1');
    assert.deepEqual(result.dns.connect?.cnameChain, ['edge.saas.test']);
    assert.deepEqual(result.dns.connect?.a, ['127.0.0.1']);
    assert.notEqual(result.timings.dnsMs, null);
  });

  it('says dns-failed when the host to connect to does not resolve', async () => {
    const result = await probe({ servername: 'nowhere.example.com', resolver: fakeResolver({}) });
    assert.equal(result.verdict, 'dns-failed');
    assert.deepEqual([result.error?.code, result.error?.stage], ['dns', 'dns']);
    assert.equal(result.dns.connect?.error?.code, 'ENOTFOUND');
  });

  it('honours the address family asked for', async () => {
    const result = await probe({ servername: 'v4only.example.com', family: 6, resolver: fakeResolver({ a: { 'v4only.example.com': ['127.0.0.1'] } }) });
    assert.equal(result.verdict, 'dns-failed');
    assert.match(result.error?.message ?? '', /no IPv6 address/);
  });

  it('rejects cancellation with a ProbeError, before and during the handshake', async () => {
    const silent = await startSilentServer();
    servers.push(silent);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(probe({ servername: 'app.example.com', connect: `127.0.0.1:${silent.port}`, resolver: deadResolver, signal: controller.signal }), (error: unknown) => error instanceof ProbeError && error.code === 'cancelled');
    const later = new AbortController();
    const running = probe({ servername: 'app.example.com', connect: `127.0.0.1:${silent.port}`, resolver: deadResolver, signal: later.signal });
    setTimeout(() => later.abort(), 50);
    await assert.rejects(running, (error: unknown) => error instanceof ProbeError && error.code === 'cancelled');
  });

  it('rejects invalid input before touching DNS or the network', async () => {
    const resolver = fakeResolver({});
    await assert.rejects(probe({ servername: 'app.example.com', connect: '127.0.0.1:0', resolver }), (error: unknown) => error instanceof ProbeError && error.code === 'invalid-input' && error.stage === 'input');
    await assert.rejects(probe({ servername: 'bad host', resolver }), ProbeError);
    assert.equal(resolver.calls, 0);
  });
});
