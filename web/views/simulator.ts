/**
 * The page's handle on the simulation worker. Cancel means cancel now: the worker is
 * terminated mid-slice and a fresh one started for the next run, so a cancelled run never
 * competes with the next one for the CPU.
 */
import { proxy, type Remote, releaseProxy, wrap } from 'comlink';
import type {
  CompareOptions,
  Comparison,
  DateQuestion,
  ForecastOptions,
  ForecastQuestion,
  ForecastResult,
  History,
  NamedScenario,
  SimulationResult,
  WorkCalendar,
} from '../../src/index.ts';
import type { HistoryForecastOptions, StudyOptions, StudyOutcome } from '../../src/runner.ts';
import type { Progress } from '../viewmodel/sliced-run.ts';
import type { SimulatorApi } from '../worker.ts';

export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}

export class Simulator {
  private worker!: Worker;
  private api!: Remote<SimulatorApi>;
  private abort: ((e: Error) => void) | undefined;

  constructor() {
    this.spawn();
  }

  private spawn() {
    this.worker = new Worker(new URL('../worker.ts', import.meta.url), {
      type: 'module',
      name: 'flowlab-simulator',
    });
    this.api = wrap<SimulatorApi>(this.worker);
  }

  get busy(): boolean {
    return this.abort !== undefined;
  }

  run(scenario: unknown, onProgress: (p: Progress) => void): Promise<SimulationResult> {
    return this.job((api, live) => api.run(scenario, proxy(live(onProgress))) as Promise<SimulationResult>);
  }

  compare(
    variants: NamedScenario[],
    options: CompareOptions,
    onProgress: (p: Progress) => void,
  ): Promise<Comparison> {
    return this.job(
      (api, live) => api.compare(variants, options, proxy(live(onProgress))) as Promise<Comparison>,
    );
  }

  forecast(document: unknown, question: ForecastQuestion, options: ForecastOptions): Promise<ForecastResult> {
    return this.job((api) => api.forecast(document, question, options) as Promise<ForecastResult>);
  }

  study(text: string, options: StudyOptions): Promise<StudyOutcome> {
    return this.job((api) => api.study(text, options) as Promise<StudyOutcome>);
  }

  historyForecast(
    history: History,
    fitted: Record<string, unknown>,
    question: DateQuestion,
    start: number,
    calendar: WorkCalendar,
    options: HistoryForecastOptions,
  ): Promise<ReturnType<SimulatorApi['historyForecast']>> {
    return this.job(
      (api) =>
        api.historyForecast(history, fitted, question, start, calendar, options) as Promise<
          ReturnType<SimulatorApi['historyForecast']>
        >,
    );
  }

  cancel() {
    if (!this.abort) return;
    const abort = this.abort;
    this.abort = undefined;
    this.api[releaseProxy]();
    this.worker.terminate();
    this.spawn();
    abort(new Cancelled());
  }

  private job<T>(
    start: (
      api: Remote<SimulatorApi>,
      live: (f: (p: Progress) => void) => (p: Progress) => void,
    ) => Promise<T>,
  ): Promise<T> {
    if (this.abort) return Promise.reject(new Error('a run is already in progress'));
    return new Promise<T>((resolve, reject) => {
      this.abort = reject;
      // Progress posted just before a cancel can still arrive after it; only the live job reports.
      const live = (f: (p: Progress) => void) => (p: Progress) => {
        if (this.abort === reject) f(p);
      };
      start(this.api, live).then(
        (value) => {
          if (this.abort !== reject) return;
          this.abort = undefined;
          resolve(value);
        },
        (error) => {
          if (this.abort !== reject) return;
          this.abort = undefined;
          reject(error);
        },
      );
    });
  }
}
