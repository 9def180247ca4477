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
import { shareOut } from '../experiment/share-out.ts';
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
  const requestOf = jobRequests();
  const entry = threadEntry ?? new URL('./worker.mjs', import.meta.url);
  const threads: (Thread | undefined)[] = [];
  const running = shareOut(
    jobs,
    count,
    (lane, job, id) => {
      // A lane whose thread died starts a fresh one for its next job.
      const thread = threads[lane]?.alive ? threads[lane] : startThread(entry);
      threads[lane] = thread;
      return thread.run({ id, ...requestOf(job) });
    },
    options,
  );
  const stopAll = () => {
    for (const t of threads) t?.terminate();
  };
  running.then(stopAll, stopAll);
  return running;
}

interface Thread {
  readonly alive: boolean;
  /** The job's outcome; rejects when the thread stopped before it could take any work. */
  run(message: ThreadMessage): Promise<JobOutcome>;
  terminate(): void;
}

function startThread(entry: URL): Thread {
  const worker = new Worker(entry);
  let alive = true;
  let ready = false;
  let failure: string | undefined;
  /** The job the thread holds, if any: it fails with the thread. */
  let held: { replication: number; resolve: (o: JobOutcome) => void; reject: (e: Error) => void } | undefined;
  worker.on('message', (reply: Reply) => {
    if ('ready' in reply) {
      ready = true;
      return;
    }
    const job = held;
    held = undefined;
    job?.resolve(outcomeOfReply(reply.reply));
  });
  // An uncaught exception or running out of memory; 'exit' follows, and says what it costs.
  worker.on('error', (error) => {
    failure = error instanceof Error ? error.message : String(error);
  });
  // A thread can also stop without an 'error' (process.exit in it): either way its job
  // would otherwise wait for ever.
  worker.on('exit', (code) => {
    alive = false;
    const job = held;
    held = undefined;
    if (!job) return;
    const why = failure ?? `it exited with code ${code}`;
    // Before it could take any work: every thread would do the same, so say so once.
    if (!ready) job.reject(new Error(`a worker thread could not start: ${why}`));
    else
      job.resolve({ error: `replication ${job.replication}: the worker thread running it stopped (${why})` });
  });
  return {
    get alive() {
      return alive;
    },
    run(message) {
      return new Promise((resolve, reject) => {
        held = { replication: message.replication, resolve, reject };
        worker.postMessage(message);
      });
    },
    terminate() {
      alive = false;
      void worker.terminate();
    },
  };
}
