import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { connect, type PeerCertificate } from 'node:tls';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { packId, zoneId } from '../../support/simulator/simulatorFixture';

interface Handshake {
  readonly certificate?: PeerCertificate;
  readonly authorized: boolean;
  readonly error?: Error;
}

function handshake(sim: RunningSimulator, servername: string, options: { sigalgs?: string } = {}): Promise<Handshake> {
  const tls = sim.tls;
  if (tls === undefined) throw new Error('no TLS edge');
  return new Promise((resolve) => {
    const socket = connect({ host: tls.host, port: tls.port, servername, ca: tls.caPem, rejectUnauthorized: false, ...options }, () => {
      resolve({ certificate: socket.getPeerCertificate(), authorized: socket.authorized });
      socket.destroy();
    });
    socket.on('error', (error: Error) => resolve({ authorized: false, error }));
  });
}

describe('simulator TLS edge', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ tlsPort: 0, lifecycle: false });
  });
  after(async () => {
    await sim.close();
  });

  it('writes its root CA to a file', async () => {
    const tls = sim.tls;
    assert.ok(tls !== undefined);
    assert.equal(await readFile(tls.caFile, 'utf8'), tls.caPem);
    assert.match(tls.caPem, /BEGIN CERTIFICATE/);
  });

  it('serves the covering active pack\'s ECDSA certificate, trusted through a CA-named intermediate, with the API\'s expiry', async () => {
    // docs.acme.com's own pack is still initializing: the universal *.acme.com pack covers it.
    const result = await handshake(sim, 'docs.acme.com');
    assert.equal(result.authorized, true);
    assert.equal(result.certificate?.issuer.CN, 'WE1');
    assert.equal(result.certificate?.issuer.O, 'Google Trust Services');
    assert.match(result.certificate?.subjectaltname ?? '', /DNS:\*\.acme\.com/);
    const universal = sim.state.zone(zoneId(sim, 'acme.com'))?.packs.get(packId(sim, 'acme.com', '*.acme.com'));
    const expiry = (universal?.['certificates'] as { expires_on: string }[])[0]?.expires_on ?? '';
    assert.equal(new Date(result.certificate?.valid_to ?? '').getTime(), Date.parse(expiry));
  });

  it('serves the RSA certificate to a client that offers only RSA signatures', async () => {
    const result = await handshake(sim, 'docs.acme.com', { sigalgs: 'rsa_pss_rsae_sha256:rsa_pkcs1_sha256' });
    assert.equal(result.authorized, true);
    assert.equal(result.certificate?.issuer.CN, 'WR1');
    assert.equal(result.certificate?.bits, 2048);
  });

  it('uses each CA\'s issuer names: Let\'s Encrypt for an advanced pack, the uploader\'s CA for a custom certificate', async () => {
    const advanced = await handshake(sim, 'partners.acme.com');
    assert.equal(advanced.certificate?.issuer.CN, 'WE1');
    const letsEncrypt = await handshake(sim, 'api.acme.com');
    assert.equal(letsEncrypt.certificate?.issuer.CN, 'E6');
    assert.equal(letsEncrypt.certificate?.issuer.O, "Let's Encrypt");
    const custom = await handshake(sim, 'checkout.acme.com');
    assert.equal(custom.authorized, true);
    assert.equal(custom.certificate?.issuer.CN, 'DigiCert Inc');
  });

  it('serves an active custom hostname its own certificate', async () => {
    const result = await handshake(sim, 'shop.bluebottle-coffee.com');
    assert.equal(result.authorized, true);
    assert.equal(result.certificate?.subjectaltname, 'DNS:shop.bluebottle-coffee.com');
  });

  it('serves the SaaS zone\'s own certificate for a custom hostname that is not active yet', async () => {
    const result = await handshake(sim, 'app.northwind-traders.com');
    assert.equal(result.error, undefined);
    assert.match(result.certificate?.subjectaltname ?? '', /DNS:tenantly\.app/);
    assert.doesNotMatch(result.certificate?.subjectaltname ?? '', /northwind/);
  });

  it('fails the handshake for names with nothing deployed: unknown names and a pending zone', async () => {
    for (const name of ['unknown.example', 'www.acme.dev']) {
      const result = await handshake(sim, name);
      assert.ok(result.error !== undefined, name);
      assert.equal(result.certificate, undefined);
    }
  });

  it('fails the handshake without SNI (only legacy custom certificates serve non-SNI clients) and offers h2', async () => {
    const tls = sim.tls;
    assert.ok(tls !== undefined);
    const noSni = await new Promise<Error | undefined>((resolve) => {
      const socket = connect({ host: tls.host, port: tls.port, ca: tls.caPem }, () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.on('error', (error: Error) => resolve(error));
    });
    assert.ok(noSni !== undefined);
    const alpn = await new Promise<string | false>((resolve) => {
      const socket = connect({ host: tls.host, port: tls.port, servername: 'acme.com', ca: tls.caPem, ALPNProtocols: ['h2', 'http/1.1'] }, () => {
        resolve(socket.alpnProtocol ?? false);
        socket.destroy();
      });
      socket.on('error', () => resolve(false));
    });
    assert.equal(alpn, 'h2');
  });

  it('follows state changes: a pack a test activates is served', async () => {
    const located = sim.state.find(packId(sim, 'acme.com', 'media.acme.com'));
    assert.ok(located !== undefined);
    sim.state.setStatus(located, 'active');
    const result = await handshake(sim, 'media.acme.com');
    assert.match(result.certificate?.subjectaltname ?? '', /DNS:media\.acme\.com/);
  });
});
