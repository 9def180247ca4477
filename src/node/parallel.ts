/**
 * Runs and sweeps with their replications spread over worker threads, whole or one shard
 * of them. The result never depends on the number of workers: each replication's seed comes
 * from the run seed and its index, and outcomes fold in replication order.
 */
import type { SweepAxis } from '../experiment/axes.ts';
import { type CompareOptions, type Comparison, type NamedScenario, withRun } from '../experiment/compare.ts';
import { comparisonJobs, foldComparison, planComparison } from '../experiment/compare-jobs.ts';
import type { SimulationResult } from '../experiment/result.ts';
import { type PartialResult, partialResult, type Shard, shardJobs } from '../experiment/shard.ts';
import {
  byPoint,
  foldSweep,
  type JobOutcome,
  planSweep,
  type SweepOptions,
  type SweepResult,
  sweepJobs,
} from '../experiment/sweep.ts';
import { type PoolOptions, runJobs } from './pool.ts';

export type ParallelOptions = SweepOptions & PoolOptions;

/** Every point of a sweep, its replications on the pool. */
export async function sweepParallel(
  document: unknown,
  axes: readonly SweepAxis[],
  options: ParallelOptions = {},
): Promise<SweepResult> {
  const plan = planSweep(document, axes, options);
  const outcomes = await runJobs(sweepJobs(plan), options);
  return foldSweep(plan, byPoint(plan, outcomes));
}

/** One scenario, its replications on the pool: the same bytes as `simulate`. */
export async function simulateParallel(
  document: unknown,
  options: ParallelOptions = {},
): Promise<SimulationResult> {
  const { points } = await sweepParallel(document, [], options);
  const [point] = points;
  if (!point.result) throw new Error(point.error ?? 'the run failed');
  return point.result;
}

/** Variants with common random numbers, their replications on the pool: the same bytes as `compare`. */
export async function compareParallel(
  variants: readonly NamedScenario[],
  options: CompareOptions & PoolOptions = {},
): Promise<Comparison> {
  const scenarios = planComparison(variants, options);
  const outcomes = await runJobs(comparisonJobs(scenarios), options);
  return foldComparison(variants, scenarios, outcomes);
}

/** Runs one shard of a run (no axes) or a sweep, for `flowlab merge` to fold later. */
export async function runShard(
  document: unknown,
  axes: readonly SweepAxis[],
  shard: Shard,
  options: ParallelOptions = {},
): Promise<PartialResult> {
  const plan = planSweep(document, axes, options);
  const jobs = sweepJobs(plan);
  const mine = shardJobs(jobs.length, shard);
  const outcomes = await runJobs(
    mine.map((j) => jobs[j]),
    options,
  );
  const byJob = new Map<number, JobOutcome>(mine.map((j, i) => [j, outcomes[i]]));
  const runDocument = withRun(document, plan.seed, plan.replications);
  return partialResult(
    axes.length === 0 ? 'run' : 'sweep',
    runDocument,
    axes,
    plan,
    shard,
    jobs.length,
    byJob,
  );
}
