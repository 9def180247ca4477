/**
 * The executor that runs jobs on several simulation workers, for work that splits into
 * independent replications: a sweep's points and their replications. Each worker takes the
 * next job as soon as it is free; outcomes are kept by job, so the folded result is the same
 * bytes whatever the number of workers or the order they finish in. Cancel terminates them
 * all at once.
 */
import { type Remote, wrap } from 'comlink';
import type { ExecuteOptions, Executor, Job, JobOutcome } from '../../src/index.ts';
import { jobRequests, outcomeOfReply } from '../../src/runner.ts';
import type { SimulatorApi } from '../worker.ts';
import { Cancelled } from './simulator.ts';

/** One worker per core the browser reports, at most four: a sandbox shares the machine. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

export class SimulatorPool implements Executor {
  private workers: { worker: Worker; api: Remote<SimulatorApi> }[] = [];
  private abort: ((e: unknown) => void) | undefined;

  constructor(readonly size = poolSize()) {}

  get busy(): boolean {
    return this.abort !== undefined;
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

  run(jobs: readonly Job[], { onProgress, onOutcome, signal }: ExecuteOptions = {}): Promise<JobOutcome[]> {
    if (this.abort) return Promise.reject(new Error('a sweep is already in progress'));
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.spawn();
    const requestOf = jobRequests();
    return new Promise<JobOutcome[]>((resolve, reject) => {
      const onAbort = () => this.stop(signal?.reason);
      const fail = (reason: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        reject(reason);
      };
      this.abort = fail;
      signal?.addEventListener('abort', onAbort);
      const live = () => this.abort === fail;
      const settle = () => {
        signal?.removeEventListener('abort', onAbort);
        this.abort = undefined;
      };
      const outcomes: JobOutcome[] = new Array(jobs.length);
      let next = 0;
      let done = 0;
      const work = async (api: Remote<SimulatorApi>) => {
        while (live() && next < jobs.length) {
          const j = next++;
          const reply = await api.job(requestOf(jobs[j]));
          if (!live()) return;
          outcomes[j] = outcomeOfReply(reply);
          onOutcome?.(j, outcomes[j]);
          onProgress?.(++done, jobs.length);
        }
      };
      Promise.all(this.workers.map((w) => work(w.api))).then(
        () => {
          if (!live()) return;
          settle();
          resolve(outcomes);
        },
        (error) => {
          if (!live()) return;
          settle();
          reject(error);
        },
      );
    });
  }

  cancel() {
    this.stop(new Cancelled());
  }

  /** Terminates the workers at once (fresh ones start for the next run) and rejects the run. */
  private stop(reason: unknown) {
    if (!this.abort) return;
    const abort = this.abort;
    this.abort = undefined;
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
    abort(reason);
  }
}
