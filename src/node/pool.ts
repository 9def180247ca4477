/**
 * The executor that runs jobs on a pool of worker threads (one per core by default). Each
 * thread takes the next job as soon as it is free; outcomes are kept by job, so what a plan
 * folds from them never depends on which thread finished first. With one worker the jobs run
 * in this thread, without the cost of starting any, a slice at a time so Ctrl-C still stops
 * them at once.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Job, type JobOutcome, type JobReply, jobRequests, outcomeOfReply } from '../experiment/jobs.ts';
import type { ExecuteOptions, Executor } from '../experiment/pipeline.ts';
import { thisThread } from '../experiment/this-thread.ts';
import type { ThreadMessage } from './replication-worker.ts';

export interface PoolOptions {
  /** Worker threads; default one per core. */
  workers?: number;
  /** The threads' entry script (worker.mjs); tests give one that dies, to see what a dead thread does. */
  threadEntry?: URL;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Runs jobs on worker threads. A job that throws (a bug), or whose thread dies under it (out
 * of memory, an exit), gives `{ error }` in its place and the others carry on, on a fresh
 * thread if need be; a thread that cannot start at all rejects the whole run.
 */
export function workerThreads(options: PoolOptions = {}): Executor {
  return {
    run(jobs, events = {}) {
      const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
      if (workers === 1) return here.run(jobs, events);
      return runOnThreads(jobs, workers, options.threadEntry, events);
    },
  };
}

/** This thread, giving the event loop (a Ctrl-C, a timer) a turn between slices. */
const here = thisThread({ turn: () => new Promise((resolve) => setImmediate(resolve)) });

type Reply = { ready: true } | { id: number; reply: JobReply };

function runOnThreads(
  jobs: readonly Job[],
  count: number,
  threadEntry: URL | undefined,
  options: ExecuteOptions,
): Promise<JobOutcome[]> {
  return new Promise((resolve, reject) => {
    const requestOf = jobRequests();
    const outcomes: JobOutcome[] = new Array(jobs.length);
    const threads = new Set<Worker>();
    const entry = threadEntry ?? new URL('./worker.mjs', import.meta.url);
    let next = 0;
    let done = 0;
    let finished = false;
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const t of threads) void t.terminate();
      if (error) reject(error);
      else resolve(outcomes);
    };
    const onAbort = () => finish(options.signal?.reason ?? new DOMException('cancelled', 'AbortError'));
    if (options.signal?.aborted) return onAbort();
    options.signal?.addEventListener('abort', onAbort);
    const record = (id: number, outcome: JobOutcome) => {
      outcomes[id] = outcome;
      options.onOutcome?.(id, outcome);
      done++;
      options.onProgress?.(done, jobs.length);
      if (done === jobs.length) finish();
    };
    const start = () => {
      const thread = new Worker(entry);
      threads.add(thread);
      let ready = false;
      /** The job the thread holds, if any: it fails with the thread. */
      let held: number | undefined;
      let failure: string | undefined;
      const give = () => {
        if (next >= jobs.length) return;
        held = next++;
        const message: ThreadMessage = { id: held, ...requestOf(jobs[held]) };
        thread.postMessage(message);
      };
      thread.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          ready = true;
          return;
        }
        held = undefined;
        record(reply.id, outcomeOfReply(reply.reply));
        if (!finished) give();
      });
      // An uncaught exception or running out of memory; 'exit' follows, and says what it costs.
      thread.on('error', (error) => {
        failure = error instanceof Error ? error.message : String(error);
      });
      // A thread can also stop without an 'error' (process.exit in it): either way its job
      // would otherwise wait for ever.
      thread.on('exit', (code) => {
        threads.delete(thread);
        if (finished) return;
        const why = failure ?? `it exited with code ${code}`;
        // Before it could take any work: every thread would do the same, so say so once.
        if (!ready) return finish(new Error(`a worker thread could not start: ${why}`));
        if (held !== undefined)
          record(held, {
            error: `replication ${jobs[held].replication}: the worker thread running it stopped (${why})`,
          });
        if (!finished && next < jobs.length) start();
      });
      give();
    };
    for (let i = 0; i < count; i++) start();
  });
}
