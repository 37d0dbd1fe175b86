import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { createProbeCommand } from '../../../src/cli/probeCommand';
import { deadResolver } from '../../support/probe/fakeResolver';
import { captureIo } from '../../support/cliIo';
import { startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { probeFixtures, type ProbeFixtures } from '../../support/probe/testPki';

describe('cfcerts probe --json: the served chain as PEM', () => {
  let pki: ProbeFixtures;
  let server: TestServer;

  before(async () => {
    pki = await probeFixtures();
    server = await startTlsServer({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
  });
  after(() => server.close());

  it('gives each chain entry the certificate served, as PEM, in the order sent', async () => {
    const io = captureIo();
    await createProbeCommand({ resolver: deadResolver }).run(['app.example.com', '--connect', `127.0.0.1:${server.port}`, '--json'], io);
    const json = JSON.parse(io.out.join('')) as { chain: { serialNumber: string; pem: string | null }[] };
    assert.equal(json.chain.length, 2);
    const served = [pki.valid.certPem, pki.intermediate.certPem].map((pem) => new X509Certificate(pem));
    json.chain.forEach((entry, index) => {
      assert.ok(entry.pem !== null, `entry ${index} has its PEM`);
      assert.deepEqual(new X509Certificate(entry.pem).raw, served[index]?.raw, `entry ${index} is the certificate served`);
      assert.equal(new X509Certificate(entry.pem).serialNumber.toUpperCase(), entry.serialNumber);
    });
  });
});
