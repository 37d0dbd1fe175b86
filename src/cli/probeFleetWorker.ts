import { parentPort, workerData } from 'node:worker_threads';
import { probe, probeMatrix, ProbeError, type TrustRoots } from '../probe';
import { MATRIX_CONCURRENCY, type FleetAnswer, type FleetKind, type FleetTask } from './fleetMessages';

/**
 * One of `cfcerts probe`'s probe threads (dist/cli-probe-worker.js): runs each task the
 * main thread sends as it arrives and answers with its result. The main thread decides
 * how many are in flight, and ends the thread when the fleet is done or cancelled.
 */

const port = parentPort;
if (port === null) throw new Error('probeFleetWorker runs as a worker thread of cfcerts probe.');
const { kind } = workerData as { kind: FleetKind };
const roots = new Map<number, TrustRoots>();

async function run(task: FleetTask): Promise<FleetAnswer> {
  if (task.rootsId !== undefined && task.roots !== undefined) roots.set(task.rootsId, task.roots);
  const extraRoots = task.rootsId === undefined ? undefined : roots.get(task.rootsId);
  const options = { ...task.options, ...(extraRoots === undefined ? {} : { extraRoots }) };
  try {
    const result = kind === 'matrix' ? await probeMatrix({ ...options, concurrency: MATRIX_CONCURRENCY }) : await probe(options);
    return { order: task.order, result };
  } catch (error) {
    return { order: task.order, error: error instanceof Error ? error.message : String(error), cancelled: ProbeError.is(error) && error.code === 'cancelled' };
  }
}

port.on('message', (task: FleetTask) => {
  void run(task).then((answer) => port.postMessage(answer));
});
