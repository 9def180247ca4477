/**
 * Replications on a pool of worker threads (one per core by default). Each job is one
 * replication of one scenario; outcomes come back in job order, so what a caller folds from
 * them never depends on which thread finished first. With one worker the jobs run in this
 * thread, without the cost of starting any.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeOutcome, type EncodedOutcome } from '../experiment/outcome-codec.ts';
import { runReplication, scenarioTexts } from '../experiment/replications.ts';
import type { JobOutcome } from '../experiment/sweep.ts';
import type { Scenario } from '../model/scenario.ts';
import { compileTopology, type Topology } from '../network/topology.ts';
import type { JobMessage } from './replication-worker.ts';

export interface Job {
  scenario: Scenario;
  replication: number;
}

export interface PoolOptions {
  /** Worker threads; default one per core. */
  workers?: number;
  /** Called as each job finishes, with how many have. */
  onProgress?: (done: number, total: number) => void;
  /** Called with each job's outcome as it arrives (in any order), so a cancelled run keeps what finished. */
  onOutcome?: (job: number, outcome: JobOutcome) => void;
  /** Stops the work at once: threads are terminated and the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Each job's outcome, in job order. A job that throws (a bug) gives `{ error }` in its place
 * and the others carry on; a thread that dies rejects the whole run.
 */
export async function runJobs(jobs: readonly Job[], options: PoolOptions = {}): Promise<JobOutcome[]> {
  const workers = Math.max(1, Math.min(options.workers ?? defaultWorkers(), jobs.length));
  if (workers === 1) return runHere(jobs, options);
  return runOnThreads(jobs, workers, options);
}

async function runHere(jobs: readonly Job[], options: PoolOptions): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = [];
  // A comparison's jobs take turns between its variants: compile each scenario once.
  const topologies = new Map<Scenario, Topology>();
  for (const job of jobs) {
    options.signal?.throwIfAborted();
    let outcome: JobOutcome;
    try {
      let topology = topologies.get(job.scenario);
      if (!topology) {
        topology = compileTopology(job.scenario);
        topologies.set(job.scenario, topology);
      }
      outcome = runReplication(job.scenario, job.replication, topology);
    } catch (error) {
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcomes.length - 1, outcome);
    options.onProgress?.(outcomes.length, jobs.length);
    // Let a Ctrl-C or a timer through between replications.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return outcomes;
}

function runOnThreads(jobs: readonly Job[], count: number, options: PoolOptions): Promise<JobOutcome[]> {
  return new Promise((resolve, reject) => {
    const textOf = scenarioTexts();
    const outcomes: JobOutcome[] = new Array(jobs.length);
    const threads: Worker[] = [];
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
    const give = (thread: Worker) => {
      if (next >= jobs.length) return;
      const id = next++;
      const message: JobMessage = {
        id,
        scenario: textOf(jobs[id].scenario),
        replication: jobs[id].replication,
      };
      thread.postMessage(message);
    };
    for (let i = 0; i < count; i++) {
      const thread = new Worker(new URL('./worker.mjs', import.meta.url));
      threads.push(thread);
      thread.on('message', (reply: { id: number; outcome?: EncodedOutcome; error?: string }) => {
        outcomes[reply.id] = reply.outcome
          ? decodeOutcome(reply.outcome)
          : { error: reply.error ?? 'no outcome' };
        options.onOutcome?.(reply.id, outcomes[reply.id]);
        done++;
        options.onProgress?.(done, jobs.length);
        if (done === jobs.length) finish();
        else give(thread);
      });
      thread.on('error', (error) => finish(error));
      give(thread);
    }
  });
}
