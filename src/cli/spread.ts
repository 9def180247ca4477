/**
 * Running the replications of a scenario, a sweep or a comparison on worker threads for a
 * command: the progress bar, Ctrl-C and SIGTERM (what finished is kept and shown), and `--shard k/n`,
 * which runs one slice and writes it to a partial result file for `flowlab merge`.
 */
import type { SweepAxis } from '../experiment/axes.ts';
import { type CompareOptions, type Comparison, type NamedScenario, withRun } from '../experiment/compare.ts';
import {
  comparisonJobs,
  foldComparison,
  planComparison,
  replicationsDoneByAll,
} from '../experiment/compare-jobs.ts';
import { resultOf } from '../experiment/replications.ts';
import type { SimulationResult } from '../experiment/result.ts';
import { partialResult, type Shard, shardJobs } from '../experiment/shard.ts';
import {
  byPoint,
  foldSweep,
  type JobOutcome,
  planSweep,
  type SweepResult,
  sweepJobs,
} from '../experiment/sweep.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import { runJobs } from '../node/pool.ts';
import { Interrupted, UsageError } from './errors.ts';
import { interruptSignal, type Stop } from './interrupt.ts';
import { jobProgress, type ProgressMode } from './job-progress.ts';
import type { OutputFile } from './output-file.ts';
import { threadsFor } from './workers.ts';

export interface SpreadOptions {
  workers: number;
  shard?: Shard;
  /** Where a shard's partial result goes, checked before the run (output-file.ts). */
  out?: OutputFile;
  /** How progress shows on stderr. */
  show: ProgressMode;
  label: string;
}

export type Spread =
  | { kind: 'done'; sweep: SweepResult }
  | { kind: 'shard'; file: string; jobs: number; total: number }
  | ({
      kind: 'stopped';
      sweep: SweepResult;
      finished: number;
      total: number;
      /** For a run (no axes): the replications that finished, folded, if any did. */
      run?: SimulationResult;
    } & Stop);

export async function spread(
  document: unknown,
  axes: readonly SweepAxis[],
  options: SpreadOptions,
): Promise<Spread> {
  const plan = planSweep(document, axes);
  const jobs = sweepJobs(plan);
  const mine = options.shard ? shardJobs(jobs.length, options.shard) : jobs.map((_, j) => j);
  // A sweep's bar also counts the points whose replications (those in this shard) are all done.
  const left = new Map<number, number>();
  for (const j of mine) left.set(jobs[j].point, (left.get(jobs[j].point) ?? 0) + 1);
  const points = left.size;
  let pointsDone = 0;
  const progress = jobProgress(
    options.show,
    options.label,
    'replications',
    axes.length > 0 ? () => `${pointsDone}/${points} points` : undefined,
  );
  const interrupt = interruptSignal();
  const finished = new Map<number, JobOutcome>();
  // Only now that a signal stops the work cleanly: a log's reader (or a test) may send one.
  progress.onProgress(0, mine.length);
  try {
    await runJobs(
      mine.map((j) => jobs[j]),
      {
        workers: threadsFor(options.workers),
        signal: interrupt.signal,
        onProgress: progress.onProgress,
        onOutcome: (i, outcome) => {
          finished.set(mine[i], outcome);
          const point = jobs[mine[i]].point;
          const rest = (left.get(point) ?? 0) - 1;
          left.set(point, rest);
          if (rest === 0) pointsDone++;
        },
      },
    );
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
  } finally {
    progress.clear();
    interrupt.release();
  }
  if (options.shard) {
    if (!options.out) throw new UsageError('--shard needs --out FILE for the partial result');
    const stop = interrupt.stop();
    if (stop)
      throw new Interrupted(
        `stopped by ${stop.by}: ${finished.size} of ${mine.length} replications finished; no partial file written`,
        stop.exitCode,
      );
    const partial = partialResult(
      axes.length > 0 ? 'sweep' : 'run',
      withRun(document, plan.seed, plan.replications),
      axes,
      plan,
      options.shard,
      jobs.length,
      finished,
    );
    options.out.write(`${JSON.stringify(partial)}\n`);
    return { kind: 'shard', file: options.out.path, jobs: mine.length, total: jobs.length };
  }
  const stop = interrupt.stop();
  if (!stop) {
    const outcomes = jobs.map((_, j) => finished.get(j) as JobOutcome);
    return { kind: 'done', sweep: foldSweep(plan, byPoint(plan, outcomes)) };
  }
  // Stopped: fold the points whose replications all finished; the rest say so.
  const complete = plan.points.map(() => true);
  jobs.forEach((job, j) => {
    if (!finished.has(j)) complete[job.point] = false;
  });
  const stoppedPlan = {
    ...plan,
    points: plan.points.map((p, i) =>
      complete[i] ? p : { values: p.values, error: `not finished: stopped by ${stop.by}` },
    ),
  };
  const kept = sweepJobs(stoppedPlan);
  const outcomes = jobs.flatMap((job, j) => (complete[job.point] ? [finished.get(j) as JobOutcome] : []));
  const done = [...finished].sort(([a], [b]) => a - b).map(([, o]) => o);
  const scenario = plan.points[0]?.scenario;
  const run =
    axes.length === 0 && scenario && done.length > 0 && done.every((o) => !('error' in o))
      ? resultOf(scenario, done as ReplicationOutcome[])
      : undefined;
  return {
    kind: 'stopped',
    sweep: foldSweep(stoppedPlan, byPoint(stoppedPlan, outcomes.slice(0, kept.length))),
    finished: finished.size,
    total: jobs.length,
    run,
    ...stop,
  };
}

export type SpreadComparison =
  | { kind: 'done'; comparison: Comparison }
  | ({
      kind: 'stopped';
      /** Over the replications every variant finished, if there is one. */
      comparison?: Comparison;
      finished: number;
      total: number;
    } & Stop);

/** A comparison's replications on worker threads, with the progress bar, Ctrl-C and SIGTERM. */
export async function spreadComparison(
  variants: readonly NamedScenario[],
  compareOptions: CompareOptions,
  options: Omit<SpreadOptions, 'shard' | 'out'>,
): Promise<SpreadComparison> {
  const scenarios = planComparison(variants, compareOptions);
  const jobs = comparisonJobs(scenarios);
  const progress = jobProgress(options.show, options.label, 'replications of all variants');
  const interrupt = interruptSignal();
  const finished: (JobOutcome | undefined)[] = new Array(jobs.length);
  let done = 0;
  progress.onProgress(0, jobs.length);
  try {
    await runJobs(jobs, {
      workers: threadsFor(options.workers),
      signal: interrupt.signal,
      onProgress: progress.onProgress,
      onOutcome: (j, outcome) => {
        finished[j] = outcome;
        done++;
      },
    });
  } catch (error) {
    if (!interrupt.signal.aborted) throw error;
  } finally {
    progress.clear();
    interrupt.release();
  }
  const stop = interrupt.stop();
  if (!stop) return { kind: 'done', comparison: foldComparison(variants, scenarios, finished) };
  const paired = replicationsDoneByAll(scenarios, (j) => finished[j] !== undefined);
  return {
    kind: 'stopped',
    comparison: paired > 0 ? foldComparison(variants, scenarios, finished, paired) : undefined,
    finished: done,
    total: jobs.length,
    ...stop,
  };
}
