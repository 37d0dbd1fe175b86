/**
 * One "VS Code window" for the cross-process budget test: refreshes the inventory back to
 * back (the fastest refresh there is) through a budget shared via a directory, until the
 * shared clock reaches the end, then prints what it saw as one JSON line.
 *
 * argv: apiBaseUrl token directory epoch factor durationMs (simulated, from when this process starts)
 */
import { CloudflareClient, gatherInventory, sharedRateBudget } from '../../../src/cloudflare';
import { MemoryLogger } from '../../../src/shared/logger';
import { sharedAcceleratedClock } from '../../support/clock';

async function main(): Promise<void> {
  const [baseUrl = '', token = '', directory = '', epoch = '0', factor = '1', duration = '0'] = process.argv.slice(2);
  const clock = sharedAcceleratedClock(Number(epoch), Number(factor));
  const logger = new MemoryLogger();
  const budget = sharedRateBudget({ directory, key: 'user:budget-test', label: 'user budget-test', logger, clock });
  const client = new CloudflareClient({ baseUrl, credentials: { kind: 'token', token }, clock, rateBudget: budget, retries: { max: 0 }, proxy: { env: {} } });
  let refreshes = 0;
  // A refresh waiting for the budget when time is up is stopped, not waited for.
  const stop = new AbortController();
  void clock.sleep(Number(duration)).then(() => stop.abort(new Error('time is up')));
  try {
    while (!stop.signal.aborted) {
      try {
        await gatherInventory(client, { signal: stop.signal });
        refreshes++;
      } catch (error) {
        if (!stop.signal.aborted) throw error;
      }
    }
  } finally {
    await client.close();
  }
  const report = { refreshes, requests: client.stats.requests, rateLimited: client.stats.rateLimited, log: logger.entries.map((entry) => entry.message) };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
