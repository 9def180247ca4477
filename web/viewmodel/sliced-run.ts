/**
 * Running scenarios a slice of events at a time, reporting progress between slices. The
 * worker calls these; they are plain functions so the tests can check that a sliced run and
 * a sliced comparison give exactly what `simulate()` and `compare()` give.
 *
 * A comparison is run here rather than through `compare()` only to report progress while
 * each variant runs: the variants get the same seed and replications (common random
 * numbers) and the paired differences use the same interval function as `compare()`.
 */
import {
  type CompareOptions,
  type Comparison,
  createRun,
  type NamedScenario,
  parseScenario,
  type SimulationResult,
} from '../../src/index.ts';
import { ratioCi95 } from '../../src/metrics/confidence.ts';

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
  if (variants.length === 0) throw new Error('a comparison needs at least one variant');
  const first = parseScenario(variants[0].scenario);
  const seed = compareOptions.seed ?? (first.ok ? first.scenario.run.seed : undefined);
  const replications =
    compareOptions.replications ?? (first.ok ? first.scenario.run.replications : undefined);
  const results = variants.map((v, i) =>
    runSliced(withRun(v.scenario, seed, replications), options, i, variants.length),
  );
  const base = results[0];
  return {
    baseline: variants[0].name,
    seed: base.seed,
    replications: base.replications,
    variants: results.map((result, i) => ({
      name: variants[i].name,
      result,
      ...(i === 0
        ? {}
        : {
            vsBaseline: {
              leadTime: paired(base, result, (r) => r.runs.map((x) => x.leadTimeMean)),
              throughput: paired(base, result, (r) => r.runs.map((x) => x.throughput)),
            },
          }),
    })),
  };
}

function paired(base: SimulationResult, other: SimulationResult, values: (r: SimulationResult) => number[]) {
  const a = values(base);
  const b = values(other);
  const n = Math.min(a.length, b.length);
  return ratioCi95(a.slice(0, n), b.slice(0, n));
}

/** The scenario with the comparison's seed and replications. */
export function withRun(scenario: unknown, seed?: number, replications?: number): unknown {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const s = scenario as { run?: Record<string, unknown> };
  const run = { ...(s.run ?? {}) };
  if (seed !== undefined) run.seed = seed;
  if (replications !== undefined) run.replications = replications;
  return { ...s, run };
}
