/**
 * Comparing variants of a system with common random numbers: every variant runs with the
 * same seed and replication seeds, so items arrive at the same moments in each and the
 * difference between variants is measured per replication (a paired comparison), which
 * makes the interval on the difference far narrower than comparing two separate runs.
 */
import { ratioCi95 } from '../metrics/confidence.ts';
import { parseScenario } from '../model/parse.ts';
import { type Stability, stability } from '../network/stability.ts';
import type { Interval, SimulationResult } from './result.ts';
import { simulate } from './simulate.ts';

export interface Difference {
  /** Mean of (variant - baseline) over paired replications. */
  diff: number;
  ci95: Interval;
  /** The difference relative to the baseline's mean (-0.43 is 43% lower); null if that mean is 0. */
  relative: number | null;
  relativeCi95: Interval;
}

export interface ComparedVariant {
  name: string;
  result: SimulationResult;
  /** Whether every node can keep up (absent only if the variant's scenario does not parse). */
  stability?: Stability;
  /** Against the first variant (absent for the first itself). */
  vsBaseline?: { leadTime: Difference; throughput: Difference };
}

export interface Comparison {
  baseline: string;
  seed: number;
  replications: number;
  variants: ComparedVariant[];
}

export interface NamedScenario {
  name: string;
  scenario: unknown;
}

export interface CompareOptions {
  /** Seed for every variant (default: the first variant's). */
  seed?: number;
  /** Replications for every variant (default: the first variant's). */
  replications?: number;
}

/**
 * Runs every variant with the same seed and replications (the first variant's unless
 * given), and compares each with the first.
 */
export function compare(variants: readonly NamedScenario[], options: CompareOptions = {}): Comparison {
  const plan = comparisonPlan(variants, options);
  return comparisonOf(
    variants,
    plan.map((scenario) => simulate(scenario)),
  );
}

/**
 * The scenarios a comparison runs: each variant with the comparison's seed and
 * replications, so they share random numbers. Whoever runs them (in one go, a slice at a
 * time for progress, or on several workers) hands the results to `comparisonOf`.
 */
export function comparisonPlan(variants: readonly NamedScenario[], options: CompareOptions = {}): unknown[] {
  if (variants.length === 0) throw new Error('compare needs at least one variant');
  const first = parseScenario(variants[0].scenario);
  const seed = options.seed ?? (first.ok ? first.scenario.run.seed : undefined);
  const replications = options.replications ?? (first.ok ? first.scenario.run.replications : undefined);
  return variants.map((v) => withRun(v.scenario, seed, replications));
}

/** The comparison of the variants' results, each against the first, paired by replication. */
export function comparisonOf(
  variants: readonly NamedScenario[],
  results: readonly SimulationResult[],
): Comparison {
  const base = results[0];
  return {
    baseline: variants[0].name,
    seed: base.seed,
    replications: base.replications,
    variants: results.map((result, i) => ({
      name: variants[i].name,
      result,
      ...stabilityOf(variants[i].scenario),
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

function stabilityOf(document: unknown): { stability?: Stability } {
  const parsed = parseScenario(document);
  return parsed.ok ? { stability: stability(parsed.scenario) } : {};
}

function paired(
  base: SimulationResult,
  other: SimulationResult,
  values: (r: SimulationResult) => number[],
): Difference {
  const a = values(base);
  const b = values(other);
  const n = Math.min(a.length, b.length);
  return ratioCi95(a.slice(0, n), b.slice(0, n));
}

/** The scenario with a given seed and replications (either left as it is when undefined). */
export function withRun(
  scenario: unknown,
  seed: number | undefined,
  replications: number | undefined,
): unknown {
  if (!scenario || typeof scenario !== 'object') return scenario;
  const s = scenario as { run?: Record<string, unknown> };
  const run = { ...(s.run ?? {}) };
  if (seed !== undefined) run.seed = seed;
  if (replications !== undefined) run.replications = replications;
  return { ...s, run };
}
