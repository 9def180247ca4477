/**
 * The simulation's own thread: the engine never runs on the page's main thread, so the page
 * stays responsive however long a run takes. Runs go a slice of events at a time, reporting
 * progress at most every PROGRESS_MS; cancelling is done by the page terminating this worker.
 */
import './no-eval.ts';
import { expose, transfer } from 'comlink';
import {
  type CompareOptions,
  type DateQuestion,
  type ForecastOptions,
  type ForecastQuestion,
  forecast,
  type History,
  type NamedScenario,
  type WorkCalendar,
} from '../src/index.ts';
import {
  type HistoryForecastOptions,
  historyForecast,
  jobAnswerer,
  type StudyOptions,
  studyHistory,
  type WatchedRun,
  watchRun,
} from '../src/runner.ts';
import { compareSliced, type Progress, runSliced } from './viewmodel/sliced-run.ts';

const PROGRESS_MS = 50;

function throttled(report: (p: Progress) => void): (p: Progress) => void {
  let last = 0;
  return (p) => {
    const now = performance.now();
    if (now - last >= PROGRESS_MS || p.fraction >= 1) {
      last = now;
      report(p);
    }
  };
}

/** The run this worker animates, if any: one per worker, so two variants side by side run in parallel. */
let watched: WatchedRun | undefined;

const simulator = {
  run(scenario: unknown, onProgress: (p: Progress) => void) {
    return runSliced(scenario, { onProgress: throttled(onProgress) });
  },
  compare(variants: NamedScenario[], options: CompareOptions, onProgress: (p: Progress) => void) {
    return compareSliced(variants, options, { onProgress: throttled(onProgress) });
  },
  /**
   * One job (a replication of an already validated scenario, as JSON text), its outcome
   * encoded exactly: the page spreads a sweep's jobs over several of these workers and folds
   * the outcomes itself, to the same bytes as one thread would give.
   */
  job: jobAnswerer(),
  forecast(document: unknown, question: ForecastQuestion, options: ForecastOptions) {
    return forecast(document, question, options);
  },
  /**
   * A tracker's export, read, fitted and backtested here, off the page's thread: the file is
   * untrusted, and its size is bounded (CSV_LIMITS) before the page sends it.
   */
  study(text: string, options: StudyOptions) {
    return studyHistory(text, options);
  },
  /** "When will N be done" or "how many by", in dates, from the fitted model and from the throughput. */
  historyForecast(
    history: History,
    fitted: Record<string, unknown>,
    question: DateQuestion,
    start: number,
    calendar: WorkCalendar,
    options: HistoryForecastOptions,
  ) {
    return historyForecast(history, fitted, question, start, calendar, options);
  },
  /**
   * Starts watching a run (experiment/watch.ts): the page then pulls its trace a batch at a
   * time as it plays, so nothing is traced ahead of what it draws, whatever the run's length.
   */
  watch(scenario: unknown) {
    watched = watchRun(scenario);
    return watched.start;
  },
  /** The next batch of the watched run's trace, handed over without a copy. */
  watchNext(maxEvents: number) {
    if (!watched) throw new Error('no run is being watched');
    const batch = watched.next(maxEvents);
    return transfer(batch, [batch.events.buffer]);
  },
  /** The watched run's result: the rest of it run unwatched, the same bytes as a plain run. */
  watchResult() {
    if (!watched) throw new Error('no run is being watched');
    return watched.result();
  },
};

export type SimulatorApi = typeof simulator;

expose(simulator);
