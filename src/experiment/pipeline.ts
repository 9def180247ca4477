/**
 * The job pipeline, written once: a plan (a run, a sweep, a comparison, a shard) says which
 * jobs it needs and how their outcomes fold into its result; an executor runs the jobs (this
 * thread, worker threads, browser workers) and hands the outcomes back in job order. Since
 * each outcome depends on its job alone and the fold goes in job order, the result is the
 * same bytes whatever ran the jobs, on how many threads, in what order.
 *
 * The executor is injected, as a scheduler is in XState: the plans stay pure, and whatever can
 * run a job can run all of flowlab's work.
 */
import { type Job, type JobOutcome, jobRunner } from './jobs.ts';

export interface Plan<R, J extends Job = Job> {
  readonly jobs: readonly J[];
  /** The result from every job's outcome, in job order. */
  fold(outcomes: readonly JobOutcome[]): R;
  /**
   * The result from the jobs that finished before a stop (an outcome for each, undefined for
   * the others), if they make one; `stoppedBy` says why the rest did not run.
   */
  foldFinished(outcomes: readonly (JobOutcome | undefined)[], stoppedBy: string): R | undefined;
}

export interface ExecuteOptions {
  /** Called as each job finishes, with how many have. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each job's outcome as it arrives (in any order). */
  onOutcome?: (job: number, outcome: JobOutcome) => void;
  /** Stops the work at once. */
  signal?: AbortSignal;
}

export interface Executor {
  /**
   * Every job's outcome, in job order. A job that throws (a bug) gives `{ error }` in its
   * place and the others carry on. When `signal` aborts, the work stops at once and the
   * promise rejects with the signal's reason.
   */
  run(jobs: readonly Job[], options?: ExecuteOptions): Promise<JobOutcome[]>;
}

/** Runs a plan's jobs on an executor and folds them; a stop rejects with the signal's reason. */
export async function execute<R>(
  plan: Plan<R>,
  executor: Executor,
  options: ExecuteOptions = {},
): Promise<R> {
  return plan.fold(await executor.run(plan.jobs, options));
}

/** Work that ran to the end, or was stopped, with what the jobs that finished make. */
export type Execution<R> =
  | { stopped: false; result: R }
  | { stopped: true; reason: unknown; result: R | undefined; finished: number; total: number };

/**
 * Runs a plan's jobs until they are done or `signal` aborts; a stop keeps what finished, folded
 * as the plan says. A signal that aborts as the last job finishes still counts as a stop.
 */
export async function executeUntil<R>(
  plan: Plan<R>,
  executor: Executor,
  signal: AbortSignal,
  options: Omit<ExecuteOptions, 'signal'> = {},
): Promise<Execution<R>> {
  const finished: (JobOutcome | undefined)[] = new Array(plan.jobs.length);
  let count = 0;
  try {
    const outcomes = await executor.run(plan.jobs, {
      ...options,
      signal,
      onOutcome: (job, outcome) => {
        finished[job] = outcome;
        count++;
        options.onOutcome?.(job, outcome);
      },
    });
    if (!signal.aborted) return { stopped: false, result: plan.fold(outcomes) };
  } catch (error) {
    if (!signal.aborted) throw error;
  }
  const reason = signal.reason;
  const stoppedBy = (reason as { message?: unknown })?.message;
  return {
    stopped: true,
    reason,
    result: plan.foldFinished(finished, typeof stoppedBy === 'string' ? stoppedBy : String(reason)),
    finished: count,
    total: plan.jobs.length,
  };
}

/** Runs a plan's jobs one after another in this thread, at once, and folds them. */
export function executeHere<R>(plan: Plan<R>): R {
  return plan.fold(plan.jobs.map(jobRunner()));
}
