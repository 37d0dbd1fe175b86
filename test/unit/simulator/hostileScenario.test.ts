import assert from 'node:assert/strict';
import { connect, type PeerCertificate } from 'node:tls';
import { CloudflareClient } from '../../../src/cloudflare';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { hostile, hostilePayloads, hostileScenario, longString } from '../../support/hostile/hostileScenario';
import { call, resultArray, zoneId } from '../../support/simulator/simulatorFixture';

function peerCertificate(sim: RunningSimulator, servername: string): Promise<PeerCertificate> {
  const tls = sim.tls;
  if (tls === undefined) throw new Error('no TLS edge');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: tls.host, port: tls.port, servername, ca: tls.caPem, rejectUnauthorized: false }, () => {
      resolve(socket.getPeerCertificate(true));
      socket.destroy();
    });
    socket.on('error', reject);
  });
}

describe('the hostile scenario', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ scenario: hostileScenario(), lifecycle: false, tlsPort: 0 });
  });
  after(async () => {
    await sim.close();
  });

  it('carries every kind of payload, each one naming its field, and a 10,000-character string', () => {
    const payloads = hostilePayloads('here');
    assert.match(payloads.script, /^<script>.*here:script.*<\/script>$/);
    assert.match(payloads.img, /onerror=/);
    assert.match(payloads.attribute, /^" onmouseover="/);
    assert.match(payloads.javascriptUrl, /^javascript:/);
    assert.match(payloads.link, /<a href="javascript:/);
    assert.equal(payloads.long.length, 10_000);
    assert.equal(longString('x').length, 10_000);
  });

  it('is a fresh copy each time, so one simulator\'s changes never reach another', () => {
    const first = hostileScenario();
    const second = hostileScenario();
    assert.notEqual(first.zones[0], second.zones[0]);
    assert.deepEqual(first, second);
  });

  it('serves the hostile custom hostname with its name, errors and records unchanged', async () => {
    const hostnames = resultArray(await call(sim, `/zones/${zoneId(sim, 'tenantly.app')}/custom_hostnames?per_page=50`));
    const served = hostnames.find((hostname) => hostname['hostname'] === hostile.hostname);
    assert.ok(served !== undefined, 'the hostile hostname is listed');
    const payloads = hostilePayloads('hostname');
    assert.deepEqual(served['verification_errors'], [payloads.script, payloads.img, payloads.markdown, payloads.breakout, payloads.long]);
    const ssl = served['ssl'] as Record<string, unknown>;
    assert.equal(ssl['status'], 'validation_timed_out');
    assert.deepEqual(ssl['validation_errors'], [{ message: payloads.link }, { message: payloads.img }, { message: payloads.long }]);
    assert.deepEqual((served['ownership_verification'] as Record<string, unknown>)['value'], payloads.svg);
    assert.equal(served['sim'], undefined, 'the simulator\'s directives stay private');
  });

  it('serves the hostile pack, custom certificate, client certificate and account name', async () => {
    const acme = zoneId(sim, 'acme.com');
    const packs = resultArray(await call(sim, `/zones/${acme}/ssl/certificate_packs?status=all&per_page=50`));
    const pack = packs.find((candidate) => (candidate['hosts'] as string[]).includes(hostile.packHost));
    assert.equal(pack?.['status'], 'pending_validation');
    assert.deepEqual(pack?.['validation_errors'], [{ message: hostilePayloads('pack').script }, { message: hostilePayloads('pack').markdown }, { message: hostilePayloads('pack').long }]);

    const certificates = resultArray(await call(sim, `/zones/${acme}/custom_certificates?per_page=50`));
    const certificate = certificates.find((candidate) => candidate['issuer'] === hostile.customCertificateIssuer);
    assert.equal(certificate?.['signature'], hostilePayloads('custom-certificate').script);

    const clients = resultArray(await call(sim, `/zones/${acme}/client_certificates?per_page=50`));
    const client = clients.find((candidate) => candidate['common_name'] === hostile.clientCommonName);
    assert.equal(client?.['status'], 'revoked');
    assert.equal(client?.['organization'], hostilePayloads('client').img);

    const accounts = resultArray(await call(sim, '/accounts'));
    assert.ok(accounts.some((account) => account['name'] === hostile.accountName));
  });

  it('passes the extension\'s response checks: the client keeps the poisoned objects and their text', async () => {
    const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, rateBudget: false, retries: { max: 0 } });
    try {
      const hostnames = await client.listCustomHostnames(zoneId(sim, 'tenantly.app'));
      const parsed = hostnames.find((hostname) => hostname.hostname === hostile.hostname);
      assert.equal(parsed?.verification_errors?.[0], hostilePayloads('hostname').script);
      const packs = await client.listCertificatePacks(zoneId(sim, 'acme.com'));
      assert.ok(packs.some((pack) => pack.hosts?.includes(hostile.packHost)));
      const clients = await client.listClientCertificates(zoneId(sim, 'acme.com'));
      assert.ok(clients.some((certificate) => certificate.common_name === hostile.clientCommonName));
    } finally {
      await client.close();
    }
  });

  it('serves, at the TLS edge, a certificate whose issuer is the hostile string', async () => {
    const certificate = await peerCertificate(sim, hostile.customCertificateHost);
    assert.equal(certificate.issuer.CN, hostile.customCertificateIssuer);
    assert.match(certificate.subjectaltname ?? '', /DNS:hostile-cert\.acme\.com/);
  });
});
