/**
 * The simulator for the inventory benchmark, in its own thread: serving thousands of
 * JSON pages costs CPU and memory that must not be charged to the client being measured.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateLargeAccount, type LargeAccountOptions, startSimulator } from '../../src/simulator';
import { WindowSkippingClock } from './windowSkippingClock';

export interface SimulatorWorkerData {
  readonly account: LargeAccountOptions;
  /** Real milliseconds per response. */
  readonly latencyMs: number;
  /**
   * Cloudflare's 1,200 requests per 5 minutes, on a WindowSkippingClock over this buffer
   * (the client's, built on the same buffer, agrees). Absent: no limit.
   */
  readonly rateLimit?: { readonly skipped: SharedArrayBuffer };
}

export type SimulatorWorkerMessage =
  | { readonly type: 'ready'; readonly apiBaseUrl: string; readonly token: string }
  | { readonly type: 'requests'; readonly count: number; readonly rateLimited: number }
  | { readonly type: 'closed' };

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) {
    throw new Error('simulatorWorker runs as a worker thread');
  }
  const data = workerData as SimulatorWorkerData;
  // Without `rateLimit` the run measures fetching, not pacing.
  const limited = data.rateLimit;
  const sim = await startSimulator({
    scenario: generateLargeAccount(data.account),
    lifecycle: false,
    latencyMs: data.latencyMs,
    rateLimit: limited !== undefined,
    ...(limited === undefined ? {} : { clock: new WindowSkippingClock(limited.skipped) }),
  });
  port.on('message', (message: 'requests' | 'close') => {
    if (message === 'requests') {
      port.postMessage({ type: 'requests', count: sim.requests, rateLimited: sim.rateLimited } satisfies SimulatorWorkerMessage);
    } else {
      void sim.close().then(() => port.postMessage({ type: 'closed' } satisfies SimulatorWorkerMessage));
    }
  });
  port.postMessage({ type: 'ready', apiBaseUrl: sim.apiBaseUrl, token: sim.demoToken } satisfies SimulatorWorkerMessage);
}

void main();
