import { setMaxListeners } from 'node:events';
import { probeMany, probeMatrix, ProbeError, type MatrixResult, type ProbeOptions, type ProbeResult } from '../probe';

/**
 * Many names in one run, each reported the moment it finishes (completion order, never
 * list order). Single probes go through the library's `probeMany`; matrices (each already
 * a handful of probes) share the same budget of connections in flight.
 */

export interface FleetProbeOptions {
  /** Connections in flight at once. */
  readonly concurrency: number;
  readonly signal: AbortSignal;
}

/**
 * probeMany keeps every result of a call until it returns: feeding it slices of the list
 * bounds memory on a 100,000-name list, at the cost of one short tail per slice.
 */
const SLICE = 2000;

/** Every input is valid (checked by the caller, line by line). `order` is the input's index. */
export async function probeEach(inputs: readonly ProbeOptions[], options: FleetProbeOptions, onResult: (result: ProbeResult, order: number) => void): Promise<void> {
  for (let start = 0; start < inputs.length; start += SLICE) {
    await probeMany(inputs.slice(start, start + SLICE), {
      concurrency: options.concurrency,
      signal: options.signal,
      onProgress: ({ index, result }) => onResult(result, start + index),
    });
  }
}

/** Probes per matrix in flight: a matrix is 4 probes per address. */
const MATRIX_CONCURRENCY = 4;

export async function matrixEach(inputs: readonly ProbeOptions[], options: FleetProbeOptions, onResult: (matrix: MatrixResult, order: number) => void): Promise<void> {
  const controller = new AbortController();
  const workers = Math.max(1, Math.ceil(options.concurrency / MATRIX_CONCURRENCY));
  setMaxListeners(workers * MATRIX_CONCURRENCY + 8, controller.signal);
  const onAbort = (): void => controller.abort(options.signal.reason);
  if (options.signal.aborted) onAbort();
  options.signal.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length && !controller.signal.aborted) {
      const order = next++;
      const input = inputs[order];
      if (input === undefined) continue;
      onResult(await probeMatrix({ ...input, concurrency: MATRIX_CONCURRENCY, signal: controller.signal }), order);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(workers, inputs.length) }, () => worker()));
  } catch (error) {
    controller.abort(error);
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
  }
  if (controller.signal.aborted) throw new ProbeError('cancelled', 'The probes were cancelled.', 'input');
}
