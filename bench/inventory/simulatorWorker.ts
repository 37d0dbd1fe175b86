/**
 * The simulator for the inventory benchmark, in its own thread: serving thousands of
 * JSON pages costs CPU and memory that must not be charged to the client being measured.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { generateLargeAccount, type LargeAccountOptions, startSimulator } from '../../src/simulator';

export interface SimulatorWorkerData {
  readonly account: LargeAccountOptions;
  readonly latencyMs: number;
}

export type SimulatorWorkerMessage =
  | { readonly type: 'ready'; readonly apiBaseUrl: string; readonly token: string }
  | { readonly type: 'requests'; readonly count: number }
  | { readonly type: 'closed' };

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) {
    throw new Error('simulatorWorker runs as a worker thread');
  }
  const data = workerData as SimulatorWorkerData;
  // Rate limit off on both sides: the benchmark measures fetching, not pacing.
  const sim = await startSimulator({ scenario: generateLargeAccount(data.account), lifecycle: false, latencyMs: data.latencyMs, rateLimit: false });
  port.on('message', (message: 'requests' | 'close') => {
    if (message === 'requests') {
      port.postMessage({ type: 'requests', count: sim.requests } satisfies SimulatorWorkerMessage);
    } else {
      void sim.close().then(() => port.postMessage({ type: 'closed' } satisfies SimulatorWorkerMessage));
    }
  });
  port.postMessage({ type: 'ready', apiBaseUrl: sim.apiBaseUrl, token: sim.demoToken } satisfies SimulatorWorkerMessage);
}

void main();
