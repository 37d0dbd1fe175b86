import { toProbeJson } from '../probe/probeJson';
import { opensslCommand } from './opensslCommand';
import type { ProbeRun } from './probeRun';

/** "Copy as JSON": the documented `cfcerts probe --json` shape, one object, or an array for several names. */
export function probeRunJson(run: ProbeRun): string {
  const results = run.outcomes.map((outcome) => toProbeJson(outcome.result));
  return JSON.stringify(results.length === 1 ? results[0] : results, null, 2);
}

/** "Copy openssl Command": one command line per name probed. */
export function probeRunCommands(run: ProbeRun): string {
  return run.outcomes.map(opensslCommand).join('\n');
}
