/**
 * Comparing variants of a system with common random numbers: every variant runs with the
 * same seed and replication seeds, so items arrive at the same moments in each and the
 * difference between variants is measured per replication (a paired comparison), which
 * makes the interval on the difference far narrower than comparing two separate runs.
 */
import { ratioCi95 } from '../metrics/confidence.ts';
import { parseScenario } from '../model/parse.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import { type Stability, stability } from '../network/stability.ts';
import type { Job, JobOutcome } from './jobs.ts';
import { executeHere, type Plan } from './pipeline.ts';
import { resultOf, runnableScenario, withRun } from './replications.ts';
import type { Interval, SimulationResult } from './result.ts';

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
  /**
   * Against the first variant (absent for the first itself). Where both have economics, also
   * the differences in cost of delay, cost of capacity, total cost (delay and capacity) and
   * value delivered;
   * where both have a release, in DORA's four measures (each over the replications in which
   * both saw it); where both have blockers, in the share of lead time items spent blocked.
   */
  vsBaseline?: {
    leadTime: Difference;
    throughput: Difference;
    costOfDelay?: Difference;
    capacityCost?: Difference;
    totalCost?: Difference;
    value?: Difference;
    deploymentFrequency?: Difference;
    leadTimeForChanges?: Difference;
    changeFailureRate?: Difference;
    timeToRestore?: Difference;
    blockedShare?: Difference;
  };
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
  return executeHere(planComparison(variants, options));
}

export interface ComparisonJob extends Job {
  variant: number;
}

/**
 * A comparison as jobs. They go replication by replication across the variants (replication 0
 * of every variant, then replication 1, ...), so work stopped early still holds a paired
 * comparison over the replications every variant finished. Outcomes fold by variant in
 * replication order. Every variant is validated first (throwing ScenarioError).
 */
export function planComparison(
  variants: readonly NamedScenario[],
  options: CompareOptions = {},
): Plan<Comparison, ComparisonJob> {
  const scenarios = comparisonPlan(variants, options).map(runnableScenario);
  const most = Math.max(0, ...scenarios.map((s) => s.run.replications));
  const jobs: ComparisonJob[] = [];
  for (let replication = 0; replication < most; replication++)
    scenarios.forEach((scenario, variant) => {
      if (replication < scenario.run.replications) jobs.push({ variant, scenario, replication });
    });
  /** Over the first `replications` of each variant; a job that failed is a bug: thrown. */
  const fold = (outcomes: readonly (JobOutcome | undefined)[], replications: number) => {
    const byVariant: ReplicationOutcome[][] = scenarios.map(() => []);
    jobs.forEach((job, j) => {
      if (job.replication >= replications) return;
      const outcome = outcomes[j];
      if (!outcome) throw new Error(`replication ${job.replication} of variant ${job.variant} did not run`);
      if ('error' in outcome) throw new Error(outcome.error);
      byVariant[job.variant].push(outcome);
    });
    return comparisonOf(
      variants,
      scenarios.map((scenario, v) => resultOf(scenario, byVariant[v])),
    );
  };
  return {
    jobs,
    fold: (outcomes) => fold(outcomes, Number.POSITIVE_INFINITY),
    foldFinished(outcomes) {
      const paired = replicationsDoneByAll(scenarios, jobs, (j) => outcomes[j] !== undefined);
      return paired > 0 ? fold(outcomes, paired) : undefined;
    },
  };
}

/** How many leading replications every variant finished, given which jobs are done. */
function replicationsDoneByAll(
  scenarios: readonly Scenario[],
  jobs: readonly ComparisonJob[],
  done: (job: number) => boolean,
): number {
  const first = jobs.findIndex((_, j) => !done(j));
  return first < 0 ? Math.min(...scenarios.map((s) => s.run.replications)) : jobs[first].replication;
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
              ...economicDifferences(base, result),
              ...deliveryDifferences(base, result),
              ...blockerDifferences(base, result),
            },
          }),
    })),
  };
}

/** The paired differences in money, when both results have economics. */
function economicDifferences(base: SimulationResult, other: SimulationResult) {
  const a = base.economics?.runs;
  const b = other.economics?.runs;
  if (!a || !b) return {};
  const n = Math.min(a.costOfDelay.length, b.costOfDelay.length);
  const difference = (x: number[], y: number[]) => ratioCi95(x.slice(0, n), y.slice(0, n));
  return {
    costOfDelay: difference(a.costOfDelay, b.costOfDelay),
    capacityCost: difference(a.capacityCost, b.capacityCost),
    totalCost: difference(a.totalCost, b.totalCost),
    value: difference(a.value, b.value),
  };
}

/** The paired differences in DORA's four measures, when both results have a release. */
function deliveryDifferences(base: SimulationResult, other: SimulationResult) {
  const a = base.delivery?.runs;
  const b = other.delivery?.runs;
  if (!a || !b) return {};
  const measures = [
    'deploymentFrequency',
    'leadTimeForChanges',
    'changeFailureRate',
    'timeToRestore',
  ] as const;
  return Object.fromEntries(
    measures.flatMap((m) => {
      const d = pairedWhereSeen(a[m], b[m]);
      return d ? [[m, d]] : [];
    }),
  ) as Partial<Record<(typeof measures)[number], Difference>>;
}

/** The paired difference in the share of lead time spent blocked, when both results have blockers. */
function blockerDifferences(base: SimulationResult, other: SimulationResult) {
  const a = base.blockers?.runs;
  const b = other.blockers?.runs;
  if (!a || !b) return {};
  const d = pairedWhereSeen(a.share, b.share);
  return d ? { blockedShare: d } : {};
}

/** Paired over the replications in which both saw the measure (neither is null); none without one. */
function pairedWhereSeen(
  a: readonly (number | null)[],
  b: readonly (number | null)[],
): Difference | undefined {
  const x: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const u = a[i];
    const v = b[i];
    if (u === null || v === null) continue;
    x.push(u);
    y.push(v);
  }
  return x.length > 0 ? ratioCi95(x, y) : undefined;
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
