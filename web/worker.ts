/**
 * The simulation's own thread: the engine never runs on the page's main thread, so the page
 * stays responsive however long a run takes. Runs go a slice of events at a time, reporting
 * progress at most every PROGRESS_MS; cancelling is done by the page terminating this worker.
 */
import { expose } from 'comlink';
import type { CompareOptions, NamedScenario } from '../src/index.ts';
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

const simulator = {
  run(scenario: unknown, onProgress: (p: Progress) => void) {
    return runSliced(scenario, { onProgress: throttled(onProgress) });
  },
  compare(variants: NamedScenario[], options: CompareOptions, onProgress: (p: Progress) => void) {
    return compareSliced(variants, options, { onProgress: throttled(onProgress) });
  },
};

export type SimulatorApi = typeof simulator;

expose(simulator);
