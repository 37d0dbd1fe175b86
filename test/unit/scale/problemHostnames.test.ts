import assert from 'node:assert/strict';
import { CloudflareApiError, CloudflareClient, listProblemHostnames, maxPerPage, problemFilters } from '../../../src/cloudflare';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';

/** Problems first: every hostname not active, through the status filters, without paging through the active ones. */
describe('problem hostnames through the status filters, against the simulator', () => {
  let sim: RunningSimulator;
  let client: CloudflareClient;
  let zone: string;
  before(async () => {
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: 3_000, seed: 18 }), lifecycle: false });
    zone = sim.state.zones[0]?.spec.id ?? '';
    client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: sim.demoToken }, rateBudget: false });
  });
  after(async () => {
    await client.close();
    await sim.close();
  });

  it('finds exactly the hostnames whose hostname or certificate status is not active, each once', async () => {
    const everything = await client.listCustomHostnames(zone);
    const expected = everything.filter((item) => item.status !== 'active' || item.ssl?.status !== 'active').map((item) => item.id).sort();
    assert.ok(expected.length > 100 && expected.length < everything.length / 5, `a realistic tail: ${expected.length} of ${everything.length}`);
    const found = await client.listProblemHostnames(zone);
    assert.deepEqual(found.items.map((item) => item.id).sort(), expected);
    assert.equal(new Set(found.items.map((item) => item.id)).size, found.items.length);
    assert.deepEqual(found.stopped, []);
    assert.equal(found.rejected, 0);
  });

  it('costs one request per listing plus one per further page: never a page of active hostnames', async () => {
    const before = client.stats.requests;
    const found = await client.listProblemHostnames(zone);
    const made = client.stats.requests - before;
    assert.equal(found.requests, made);
    // The fewest the filters allow: each listing read in ⌈its size ÷ 50⌉ pages, at least one.
    const perListing = problemFilters.map((filter) =>
      found.items.filter((item) => (filter.sslStatus === undefined || item.ssl?.status === filter.sslStatus) && (filter.hostnameStatus === undefined || item.status === filter.hostnameStatus)).length,
    );
    assert.equal(made, perListing.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / maxPerPage)), 0));
    const problemPages = Math.ceil(found.items.length / maxPerPage);
    assert.ok(made <= problemPages + problemFilters.length - 1, `${made} requests for ${problemPages} problem pages`);
    assert.ok(made < Math.ceil(3_000 / maxPerPage), 'fewer than reading the whole zone');
  });

  it('keeps what the other listings found when one fails, with the error beside them', async () => {
    const found = await listProblemHostnames(async (filter, page, signal, urgent) => {
      if (filter.sslStatus === 'pending_validation') throw new CloudflareApiError('server', 'Cloudflare answered 500');
      return client.customHostnamesPage(zone, { ...filter, page, urgent }, signal);
    });
    assert.deepEqual(found.stopped.map((error) => error.code), ['server']);
    assert.ok(found.items.length > 0);
    assert.ok(found.items.every((item) => item.ssl?.status !== 'pending_validation'));
  });
});
