/**
 * Several simulation workers for work that splits into independent replications: a sweep's
 * points and their replications. Each worker takes the next replication as soon as it is
 * free; outcomes are kept by job, so the folded result is the same bytes whatever the
 * number of workers or the order they finish in. Cancel terminates them all at once.
 */
import { type Remote, wrap } from 'comlink';
import { decodeOutcome } from '../../src/experiment/outcome-codec.ts';
import { scenarioTexts } from '../../src/experiment/replications.ts';
import type { JobOutcome } from '../../src/experiment/sweep.ts';
import type { Scenario } from '../../src/index.ts';
import type { SimulatorApi } from '../worker.ts';
import { Cancelled } from './simulator.ts';

export interface PoolJob {
  scenario: Scenario;
  replication: number;
}

/** One worker per core the browser reports, at most four: a sandbox shares the machine. */
export function poolSize(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
}

export class SimulatorPool {
  private workers: { worker: Worker; api: Remote<SimulatorApi> }[] = [];
  private abort: ((e: Error) => void) | undefined;

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

  runJobs(
    jobs: readonly PoolJob[],
    onProgress: (done: number, total: number) => void,
  ): Promise<JobOutcome[]> {
    if (this.abort) return Promise.reject(new Error('a sweep is already in progress'));
    this.spawn();
    const textOf = scenarioTexts();
    return new Promise<JobOutcome[]>((resolve, reject) => {
      this.abort = reject;
      const live = () => this.abort === reject;
      const outcomes: JobOutcome[] = new Array(jobs.length);
      let next = 0;
      let done = 0;
      const work = async (api: Remote<SimulatorApi>) => {
        while (live() && next < jobs.length) {
          const j = next++;
          const reply = await api.replication(textOf(jobs[j].scenario), jobs[j].replication);
          if (!live()) return;
          outcomes[j] = 'error' in reply ? { error: reply.error } : decodeOutcome(reply);
          onProgress(++done, jobs.length);
        }
      };
      Promise.all(this.workers.map((w) => work(w.api))).then(
        () => {
          if (!live()) return;
          this.abort = undefined;
          resolve(outcomes);
        },
        (error) => {
          if (!live()) return;
          this.abort = undefined;
          reject(error);
        },
      );
    });
  }

  cancel() {
    if (!this.abort) return;
    const abort = this.abort;
    this.abort = undefined;
    for (const w of this.workers) w.worker.terminate();
    this.workers = [];
    abort(new Cancelled());
  }
}
