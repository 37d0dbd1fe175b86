import type { ProbeResult, Verdict } from '../probe';
import { worstVerdict } from '../probe/verdictOrder';
import type { ComparisonRow } from './apiComparison';
import type { ExpectedCertificate } from './expectedCertificates';
import type { PlannedProbe, ProbePlan } from './probePlan';
import type { ResolveRule } from '../probe/resolveRules';

/** One name probed: the plan, the route taken, and the result judged against the API. */
export interface ProbeOutcome {
  readonly planned: PlannedProbe;
  /** The resolve rule that chose the address, when one did. */
  readonly rule?: ResolveRule;
  readonly result: ProbeResult;
  readonly expected?: ExpectedCertificate;
  readonly comparison: readonly ComparisonRow[];
}

/** A finished probe run: what the results panel shows. */
export interface ProbeRun {
  readonly plan: ProbePlan;
  /** In the plan's order; fewer than planned when cancelled. */
  readonly outcomes: readonly ProbeOutcome[];
  /** Set when the run was cancelled before every name was probed. */
  readonly cancelled?: { readonly done: number; readonly total: number };
  readonly finishedAt: string;
}

export function runVerdict(run: ProbeRun): Verdict | undefined {
  return run.outcomes.length === 0 ? undefined : worstVerdict(run.outcomes.map((outcome) => outcome.result.verdict));
}
