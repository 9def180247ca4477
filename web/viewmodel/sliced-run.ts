/**
 * Running scenarios a slice of events at a time, reporting progress between slices. The
 * worker calls these; they are plain functions so the tests can check that a sliced run and
 * a sliced comparison give exactly what `simulate()` and `compare()` give.
 *
 * A comparison runs the same plan as `compare()` (every variant with the same seed and
 * replications: common random numbers) and is assembled by the same `comparisonOf`; only
 * the running is sliced, to report progress while each variant runs.
 */
import {
  type CompareOptions,
  type Comparison,
  createRun,
  type NamedScenario,
  type SimulationResult,
} from '../../src/index.ts';
import { comparisonOf, comparisonPlan } from '../../src/runner.ts';

export interface Progress {
  /** 0 to 1 over the whole job. */
  fraction: number;
  replicationsDone: number;
  replications: number;
  /** Simulated time of the replication in progress. */
  time: number;
  /** For a comparison: which variant is running (0-based) and how many there are. */
  variant: number;
  variants: number;
}

export interface SliceOptions {
  /** Events per slice. */
  slice?: number;
  onProgress?: (p: Progress) => void;
}

export const DEFAULT_SLICE = 20_000;

export function runSliced(
  scenario: unknown,
  options: SliceOptions = {},
  variant = 0,
  variants = 1,
): SimulationResult {
  const run = createRun(scenario);
  const slice = options.slice ?? DEFAULT_SLICE;
  while (!run.advance(slice)) {
    const p = run.progress();
    options.onProgress?.({ ...p, fraction: (variant + p.fraction) / variants, variant, variants });
  }
  const p = run.progress();
  options.onProgress?.({ ...p, fraction: (variant + 1) / variants, variant, variants });
  return run.result();
}

export function compareSliced(
  variants: readonly NamedScenario[],
  compareOptions: CompareOptions = {},
  options: SliceOptions = {},
): Comparison {
  const plan = comparisonPlan(variants, compareOptions);
  return comparisonOf(
    variants,
    plan.map((scenario, i) => runSliced(scenario, options, i, plan.length)),
  );
}
