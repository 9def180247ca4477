/**
 * The executor that runs jobs on several simulation workers, for work that splits into
 * independent replications: a sweep's points and their replications. Each worker takes the
 * next job as soon as it is free (shareOut, the scheduler Node's worker threads use too);
 * outcomes are kept by job, so the folded result is the same bytes whatever the number of
 * workers or the order they finish in. Cancel terminates them all at once.
 */
import { type Remote, wrap } from 'comlink';
import type { ExecuteOptions, Executor, Job, JobOutcome } from '../../src/index.ts';
import { jobRequests, outcomeOfReply, shareOut } from '../../src/runner.ts';
import type { SimulatorApi } from '../worker.ts';
import { Cancelled } from './simulator.ts';

/** One worker per core the browser reports, at most four: a sandbox shares the machine. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

export class SimulatorPool implements Executor {
  private workers: { worker: Worker; api: Remote<SimulatorApi> }[] = [];
  private stop: AbortController | undefined;

  constructor(readonly size = poolSize()) {}

  get busy(): boolean {
    return this.stop !== undefined;
  }

  private spawn() {
    while (this.workers.length < this.size) {
      const worker = new Worker(new URL('../worker.ts', import.meta.url), {
        type: 'module',
        name: `flowlab-pool-${this.workers.length + 1}`,
      });
      this.workers.push({ worker, api: wrap<SimulatorApi>(worker) });
    }
  }

  async run(jobs: readonly Job[], options: ExecuteOptions = {}): Promise<JobOutcome[]> {
    if (this.stop) throw new Error('a sweep is already in progress');
    const stop = new AbortController();
    const forward = () => stop.abort(options.signal?.reason);
    if (options.signal?.aborted) forward();
    options.signal?.addEventListener('abort', forward);
    // Stopping means now: the workers are terminated mid-job, and fresh ones start for the next run.
    stop.signal.addEventListener('abort', () => {
      for (const w of this.workers) w.worker.terminate();
      this.workers = [];
    });
    this.stop = stop;
    this.spawn();
    const workers = this.workers;
    const requestOf = jobRequests();
    try {
      return await shareOut(
        jobs,
        workers.length,
        async (lane, job) => outcomeOfReply(await workers[lane].api.job(requestOf(job))),
        { ...options, signal: stop.signal },
      );
    } finally {
      options.signal?.removeEventListener('abort', forward);
      this.stop = undefined;
    }
  }

  cancel() {
    this.stop?.abort(new Cancelled());
  }
}
