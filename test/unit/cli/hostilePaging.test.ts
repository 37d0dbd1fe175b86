import * as assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { RateBudget } from '../../../src/cloudflare';
import { createInventoryCommand } from '../../../src/cli/inventoryCommand';
import type { InventoryJson } from '../../../src/cli/inventoryJson';
import { captureIo } from '../../support/cliIo';
import { type HostilePaging, type PagingMode, startHostilePaging } from '../../support/hostile/hostilePaging';
import { FakeClock } from '../../support/clock';

interface Run {
  readonly code: number;
  readonly json: InventoryJson | undefined;
  readonly err: string;
}

async function inventory(server: HostilePaging, args: readonly string[] = [], clock = new FakeClock()): Promise<Run> {
  const io = captureIo({ CLOUDFLARE_API_TOKEN: 'hostile-paging-token', CLOUDFLARE_API_BASE_URL: server.apiBaseUrl });
  const code = await createInventoryCommand({ clock, retries: { max: 0 } }).run(['--json', ...args], io);
  const out = io.out.join('');
  return { code, json: out === '' ? undefined : (JSON.parse(out) as InventoryJson), err: io.err.join('') };
}

/** Waits, a millisecond at a time, until `ready` holds: for HTTP to arrive, never a timing. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await delay(1);
}

describe('cfcerts inventory against a hostile paging stand-in', () => {
  let server: HostilePaging | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const zoneCases: ReadonlyArray<{ mode: PagingMode; zones: number; maxListingRequests: number; message: RegExp }> = [
    { mode: 'hugeTotal', zones: 60, maxListingRequests: 9, message: /zones listing ended early at page 2 though 1,000,000,000 page\(s\) were announced/ },
    { mode: 'repeat', zones: 50, maxListingRequests: 9, message: /zones listing stopped at page 2: it only repeated zones/ },
    { mode: 'emptyClaiming', zones: 0, maxListingRequests: 1, message: /zones listing ended early at page 1/ },
    { mode: 'pageMismatch', zones: 50, maxListingRequests: 9, message: /zones listing stopped at page 2: Cloudflare answered with another page/ },
  ];
  for (const { mode, zones, maxListingRequests, message } of zoneCases) {
    it(`zones listing in mode ${mode}: a few requests, the zones read kept, the reason an error, exit 1`, async () => {
      server = await startHostilePaging({ mode, listing: 'zones' });
      const run = await inventory(server);
      assert.ok(server.listingRequests() <= maxListingRequests, `${server.listingRequests()} zone listing requests`);
      // Each zone's five collections, and nothing more.
      assert.ok(server.requests.length <= maxListingRequests + 5 * zones, `${server.requests.length} requests`);
      assert.equal(run.code, 1);
      assert.equal(run.json?.zones.length, zones);
      const error = run.json?.errors.find((candidate) => candidate.code === 'incomplete_listing');
      assert.match(error?.message ?? '', message);
      assert.match(run.err, message);
    });
  }

  const hostnameCases: ReadonlyArray<{ mode: PagingMode; kept: number; message: RegExp }> = [
    { mode: 'hugeTotal', kept: 60, message: /custom hostnames listing ended early at page 2/ },
    { mode: 'repeat', kept: 50, message: /custom hostnames listing stopped at page 2: it only repeated/ },
    { mode: 'emptyClaiming', kept: 0, message: /custom hostnames listing ended early at page 1/ },
    { mode: 'pageMismatch', kept: 50, message: /custom hostnames listing stopped at page 2: Cloudflare answered with another page/ },
  ];
  for (const { mode, kept, message } of hostnameCases) {
    it(`custom hostnames in mode ${mode}: the hostnames read kept beside the reason, exit 1`, async () => {
      server = await startHostilePaging({ mode, listing: 'customHostnames' });
      const run = await inventory(server);
      assert.ok(server.listingRequests() <= 9, `${server.listingRequests()} hostname listing requests`);
      assert.equal(run.code, 1);
      const [zone] = run.json?.zones ?? [];
      assert.equal(zone?.custom_hostnames?.length, kept);
      const error = zone?.errors.find((candidate) => candidate.collection === 'custom_hostnames');
      assert.equal(error?.code, 'incomplete_listing');
      assert.match(error?.message ?? '', message);
    });
  }

  it('ends with a clear error, exit 2, when the zones listing never answers for --timeout seconds', async () => {
    server = await startHostilePaging({ mode: 'hang', listing: 'zones' });
    const clock = new FakeClock();
    const running = inventory(server, ['--timeout', '30'], clock);
    const stand = server;
    await until(() => stand.listingRequests() === 1);
    await clock.advance(29_000);
    assert.equal(await Promise.race([running.then(() => 'ended'), delay(20).then(() => 'running')]), 'running', 'not before the deadline');
    await clock.advance(1_000);
    const run = await running;
    assert.equal(run.code, 2);
    assert.match(run.err, /The inventory received nothing new from the Cloudflare API for 30 s/);
    assert.match(run.err, /--timeout sets how long to wait/);
  });

  it('keeps what arrived when one collection hangs: that collection errs with no_progress, exit 1', async () => {
    server = await startHostilePaging({ mode: 'hang', listing: 'customHostnames' });
    const clock = new FakeClock();
    const running = inventory(server, ['--timeout', '30'], clock);
    const stand = server;
    // The four other collections answered; only the hostnames are outstanding.
    await until(() => stand.listingRequests() === 1 && stand.requests.length === 6);
    await clock.advance(30_000);
    const run = await running;
    assert.equal(run.code, 1);
    const [zone] = run.json?.zones ?? [];
    assert.deepEqual(zone?.certificate_packs, []);
    assert.equal(zone?.custom_hostnames, undefined);
    assert.equal(zone?.errors.find((error) => error.collection === 'custom_hostnames')?.code, 'no_progress');
    assert.match(run.err, /--timeout sets how long to wait/);
  });

  it('takes a long wait for the next rate window as progress, and says so on stderr', async () => {
    server = await startHostilePaging({ mode: 'honest', listing: 'zones', items: 2 });
    const clock = new FakeClock();
    // Three requests a minute, a ten-second deadline: the run needs eleven requests, so it waits whole windows.
    const budget = new RateBudget({ limit: 3, headroom: 0, windowMs: 60_000, clock });
    const io = captureIo({ CLOUDFLARE_API_TOKEN: 'hostile-paging-token', CLOUDFLARE_API_BASE_URL: server.apiBaseUrl });
    let code: number | undefined;
    const running = createInventoryCommand({ clock, retries: { max: 0 }, rateBudget: budget })
      .run(['--json', '--timeout', '10'], io)
      .then((exit) => (code = exit));
    while (code === undefined) {
      if (budget.waiting > 0) await clock.advance(60_000);
      else await delay(1);
    }
    await running;
    const json = JSON.parse(io.out.join('')) as InventoryJson;
    assert.equal(json.zones.length, 2);
    assert.deepEqual(
      json.zones.flatMap((zone) => zone.errors),
      [],
    );
    assert.equal(server.requests.length, 11);
    assert.match(io.err.join(''), /pacing to stay within Cloudflare's rate limit; \d+ request\(s\) wait for the next window/);
  });
});
