import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateLargeAccount, startSimulator } from '../../../src/simulator';
import { sharedAcceleratedClock } from '../../support/clock';

interface WindowReport {
  readonly refreshes: number;
  readonly requests: number;
  readonly rateLimited: number;
  readonly log: readonly string[];
}

const windowMs = 300_000;
/** 30×: the simulated six minutes take 12 real seconds. */
const factor = 30;

function runWindow(args: readonly string[]): Promise<WindowReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(__dirname, 'budgetWindow.js'), ...args], { maxBuffer: 1 << 24 }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim()) as WindowReport);
    });
  });
}

describe('one rate budget for two VS Code windows (two processes, one directory)', () => {
  let directory: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-budget-'));
  });

  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  it('refreshing back to back, together they get no 429 from the 5-minute limit', async function () {
    this.timeout(120_000);
    const epoch = Date.now();
    const clock = sharedAcceleratedClock(epoch, factor);
    const scenario = generateLargeAccount({ zones: 40, packsPerZone: 2, customHostnames: 20, seed: 7 });
    const sim = await startSimulator({ scenario, lifecycle: false, rateLimit: true, clock });
    try {
      // Past one window and its lease: the first grants leave it, and more are taken.
      const args = [sim.apiBaseUrl, sim.demoToken, directory, String(epoch), String(factor), String(windowMs * 1.2)];
      const reports = await Promise.all([runWindow(args), runWindow(args)]);
      const [one, two] = reports;
      assert.ok(one !== undefined && two !== undefined);
      assert.deepEqual(reports.map((report) => report.rateLimited), [0, 0], 'no 429 in either window');
      assert.ok(one.requests > 0 && two.requests > 0, 'both windows made requests');
      // Both refreshed without pause for longer than a window: the shared budget (960 with two windows), not
      // their appetite, was the limit, and it rolled on once the first grants left the window. Each with a
      // budget of its own (1,080) would have sent far more than Cloudflare's 1,200 and met 429s.
      assert.ok(one.requests + two.requests > 960, `the window rolled on (${one.requests} + ${two.requests} requests)`);
      // The simulator saw what the windows counted, give or take the requests cut off in flight when time
      // was up (counted when granted, aborted before the simulator read them: at most one concurrency
      // limit, 8, per window) and the ones undici sends again by itself when a keep-alive socket closes
      // under an idempotent GET (a few). Anything further off means a request went past the counter.
      const counted = one.requests + two.requests;
      assert.ok(Math.abs(sim.requests - counted) <= 2 * 8 + 2, `${sim.requests} requests seen, ${counted} counted`);
      assert.ok(
        reports.some((report) => report.log.some((line) => /another VS Code window uses it too/.test(line))),
        'a window says in the log that it shares the budget',
      );
    } finally {
      await sim.close();
    }
  });
});
