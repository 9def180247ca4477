/**
 * The one scheduler for executors with several lanes (worker threads, browser workers): each
 * lane takes the next job as soon as it is free, and outcomes are kept by job, so what a plan
 * folds from them never depends on the number of lanes or the order they finish in. What a
 * lane is (a thread, a Web Worker) and how a job travels to it is the executor's; when to
 * hand out which job, count progress and stop is written here once.
 */
import type { Job, JobOutcome } from './jobs.ts';
import type { ExecuteOptions } from './pipeline.ts';

/**
 * Runs a job on a lane: resolves with its outcome, or rejects to stop the whole run (a lane
 * that could not start: every other would do the same).
 */
export type RunOnLane = (lane: number, job: Job, index: number) => Promise<JobOutcome>;

/** Every job's outcome, in job order; a stop (`signal`) rejects at once with its reason. */
export function shareOut(
  jobs: readonly Job[],
  lanes: number,
  runOn: RunOnLane,
  { onProgress, onOutcome, signal }: ExecuteOptions = {},
): Promise<JobOutcome[]> {
  return new Promise((resolve, reject) => {
    const outcomes: JobOutcome[] = new Array(jobs.length);
    let next = 0;
    let done = 0;
    let over = false;
    const settle = () => {
      over = true;
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: unknown) => {
      if (over) return;
      settle();
      reject(error);
    };
    const onAbort = () => fail(signal?.reason);
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    const lane = async (l: number) => {
      while (!over && next < jobs.length) {
        const j = next++;
        const outcome = await runOn(l, jobs[j], j);
        if (over) return;
        outcomes[j] = outcome;
        onOutcome?.(j, outcome);
        onProgress?.(++done, jobs.length);
      }
    };
    Promise.all(Array.from({ length: Math.max(1, lanes) }, (_, l) => lane(l))).then(() => {
      if (over) return;
      settle();
      resolve(outcomes);
    }, fail);
  });
}
