import { setMaxListeners } from 'node:events';
import { availableParallelism } from 'node:os';
import { ProbeError, type MatrixResult, type ProbeOptions, type ProbeResult } from '../probe';
import { MATRIX_CONCURRENCY, portableOptions, runFleetTask, type FleetKind } from './fleetMessages';
import { WorkerLane, type Lane } from './workerLane';

/**
 * Many names in one run, each reported the moment it finishes (completion order, never
 * list order). A handshake is mostly CPU (Node's TLS client and OpenSSL, about 2 ms a
 * name), so one thread is the limit of a big fleet: on a machine with cores to spare it is
 * spread over several threads, the main thread one of them, each taking the next name as
 * it frees a slot.
 */

export interface FleetProbeOptions {
  /** Connections in flight at once, over all threads. */
  readonly concurrency: number;
  readonly signal: AbortSignal;
  /** Threads to probe on, the main thread included; by default fleetThreads()'s rule. */
  readonly threads?: number;
  /** Told how many threads probe, once, before the first probe. */
  readonly onThreads?: (threads: number) => void;
}

/** Probes a thread must have to repay its start (about 30 ms of CPU, a dozen handshakes). */
const PROBES_PER_THREAD = 32;

/** Tasks in flight over all threads: `concurrency` counts connections, and a matrix keeps 4 open. */
function tasksInFlight(kind: FleetKind, concurrency: number): number {
  return Math.max(1, Math.ceil(concurrency / (kind === 'matrix' ? MATRIX_CONCURRENCY : 1)));
}

/**
 * How many threads probe a fleet: `--threads` if given, else one per core but one (the
 * kernel's network work and the rest of the machine need it: on a 2-core machine a second
 * thread measured no faster), as long as each gets enough probes to repay its start; never
 * more than tasks in flight; one when an input carries a resolver or a clock (they cannot
 * cross threads).
 */
export function fleetThreads(inputs: readonly ProbeOptions[], kind: FleetKind, options: Pick<FleetProbeOptions, 'concurrency' | 'threads'>, cores: number = availableParallelism()): number {
  if (inputs.some((input) => portableOptions(input) === undefined)) return 1;
  const probes = inputs.length * (kind === 'matrix' ? MATRIX_CONCURRENCY : 1);
  const wanted = options.threads ?? Math.min(cores - 1, Math.floor(probes / PROBES_PER_THREAD));
  return Math.max(1, Math.min(wanted, tasksInFlight(kind, options.concurrency), inputs.length));
}

function mainThreadLane<R>(kind: FleetKind, inputs: readonly ProbeOptions[], signal: AbortSignal): Lane<R> {
  return {
    run: (order) => runFleetTask(kind, { ...(inputs[order] as ProbeOptions), signal }) as Promise<R>,
    close: () => Promise.resolve(),
  };
}

/** Spreads `total` slots over `lanes`, at least one each. */
function shares(total: number, lanes: number): number[] {
  return Array.from({ length: lanes }, (_, lane) => Math.max(1, Math.floor(total / lanes) + (lane < total % lanes ? 1 : 0)));
}

async function runFleet<R>(kind: FleetKind, inputs: readonly ProbeOptions[], options: FleetProbeOptions, onResult: (result: R, order: number) => void): Promise<void> {
  if (options.signal.aborted) throw new ProbeError('cancelled', 'The probes were cancelled.', 'input');
  const controller = new AbortController();
  const inFlight = tasksInFlight(kind, options.concurrency);
  // Each running probe of the main thread listens on the shared signal; that many listeners is by design.
  setMaxListeners(options.concurrency + 8, controller.signal);
  const onAbort = (): void => controller.abort(options.signal.reason);
  options.signal.addEventListener('abort', onAbort, { once: true });
  const threads = fleetThreads(inputs, kind, options);
  options.onThreads?.(threads);
  const lanes: Lane<R>[] = [mainThreadLane<R>(kind, inputs, controller.signal)];
  let next = 0;
  const drain = async (lane: Lane<R>): Promise<void> => {
    while (next < inputs.length && !controller.signal.aborted) {
      const order = next++;
      const result = await lane.run(order);
      // A probe that ends after a cancellation or another thread's failure is not reported.
      if (!controller.signal.aborted) onResult(result, order);
    }
  };
  try {
    // Inside the try: a thread that cannot start ends the others and leaves no listener behind.
    for (let thread = 1; thread < threads; thread++) lanes.push(new WorkerLane<R>(kind, inputs, controller.signal));
    const slots = shares(inFlight, lanes.length);
    await Promise.all(lanes.flatMap((lane, index) => Array.from({ length: Math.min(slots[index] ?? 1, inputs.length) }, () => drain(lane))));
  } catch (error) {
    controller.abort(error);
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    await Promise.all(lanes.map((lane) => lane.close()));
  }
  if (controller.signal.aborted) throw new ProbeError('cancelled', 'The probes were cancelled.', 'input');
}

/** Every input is valid (checked by the caller, line by line). `order` is the input's index. */
export function probeEach(inputs: readonly ProbeOptions[], options: FleetProbeOptions, onResult: (result: ProbeResult, order: number) => void): Promise<void> {
  return runFleet('probe', inputs, options, onResult);
}

/** Each input probed as a matrix (every address × key type × SNI on and off). */
export function matrixEach(inputs: readonly ProbeOptions[], options: FleetProbeOptions, onResult: (matrix: MatrixResult, order: number) => void): Promise<void> {
  return runFleet('matrix', inputs, options, onResult);
}
