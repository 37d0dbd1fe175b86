import { setMaxListeners } from 'node:events';
import { ProbeError } from './errors';
import { probe, type ProbeOptions } from './probe';
import { resolveProbeTarget } from './probeTarget';
import type { ProbeResult } from './types';

export interface ProbeManyOptions {
  /** Probes in flight at once. Default 32: loopback and real edges both take that easily. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  /** Called as each probe finishes, in completion order. */
  readonly onProgress?: (progress: { readonly done: number; readonly total: number; readonly index: number; readonly result: ProbeResult }) => void;
}

/**
 * Many probes with a concurrency limit. Results come back in input order. Invalid input
 * rejects before any connection is opened; cancellation stops new probes, aborts those
 * running, and rejects with ProbeError `cancelled`.
 */
export async function probeMany(inputs: readonly ProbeOptions[], options: ProbeManyOptions = {}): Promise<ProbeResult[]> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 32));
  const results = new Array<ProbeResult>(inputs.length);
  const controller = new AbortController();
  // Each running probe listens on the shared signal; that many listeners is by design.
  setMaxListeners(concurrency + 8, controller.signal);
  const outer = options.signal;
  const onAbort = (): void => controller.abort(outer?.reason);
  // Every input is checked first, so a typo in the 150th name opens no connection at all.
  for (const input of inputs) {
    resolveProbeTarget(input);
  }
  if (outer?.aborted === true) {
    throw new ProbeError('cancelled', 'The probes were cancelled.', 'input', { cause: outer.reason });
  }
  outer?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && !controller.signal.aborted) {
      const index = next++;
      const input = inputs[index];
      if (input === undefined) {
        continue;
      }
      const result = await probe({ ...input, signal: controller.signal });
      results[index] = result;
      done++;
      options.onProgress?.({ done, total: inputs.length, index, result });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, () => worker()));
  } catch (error) {
    controller.abort(error);
    throw error;
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
  if (controller.signal.aborted) {
    throw new ProbeError('cancelled', 'The probes were cancelled.', 'input', { cause: controller.signal.reason });
  }
  return results;
}
