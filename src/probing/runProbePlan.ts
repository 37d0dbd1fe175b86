import type { DnsResolver, ProbeOptions, TrustRoots } from '../probe';
import { loadProbe } from '../probe/load';
import { isCancellation } from '../shared/appError';
import { judgeAgainstApi } from './apiComparison';
import type { ProbePlan } from './probePlan';
import type { ProbeOutcome, ProbeRun } from './probeRun';
import { routeProbe } from './probeRoute';
import type { ResolveRule } from '../probe/resolveRules';

export interface RunProbePlanOptions {
  readonly rules: readonly ResolveRule[];
  readonly roots?: TrustRoots;
  readonly concurrency: number;
  readonly warningDays: number;
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly resolver?: DnsResolver;
  /** Called as each name is done, in completion order. */
  readonly onOutcome?: (outcome: ProbeOutcome, done: number, total: number) => void;
  readonly now?: () => number;
}

/**
 * Probes every name of a plan concurrently and judges each result against the API. A
 * cancelled run keeps the names already probed (marked `cancelled`); invalid names reject
 * before any connection is opened.
 */
export async function runProbePlan(plan: ProbePlan, options: RunProbePlanOptions): Promise<ProbeRun> {
  const routes = plan.probes.map((planned) => routeProbe(planned.servername, planned.connect, options.rules));
  const inputs = routes.map(
    (route): ProbeOptions => ({
      ...route.target,
      warningDays: options.warningDays,
      ...(options.roots === undefined ? {} : { extraRoots: options.roots }),
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.resolver === undefined ? {} : { resolver: options.resolver }),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
  );
  const outcomes = new Array<ProbeOutcome | undefined>(inputs.length);
  let cancelled = false;
  try {
    await loadProbe().probeMany(inputs, {
      concurrency: options.concurrency,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      onProgress: ({ done, total, index, result }) => {
        const planned = plan.probes[index];
        if (planned === undefined) return;
        const judged = judgeAgainstApi(result, planned.expected, { warningDays: options.warningDays });
        const rule = routes[index]?.rule;
        const outcome: ProbeOutcome = { planned, ...(rule === undefined ? {} : { rule }), result: judged.result, ...(judged.expected === undefined ? {} : { expected: judged.expected }), comparison: judged.rows };
        outcomes[index] = outcome;
        options.onOutcome?.(outcome, done, total);
      },
    });
  } catch (error) {
    if (!isCancellation(error) || options.signal?.aborted !== true) throw error;
    cancelled = true;
  }
  const finished = outcomes.filter((outcome): outcome is ProbeOutcome => outcome !== undefined);
  return {
    plan,
    outcomes: finished,
    ...(cancelled ? { cancelled: { done: finished.length, total: inputs.length } } : {}),
    finishedAt: new Date((options.now ?? Date.now)()).toISOString(),
  };
}
