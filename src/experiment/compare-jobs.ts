/**
 * A comparison's replications as independent jobs, for whoever spreads them over threads
 * (src/node/). Jobs go replication by replication across the variants (replication 0 of
 * every variant, then replication 1, ...), so work stopped early still holds a paired
 * comparison over the replications every variant finished. Results fold by variant in
 * replication order: the same bytes as `compare`, whatever ran the jobs and in what order.
 */
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import {
  type CompareOptions,
  type Comparison,
  comparisonOf,
  comparisonPlan,
  type NamedScenario,
} from './compare.ts';
import { resultOf, runnableScenario } from './replications.ts';
import type { JobOutcome } from './sweep.ts';

export interface ComparisonJob {
  variant: number;
  scenario: Scenario;
  replication: number;
}

/** Every variant validated (throwing ScenarioError) with the comparison's seed and replications. */
export function planComparison(variants: readonly NamedScenario[], options: CompareOptions = {}): Scenario[] {
  return comparisonPlan(variants, options).map(runnableScenario);
}

export function comparisonJobs(scenarios: readonly Scenario[]): ComparisonJob[] {
  const most = Math.max(0, ...scenarios.map((s) => s.run.replications));
  const jobs: ComparisonJob[] = [];
  for (let replication = 0; replication < most; replication++)
    scenarios.forEach((scenario, variant) => {
      if (replication < scenario.run.replications) jobs.push({ variant, scenario, replication });
    });
  return jobs;
}

/**
 * The comparison from its jobs' outcomes (indexed as `comparisonJobs`), over the first
 * `replications` of each variant (default: all of them). A job that failed is a bug: thrown.
 */
export function foldComparison(
  variants: readonly NamedScenario[],
  scenarios: readonly Scenario[],
  outcomes: readonly (JobOutcome | undefined)[],
  replications = Number.POSITIVE_INFINITY,
): Comparison {
  const byVariant: ReplicationOutcome[][] = scenarios.map(() => []);
  comparisonJobs(scenarios).forEach((job, j) => {
    if (job.replication >= replications) return;
    const outcome = outcomes[j];
    if (!outcome) throw new Error(`replication ${job.replication} of variant ${job.variant} did not run`);
    if ('error' in outcome) throw new Error(outcome.error);
    byVariant[job.variant].push(outcome);
  });
  return comparisonOf(
    variants,
    scenarios.map((scenario, v) => resultOf(scenario, byVariant[v])),
  );
}

/** How many leading replications every variant finished, given which jobs are done. */
export function replicationsDoneByAll(
  scenarios: readonly Scenario[],
  done: (job: number) => boolean,
): number {
  const jobs = comparisonJobs(scenarios);
  const first = jobs.findIndex((_, j) => !done(j));
  return first < 0 ? Math.min(...scenarios.map((s) => s.run.replications)) : jobs[first].replication;
}
