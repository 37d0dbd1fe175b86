import type { Worker } from 'node:worker_threads';
import { nodeWorkerThreads } from '../shared/nodeModules';
import { ProbeError, type ProbeOptions, type TrustRoots } from '../probe';
import { portableOptions, type FleetAnswer, type FleetKind, type FleetTask } from './fleetMessages';

/**
 * The probe thread's code: dist/cli-probe-worker.js beside the bundle (esbuild.js rewrites
 * this require.resolve), out/src/cli/probeFleetWorker.js when the tests run from tsc.
 */
function workerFile(): string {
  return require.resolve('./probeFleetWorker');
}

/** Where a fleet's probes run: the main thread, or a worker thread (WorkerLane). */
export interface Lane<R> {
  run(order: number): Promise<R>;
  close(): Promise<void>;
}

interface Waiting {
  resolve(result: unknown): void;
  reject(error: Error): void;
}

/**
 * Probes run in a worker thread of their own: each run() posts a task and resolves with the
 * thread's answer. A cancellation ends the thread (its sockets with it) and rejects what
 * was waiting; so does a thread that dies, with the reason.
 */
export class WorkerLane<R> implements Lane<R> {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  /** Extra roots this thread has been sent, by identity: the fleet's inputs share one object. */
  private readonly rootsSent = new Map<TrustRoots, number>();
  private failure: Error | undefined;

  constructor(
    kind: FleetKind,
    private readonly inputs: readonly ProbeOptions[],
    signal: AbortSignal,
  ) {
    this.worker = new (nodeWorkerThreads().Worker)(workerFile(), { workerData: { kind } });
    this.worker.on('message', (answer: FleetAnswer) => this.answered(answer));
    this.worker.on('error', (error) => this.fail(new Error(`A probe thread failed: ${error.message}`)));
    this.worker.on('messageerror', (error) => this.fail(new Error(`A probe thread's answer could not be read: ${error.message}`)));
    this.worker.on('exit', (code) => this.fail(new Error(`A probe thread ended (exit code ${code}) with probes unanswered.`)));
    const onAbort = (): void => {
      this.fail(new ProbeError('cancelled', 'The probes were cancelled.', 'input'));
      void this.worker.terminate();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }

  run(order: number): Promise<R> {
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const input = this.inputs[order];
    const options = input === undefined ? undefined : portableOptions(input);
    if (input === undefined || options === undefined) return Promise.reject(new Error(`Input ${order} cannot be probed in a worker thread.`));
    const task: FleetTask = { order, options, ...this.roots(input.extraRoots) };
    return new Promise<R>((resolve, reject) => {
      this.waiting.set(order, { resolve: (result) => resolve(result as R), reject });
      this.worker.postMessage(task);
    });
  }

  close(): Promise<void> {
    this.failure ??= new Error('The probe thread was closed.');
    return this.worker.terminate().then(() => undefined);
  }

  private roots(extraRoots: TrustRoots | undefined): Pick<FleetTask, 'rootsId' | 'roots'> {
    if (extraRoots === undefined) return {};
    const known = this.rootsSent.get(extraRoots);
    if (known !== undefined) return { rootsId: known };
    const rootsId = this.rootsSent.size;
    this.rootsSent.set(extraRoots, rootsId);
    return { rootsId, roots: extraRoots };
  }

  private answered(answer: FleetAnswer): void {
    const waiting = this.waiting.get(answer.order);
    if (waiting === undefined) return;
    this.waiting.delete(answer.order);
    if ('result' in answer) waiting.resolve(answer.result);
    else waiting.reject(answer.probeError === undefined ? new Error(answer.error) : new ProbeError(answer.probeError.code, answer.error, answer.probeError.stage));
  }

  /** Rejects everything waiting, and what is asked later, with `error`; the first reason wins. */
  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.waiting.values()) waiting.reject(this.failure);
    this.waiting.clear();
  }
}
