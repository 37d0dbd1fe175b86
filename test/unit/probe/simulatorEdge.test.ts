import assert from 'node:assert/strict';
import { probe, probeMatrix } from '../../../src/probe';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { deadResolver } from '../../support/probe/fakeResolver';

describe('probe against the simulator\'s TLS edge', () => {
  let simulator: RunningSimulator;
  let edge: NonNullable<RunningSimulator['tls']>;

  before(async () => {
    simulator = await startSimulator({ tlsPort: 0, lifecycle: false });
    assert.ok(simulator.tls !== undefined);
    edge = simulator.tls;
  });
  after(() => simulator.close());

  // warningDays 0: the demo scenario's expiry dates are its own business, trust and identity are ours.
  it('gets a trusted certificate for an active zone, ECDSA and RSA alike, as the pack says', async () => {
    const base = { servername: 'acme.com', connect: `${edge.host}:${edge.port}`, extraRoots: { pem: edge.caPem, label: 'simulator-root.pem' }, resolver: deadResolver, expect: { hostnames: ['acme.com'] }, warningDays: 0 };
    const ecdsa = await probe({ ...base, keyType: 'ecdsa' });
    const rsa = await probe({ ...base, keyType: 'rsa' });
    assert.deepEqual([ecdsa.verdict, ecdsa.chain[0]?.keyType], ['ok', 'ec']);
    assert.deepEqual([rsa.verdict, rsa.chain[0]?.keyType], ['ok', 'rsa']);
    assert.ok(ecdsa.chain.length >= 2, 'leaf and a CA-named intermediate');
  });

  it('shows the whole matrix for the edge on one address', async () => {
    const matrix = await probeMatrix({ servername: 'www.acme.com', connect: `${edge.host}:${edge.port}`, extraRoots: { pem: edge.caPem, label: 'simulator-root.pem' }, resolver: deadResolver, warningDays: 0 });
    assert.equal(matrix.cells.length, 4);
    assert.ok(matrix.cells.filter((cell) => cell.sni).every((cell) => cell.result.verdict === 'ok'), matrix.cells.map((cell) => cell.result.verdict).join());
  });
});
