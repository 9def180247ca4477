/**
 * Replications on a pool of worker threads (one per core by default). Each job is one
 * replication of one scenario; outcomes come back in job order, so what a caller folds from
 * them never depends on which thread finished first. With one worker the jobs run in this
 * thread, without the cost of starting any.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { decodeOutcome, type EncodedOutcome } from '../experiment/outcome-codec.ts';
import { scenarioTexts, startReplication } from '../experiment/replications.ts';
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
  /** The threads' entry script (worker.mjs); tests give one that dies, to see what a dead thread does. */
  threadEntry?: URL;
}

/**
 * Events a replication in this thread handles between looks at the event loop: a few
 * milliseconds of work, so Ctrl-C stops even a replication that would run for hours.
 */
const SLICE = 100_000;

export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * Each job's outcome, in job order. A job that throws (a bug), or whose thread dies under it
 * (out of memory, an exit), gives `{ error }` in its place and the others carry on, on a
 * fresh thread if need be; a thread that cannot start at all rejects the whole run.
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
  // The event loop gets a turn (a Ctrl-C, a timer) after every SLICE events, within a long
  // replication as across many short ones: the engine stops and resumes between any two
  // events with the same outcome as in one call.
  let budget = SLICE;
  const turn = async () => {
    await nextTurn();
    budget = SLICE;
    options.signal?.throwIfAborted();
  };
  for (const job of jobs) {
    options.signal?.throwIfAborted();
    let outcome: JobOutcome;
    try {
      let topology = topologies.get(job.scenario);
      if (!topology) {
        topology = compileTopology(job.scenario);
        topologies.set(job.scenario, topology);
      }
      const replication = startReplication(job.scenario, job.replication, topology);
      for (;;) {
        const before = replication.events;
        const finished = replication.advance(budget);
        budget -= replication.events - before;
        if (finished) break;
        await turn();
      }
      outcome = replication.outcome();
    } catch (error) {
      if (options.signal?.aborted) throw options.signal.reason;
      outcome = { error: error instanceof Error ? error.message : String(error) };
    }
    outcomes.push(outcome);
    options.onOutcome?.(outcomes.length - 1, outcome);
    options.onProgress?.(outcomes.length, jobs.length);
    if (budget <= 0) await turn();
  }
  return outcomes;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

type Reply = { ready: true } | { id: number; outcome?: EncodedOutcome; error?: string };

function runOnThreads(jobs: readonly Job[], count: number, options: PoolOptions): Promise<JobOutcome[]> {
  return new Promise((resolve, reject) => {
    const textOf = scenarioTexts();
    const outcomes: JobOutcome[] = new Array(jobs.length);
    const threads = new Set<Worker>();
    const entry = options.threadEntry ?? new URL('./worker.mjs', import.meta.url);
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
        const job = jobs[held];
        const message: JobMessage = {
          id: held,
          scenario: textOf(job.scenario),
          replication: job.replication,
        };
        thread.postMessage(message);
      };
      thread.on('message', (reply: Reply) => {
        if ('ready' in reply) {
          ready = true;
          return;
        }
        held = undefined;
        record(
          reply.id,
          reply.outcome ? decodeOutcome(reply.outcome) : { error: reply.error ?? 'no outcome' },
        );
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
