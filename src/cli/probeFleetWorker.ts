import { parentPort, workerData } from 'node:worker_threads';
import { ProbeError, type TrustRoots } from '../probe';
import { runFleetTask, type FleetAnswer, type FleetKind, type FleetTask } from './fleetMessages';

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
    return { order: task.order, result: await runFleetTask(kind, options) };
  } catch (error) {
    return { order: task.order, error: error instanceof Error ? error.message : String(error), ...(ProbeError.is(error) ? { probeError: { code: error.code, stage: error.stage } } : {}) };
  }
}

port.on('message', (task: FleetTask) => {
  void run(task).then((answer) => port.postMessage(answer));
});
