import * as assert from 'node:assert/strict';
import { maxPerPage, problemFilters, type CustomHostname } from '../../../src/cloudflare';
import { objectHealth } from '../../../src/domain/objectHealth';
import type { ExplorerModel } from '../../../src/explorer/explorerModel';
import { valueOf } from '../../../src/explorer/loadable';
import { problemGroups, statusGroupOf } from '../../../src/explorer/statusGroups';
import { defaultViewOptions } from '../../../src/explorer/viewOptions';
import { generateLargeAccount, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { expandAll, explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { simulatorClient } from '../../support/simulator/simulatorFixture';

/** 3,000 hostnames in one zone: 60 pages, of which the tree loads the first. */
const hostnameCount = 3_000;
const thresholds = { warningDays: 30, criticalDays: 7 };

describe('Show Only Problems over a partially loaded zone of the simulator', () => {
  let sim: RunningSimulator;
  let model: ExplorerModel;
  let close: () => Promise<void>;
  let zoneId: string;
  let everything: CustomHostname[];

  before(async () => {
    sim = await startSimulator({ scenario: generateLargeAccount({ zones: 1, packsPerZone: 1, customHostnames: hostnameCount, seed: 18 }), lifecycle: false });
    zoneId = sim.state.zones[0]?.spec.id ?? '';
    // The whole zone, read once by a client of its own, to judge the tree against.
    const reader = simulatorClient(sim, sim.demoToken);
    everything = await reader.listCustomHostnames(zoneId);
    await reader.close();
    const explorer = explorerOver(sim.apiBaseUrl, [tokenAccount(sim.demoToken)]);
    model = explorer.model;
    close = explorer.close;
  });

  after(async () => {
    await close();
    await sim.close();
  });

  it('shows every problem hostname of the zone, with the requests the status listings need and no page of active ones', async () => {
    const now = Date.now();
    await expandAll(model, now);
    const loaded = valueOf(model.zone('test', zoneId)?.hostnames ?? { status: 'idle' });
    assert.equal(loaded?.pagesLoaded, 1, 'only the first page is loaded');
    assert.equal(loaded?.totalPages, hostnameCount / maxPerPage);

    model.setProblemsOnly(true);
    const before = sim.requests;
    const tree = await expandAll(model, now, 8, { ...defaultViewOptions, problemsOnly: true });
    const made = sim.requests - before;

    // The listing holds every hostname whose hostname or certificate status is not active.
    const listing = model.zone('test', zoneId)?.problemHostnames;
    assert.equal(listing?.status, 'ready');
    const notActive = everything.filter((item) => item.status !== 'active' || item.ssl?.status !== 'active');
    assert.deepEqual(valueOf(listing ?? { status: 'idle' })?.items.map((item) => item.id).sort(), notActive.map((item) => item.id).sort());

    // The tree shows exactly the hostnames the health rule calls problems, across all 60 pages.
    const isProblem = (item: CustomHostname): boolean => problemGroups.includes(statusGroupOf(objectHealth({ kind: 'customHostname', object: item }, { now, thresholds })));
    const expected = everything.filter(isProblem).map((item) => item.hostname).sort();
    assert.ok(expected.length > 20, `a realistic tail: ${expected.length} of ${hostnameCount}`);
    const shown = tree.filter((item) => item.node.type === 'customHostname').map((item) => item.label);
    assert.deepEqual([...shown].sort(), expected);
    assert.equal(new Set(shown).size, shown.length, 'each once');
    assert.equal(tree.find((item) => item.label === 'Custom hostnames')?.description?.split(' · ')[0], `${expected.length} problem hostnames`);

    // Requests: one per status listing, plus one per further page of 50 (the fewest the filters allow).
    const perListing = problemFilters.map((filter) => notActive.filter((item) => (filter.sslStatus === undefined || item.ssl?.status === filter.sslStatus) && (filter.hostnameStatus === undefined || item.status === filter.hostnameStatus)).length);
    const needed = perListing.reduce((sum, count) => sum + Math.max(1, Math.ceil(count / maxPerPage)), 0);
    assert.equal(made, needed);
    assert.equal(valueOf(listing ?? { status: 'idle' })?.requests, needed);
    assert.ok(made < hostnameCount / maxPerPage - 1, `${made} requests, fewer than the 59 pages left`);

    // Drawn again with the filter on: nothing more is asked.
    const again = sim.requests;
    await expandAll(model, now, 8, { ...defaultViewOptions, problemsOnly: true });
    assert.equal(sim.requests, again);
  });
});
