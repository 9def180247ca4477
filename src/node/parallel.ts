/**
 * Runs, sweeps and comparisons with their replications spread over worker threads, whole or
 * one shard of them: the library's plans on the thread pool. The result never depends on the
 * number of workers: each replication's seed comes from the run seed and its index, and
 * outcomes fold in replication order.
 */
import type { SweepAxis } from '../experiment/axes.ts';
import {
  type CompareOptions,
  type Comparison,
  type NamedScenario,
  planComparison,
} from '../experiment/compare.ts';
import { type ExecuteOptions, execute } from '../experiment/pipeline.ts';
import type { SimulationResult } from '../experiment/result.ts';
import { type PartialResult, planShard, type Shard } from '../experiment/shard.ts';
import { planRun } from '../experiment/simulate.ts';
import { planSweep, type SweepOptions, type SweepResult } from '../experiment/sweep.ts';
import { type PoolOptions, workerThreads } from './pool.ts';

export type ParallelOptions = SweepOptions & PoolOptions & ExecuteOptions;

/** Every point of a sweep, its replications on the pool: the same bytes as `sweep`. */
export async function sweepParallel(
  document: unknown,
  axes: readonly SweepAxis[],
  options: ParallelOptions = {},
): Promise<SweepResult> {
  return execute(planSweep(document, axes, options), workerThreads(options), options);
}

/** One scenario, its replications on the pool: the same bytes as `simulate`. An invalid scenario rejects with ScenarioError, as every function here does. */
export async function simulateParallel(
  document: unknown,
  options: ParallelOptions = {},
): Promise<SimulationResult> {
  return execute(planRun(document, options), workerThreads(options), options);
}

/** Variants with common random numbers, their replications on the pool: the same bytes as `compare`. */
export async function compareParallel(
  variants: readonly NamedScenario[],
  options: CompareOptions & PoolOptions & ExecuteOptions = {},
): Promise<Comparison> {
  return execute(planComparison(variants, options), workerThreads(options), options);
}

/** Runs one shard of a run (no axes) or a sweep, for `mergePartials` to fold later. */
export async function runShard(
  document: unknown,
  axes: readonly SweepAxis[],
  shard: Shard,
  options: ParallelOptions = {},
): Promise<PartialResult> {
  return execute(planShard(document, axes, shard, options), workerThreads(options), options);
}
