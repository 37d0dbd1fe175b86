import assert from 'node:assert/strict';
import type { CertificatePack, CustomCertificate, CustomHostname } from '../../../src/cloudflare';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import { planObject, planZone } from '../../../src/probing/probePlan';
import { runProbePlan, type RunProbePlanOptions } from '../../../src/probing/runProbePlan';
import type { ZoneCatalog } from '../../../src/probing/zoneCatalog';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { apiView } from '../../../src/simulator/state/simulatorState';
import { deadResolver } from '../../support/probe/fakeResolver';

/** A zone of the simulator as the explorer would have loaded it from the API. */
function catalogOf(simulator: RunningSimulator, zoneName: string): ZoneCatalog {
  const zone = simulator.state.zones.find((candidate) => candidate.spec.name === zoneName);
  assert.ok(zone);
  const items: CertificateObject[] = [
    ...zone.packs.all().map((object): CertificateObject => ({ kind: 'certificatePack', object: apiView(object) as unknown as CertificatePack })),
    ...zone.customCertificates.all().map((object): CertificateObject => ({ kind: 'customCertificate', object: apiView(object) as unknown as CustomCertificate })),
    ...zone.customHostnames.all().map((object): CertificateObject => ({ kind: 'customHostname', object: apiView(object) as unknown as CustomHostname })),
  ];
  return { account: 'acc', zone: zone.spec.id, zoneName, entries: items.map((item) => ({ ref: { account: 'acc', zone: zone.spec.id, kind: item.kind, id: item.object.id }, item })) };
}

describe("probe runs against the simulator's TLS edge", () => {
  let simulator: RunningSimulator;
  let options: RunProbePlanOptions;

  before(async () => {
    simulator = await startSimulator({ tlsPort: 0, lifecycle: false });
    const edge = simulator.tls;
    assert.ok(edge);
    // warningDays 0: the scenario's expiry dates are its own; what the edge serves is ours.
    options = { rules: [{ pattern: '*', address: edge.host, ipVersion: 4, port: edge.port }], roots: { pem: edge.caPem, label: 'simulator-ca.pem' }, concurrency: 8, warningDays: 0, resolver: deadResolver };
  });
  after(() => simulator.close());

  it('judges each name of a SaaS zone against the API: active hostnames ok, pending ones get the zone certificate', async () => {
    const catalog = catalogOf(simulator, 'tenantly.app');
    const run = await runProbePlan(planZone(catalog, { kind: 'zone', account: 'acc', zone: catalog.zone }), options);
    const verdicts = new Map(run.outcomes.map((outcome) => [outcome.result.servername, outcome.result.verdict]));
    assert.equal(run.outcomes.length, run.plan.probes.length);
    assert.equal(verdicts.get('shop.bluebottle-coffee.com'), 'ok');
    assert.equal(verdicts.get('tenantly.app'), 'ok', 'the universal pack, issuer and expiry as the API says');
    assert.equal(verdicts.get('app.northwind-traders.com'), 'hostname-mismatch', 'pending validation: the SaaS zone certificate comes back');
    const pending = run.outcomes.find((outcome) => outcome.result.servername === 'app.northwind-traders.com');
    assert.equal(pending?.expected?.status, 'pending_validation');
    assert.equal(pending?.rule?.pattern, '*');
    assert.ok(run.outcomes.every((outcome) => outcome.result.target.address === simulator.tls?.host));
  });

  it('compares a pack with its certificate of the key type served, and sees the advanced pack win over the universal one', async () => {
    const catalog = catalogOf(simulator, 'acme.com');
    const universal = catalog.entries.find((entry) => entry.item.kind === 'certificatePack' && entry.item.object.type === 'universal');
    assert.ok(universal);
    const run = await runProbePlan(planObject(catalog, { kind: 'object', ref: universal.ref }), options);
    assert.deepEqual(run.plan.skipped, ['*.acme.com']);
    const [only] = run.outcomes;
    assert.equal(only?.result.verdict, 'unexpected-certificate', 'the edge serves the advanced pack for acme.com');
    assert.deepEqual(only?.comparison.filter((row) => row.matches === false).map((row) => row.field), ['Names', 'Issuer', 'Expires']);
  });

  it('keeps what was probed when cancelled, and says how far it got', async () => {
    const catalog = catalogOf(simulator, 'tenantly.app');
    const controller = new AbortController();
    const run = await runProbePlan(planZone(catalog, { kind: 'zone', account: 'acc', zone: catalog.zone }), { ...options, concurrency: 2, signal: controller.signal, onOutcome: () => controller.abort() });
    assert.ok(run.cancelled !== undefined);
    assert.equal(run.cancelled.done, run.outcomes.length);
    assert.ok(run.outcomes.length >= 1 && run.outcomes.length < run.cancelled.total, `${run.outcomes.length} of ${run.cancelled.total}`);
  });
});
