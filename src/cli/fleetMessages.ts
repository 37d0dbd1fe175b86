import { probe, probeMatrix, type MatrixResult, type ProbeErrorCode, type ProbeOptions, type ProbeResult, type TrustRoots } from '../probe';
import type { ProbeStage } from '../probe/types';

/**
 * What crosses between `cfcerts probe`'s main thread and its probe threads
 * (probeFleetWorker.ts), and the task both run. Only data crosses: a resolver, a clock or
 * a signal cannot, so inputs carrying the first two stay in the main thread (tests inject
 * them), and the main thread cancels a thread by ending it.
 */

export type FleetKind = 'probe' | 'matrix';

/** A probe's options without what cannot cross, and without its extra roots (sent once per thread). */
export type PortableProbeOptions = Omit<ProbeOptions, 'signal' | 'resolver' | 'now' | 'extraRoots'>;

export interface FleetTask {
  /** The input's index in the fleet: the answer carries it back. */
  readonly order: number;
  readonly options: PortableProbeOptions;
  /** Which extra roots the probe trusts, by the number the thread was first sent them with. */
  readonly rootsId?: number;
  /** The roots themselves, the first time a thread sees `rootsId`: a CA bundle is not copied per name. */
  readonly roots?: TrustRoots;
}

/** A task's result, or why it failed (a ProbeError's code crosses with it). */
export type FleetAnswer = { readonly order: number; readonly result: ProbeResult | MatrixResult } | { readonly order: number; readonly error: string; readonly probeError?: { readonly code: ProbeErrorCode; readonly stage: ProbeStage } };

/** Probes per matrix in flight: a matrix is 4 probes per address. */
export const MATRIX_CONCURRENCY = 4;

/** One name of a fleet, in whichever thread runs it: a probe, or a matrix of them. */
export function runFleetTask(kind: FleetKind, options: ProbeOptions): Promise<ProbeResult | MatrixResult> {
  return kind === 'matrix' ? probeMatrix({ ...options, concurrency: MATRIX_CONCURRENCY }) : probe(options);
}

/** The options minus what cannot cross to a thread; undefined when the input carries a resolver or a clock. */
export function portableOptions(options: ProbeOptions): PortableProbeOptions | undefined {
  if (options.resolver !== undefined || options.now !== undefined) return undefined;
  const { signal: _signal, extraRoots: _roots, resolver: _resolver, now: _now, ...portable } = options;
  return portable;
}
