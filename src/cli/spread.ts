/**
 * Running a plan's replications (a run, a sweep, a comparison, a shard) on worker threads for
 * a command: the progress bar, and Ctrl-C and SIGTERM, after which what finished is kept and
 * shown; a shard is written to its partial result file for `flowlab merge`.
 */
import { type Execution, executeUntil, type PartialResult, type Plan } from '../index.ts';
import { workerThreads } from '../node/index.ts';
import { Interrupted } from './errors.ts';
import { interruptSignal, type Stop } from './interrupt.ts';
import { jobProgress, type ProgressMode } from './job-progress.ts';
import type { OutputFile } from './output-file.ts';
import { threadsFor } from './workers.ts';

export interface SpreadOptions {
  workers: number;
  /** How progress shows on stderr. */
  show: ProgressMode;
  label: string;
  /** What the bar counts (default "replications"). */
  unit?: string;
  /** For a sweep: each job's point, so the bar also counts the points whose jobs are all done. */
  pointOfJob?: readonly number[];
}

export type Spread<R> =
  | { kind: 'done'; result: R }
  | ({
      kind: 'stopped';
      /** What the jobs that finished make, if anything (see each plan's `foldFinished`). */
      result: R | undefined;
      finished: number;
      total: number;
    } & Stop);

export async function spread<R>(plan: Plan<R>, options: SpreadOptions): Promise<Spread<R>> {
  const points = options.pointOfJob && pointsDone(options.pointOfJob);
  const progress = jobProgress(options.show, options.label, options.unit ?? 'replications', points?.detail);
  const interrupt = interruptSignal();
  let execution: Execution<R>;
  try {
    // Only now that a signal stops the work cleanly: a log's reader (or a test) may send one.
    progress.onProgress(0, plan.jobs.length);
    execution = await executeUntil(
      plan,
      workerThreads({ workers: threadsFor(options.workers) }),
      interrupt.signal,
      {
        onProgress: progress.onProgress,
        onOutcome: points?.onOutcome,
      },
    );
  } finally {
    progress.clear();
    interrupt.release();
  }
  if (!execution.stopped) return { kind: 'done', result: execution.result };
  const stop = interrupt.stop() as Stop;
  return {
    kind: 'stopped',
    result: execution.result,
    finished: execution.finished,
    total: execution.total,
    ...stop,
  };
}

/** Runs a shard and writes its partial result; stopped, it writes nothing and says so. */
export async function spreadShard(
  plan: Plan<PartialResult>,
  out: OutputFile,
  options: SpreadOptions,
): Promise<{ file: string; jobs: number; total: number }> {
  const outcome = await spread(plan, options);
  if (outcome.kind === 'stopped')
    throw new Interrupted(
      `stopped by ${outcome.by}: ${outcome.finished} of ${outcome.total} replications finished; no partial file written`,
      outcome.exitCode,
    );
  out.write(`${JSON.stringify(outcome.result)}\n`);
  return { file: out.path, jobs: outcome.result.outcomes.length, total: outcome.result.jobs };
}

/** Counts the points whose jobs have all finished, for the progress bar. */
function pointsDone(pointOfJob: readonly number[]) {
  const left = new Map<number, number>();
  for (const point of pointOfJob) left.set(point, (left.get(point) ?? 0) + 1);
  const points = left.size;
  let done = 0;
  return {
    detail: () => `${done}/${points} points`,
    onOutcome(job: number) {
      const point = pointOfJob[job];
      const rest = (left.get(point) ?? 0) - 1;
      left.set(point, rest);
      if (rest === 0) done++;
    },
  };
}
