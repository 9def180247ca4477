/**
 * Forecasting by Monte Carlo, as flow analysts do with throughput histories, but from the
 * model: how long until N more items are done, or how many items are done by a date.
 * Each replication runs the scenario through its warm-up, so the system holds its usual work
 * in progress, and counts completions from there. The answer is a distribution: its
 * percentiles say "85% of the time it takes no longer than this" (or, for items by a date,
 * "at least this many, 85% of the time": the 15th percentile).
 */
import { replicationSeed } from '../engine/random.ts';
import { distributionMean } from '../model/distribution.ts';
import { MAX_TIME } from '../model/limits.ts';
import { MAX_EXPECTED_ARRIVALS, type Scenario } from '../model/scenario.ts';
import { Replication } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import { runnableScenario, withRun } from './replications.ts';

export type ForecastQuestion = { items: number } | { until: number };

export interface ForecastOptions {
  /** Replications (default 100: percentiles need many). */
  replications?: number;
  seed?: number;
}

export interface ForecastResult {
  scenario: string;
  timeUnit: string;
  seed: number;
  replications: number;
  /** When counting starts: the end of the warm-up. */
  from: number;
  question: ForecastQuestion;
  /** One answer per replication that reached one: days to finish N items, or items done by T. */
  samples: number[];
  /** Replications that stopped (drained, deadlock, time cap) before N more items were done. */
  notReached: number;
  mean: number;
  p15: number;
  p50: number;
  p85: number;
  p95: number;
  /**
   * About 20 bins over the samples, ready to chart. `likelihood` is what a forecaster reads
   * off a bin: for `items`, the chance of being done by its end (`to`), over every
   * replication; for `until`, the chance of at least its start (`from`) items.
   */
  histogram: ForecastBin[];
}

export interface ForecastBin {
  from: number;
  to: number;
  count: number;
  likelihood: number;
}

/** Events between checks for an answer: small, so a replication stops soon after it has one. */
const SLICE = 1_000;

export function forecast(
  document: unknown,
  question: ForecastQuestion,
  options: ForecastOptions = {},
): ForecastResult {
  const size = 'items' in question ? question.items : question.until;
  if (!(size > 0) || ('items' in question && !Number.isInteger(size)))
    throw new RangeError('a forecast needs a whole number of items above 0, or a time above 0');
  const base = runnableScenario(withRun(document, options.seed, options.replications ?? 100));
  const from = base.run.warmup;
  const tooLarge = forecastProblem(base, question);
  if (tooLarge) throw new RangeError(tooLarge);
  const duration = forecastDuration(base, question, from);
  const scenario: Scenario = {
    ...base,
    run: { ...base.run, duration, maxTime: Math.max(base.run.maxTime ?? 0, duration * 2) },
  };
  const topology = compileTopology(scenario);
  const samples: number[] = [];
  let notReached = 0;
  for (let i = 0; i < scenario.run.replications; i++) {
    const answer = answerOne(scenario, topology, i, from, question);
    if (answer === null) notReached++;
    else samples.push(answer);
  }
  return summarise(scenario, from, question, samples, notReached);
}

/** Arrivals must not stop before the question is answered: the run is made long enough. */
function forecastDuration(scenario: Scenario, question: ForecastQuestion, from: number): number {
  const rate = scenario.demand.reduce((sum, d) => sum + 1 / distributionMean(d.interarrival), 0);
  const horizon = 'items' in question ? from + (4 * question.items) / rate + 10 : from + question.until;
  return Math.max(scenario.run.duration, horizon);
}

/**
 * Why a forecast would run past what any run may (the scenario's own bounds: times up to
 * MAX_TIME, about MAX_EXPECTED_ARRIVALS arrivals over all replications), or undefined. The
 * forecast lengthens the run to reach its answer after the scenario was validated, so
 * `--items 1e9` or `--until 1e300` would otherwise run for hours or never end. For an
 * automatic warm-up it assumes the latest MSER-5 can choose, half the duration.
 */
export function forecastProblem(scenario: Scenario, question: ForecastQuestion): string | undefined {
  const from = scenario.run.autoWarmup ? scenario.run.duration / 2 : scenario.run.warmup;
  const duration = forecastDuration(scenario, question, from);
  const ask = 'items' in question ? `${question.items} more items` : `the items done by ${question.until}`;
  const fewer = 'items' in question ? 'fewer items' : 'an earlier time';
  // The drain after arrivals stop may run to twice the duration (forecast's maxTime).
  if (!(2 * duration <= MAX_TIME))
    return `a forecast of ${ask} would run to time ${duration.toPrecision(3)}, past the limit of ${MAX_TIME.toLocaleString('en')} time units for a run; ask for ${fewer}`;
  const runs = scenario.run.replications;
  const arrivals =
    scenario.demand.reduce((sum, d) => {
      const means = [d.interarrival, ...(d.schedule ?? []).map((c) => c.interarrival)].map(distributionMean);
      return sum + duration / Math.min(...means);
    }, 0) * runs;
  if (arrivals > MAX_EXPECTED_ARRIVALS)
    return (
      `a forecast of ${ask} over ${runs} replications would simulate about ${Number(arrivals.toPrecision(2)).toLocaleString('en')} items, ` +
      `more than the limit of ${MAX_EXPECTED_ARRIVALS.toLocaleString('en')}; ask for ${fewer} or use fewer replications`
    );
  return undefined;
}

function answerOne(
  scenario: Scenario,
  topology: ReturnType<typeof compileTopology>,
  index: number,
  from: number,
  question: ForecastQuestion,
): number | null {
  let done = 0;
  let answer: number | null = null;
  const until = 'until' in question ? from + question.until : Number.POSITIVE_INFINITY;
  const replication = new Replication(scenario, topology, replicationSeed(scenario.run.seed, index), {
    trace: (event, time) => {
      if (event !== 'complete' || time <= from || answer !== null) return;
      if (time > until) {
        answer = done;
        return;
      }
      done++;
      if ('items' in question && done === question.items) answer = time - from;
    },
  });
  while (answer === null && !replication.advance(SLICE)) {
    if ('until' in question && replication.now > until) answer = done;
  }
  if (answer === null && 'until' in question) answer = done;
  return answer;
}

function summarise(
  scenario: Scenario,
  from: number,
  question: ForecastQuestion,
  samples: number[],
  notReached: number,
): ForecastResult {
  const sorted = [...samples].sort((a, b) => a - b);
  // Nearest rank: the smallest value with at least a share p of the samples at or below it.
  const q = (p: number) =>
    sorted.length > 0 ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : Number.NaN;
  return {
    scenario: scenario.name,
    timeUnit: scenario.timeUnit,
    seed: scenario.run.seed,
    replications: scenario.run.replications,
    from,
    question,
    samples,
    notReached,
    mean: sorted.length > 0 ? sorted.reduce((s, x) => s + x, 0) / sorted.length : Number.NaN,
    p15: q(0.15),
    p50: q(0.5),
    p85: q(0.85),
    p95: q(0.95),
    histogram: histogramOf(sorted, question, samples.length + notReached),
  };
}

/**
 * The chance that the N items are done within `time` of the start of counting: the share
 * of replications that got there by then (those that never did count as not done).
 */
export function chanceDoneBy(f: ForecastResult, time: number): number {
  if (!('items' in f.question))
    throw new RangeError('the chance of being done by a time needs an --items forecast');
  return f.samples.filter((x) => x <= time).length / (f.samples.length + f.notReached);
}

/** About 20 equal bins over the samples' range; whole-number bins for counts of items. */
function histogramOf(sorted: readonly number[], question: ForecastQuestion, runs: number): ForecastBin[] {
  if (sorted.length === 0) return [];
  const continuous = 'items' in question;
  const lo = sorted[0];
  const hi = sorted[sorted.length - 1];
  const span = hi - lo;
  let width = span > 0 ? span / 20 : 1;
  if (!continuous) width = Math.max(1, Math.ceil(width));
  const count = Math.max(1, Math.floor(span / width) + 1);
  const bins = Array.from({ length: count }, (_, i) => ({
    from: lo + i * width,
    to: lo + (i + 1) * width,
    count: 0,
    likelihood: 0,
  }));
  for (const x of sorted) bins[Math.min(count - 1, Math.floor((x - lo) / width))].count++;
  // Done by the end of a bin: this bin and all before it. At least a bin's start: this bin
  // and all after it.
  let seen = 0;
  const order = continuous ? bins : [...bins].reverse();
  for (const bin of order) {
    seen += bin.count;
    bin.likelihood = seen / (continuous ? runs : sorted.length);
  }
  return bins;
}
