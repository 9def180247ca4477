/**
 * The page's handle on a watched run: a simulation worker of its own that traces the run's
 * first replication and hands it over a batch at a time, when the animation asks (it asks
 * while it has less than a batch or two ahead of what it draws, so the page holds a bounded
 * amount whatever the run's length). Closing terminates the worker.
 */
import { type Remote, wrap } from 'comlink';
import type { SimulationResult } from '../../src/index.ts';
import type { TraceBatch, WatchStart } from '../../src/runner.ts';
import type { SimulatorApi } from '../worker.ts';

export class TraceSource {
  private constructor(
    private readonly worker: Worker,
    private readonly api: Remote<SimulatorApi>,
    readonly start: WatchStart,
  ) {}

  /** Starts watching the scenario (rejects with the scenario's problems if it is invalid). */
  static async open(scenario: unknown): Promise<TraceSource> {
    const worker = new Worker(new URL('../worker.ts', import.meta.url), {
      type: 'module',
      name: 'flowlab-animation',
    });
    const api = wrap<SimulatorApi>(worker);
    try {
      return new TraceSource(worker, api, (await api.watch(scenario)) as WatchStart);
    } catch (error) {
      worker.terminate();
      throw error;
    }
  }

  next(maxEvents: number): Promise<TraceBatch> {
    return this.api.watchNext(maxEvents) as Promise<TraceBatch>;
  }

  result(): Promise<SimulationResult> {
    return this.api.watchResult() as Promise<SimulationResult>;
  }

  close(): void {
    this.worker.terminate();
  }
}
