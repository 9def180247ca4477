/**
 * Choosing the warm-up: with `run.warmup: "auto"` the truncation comes from the MSER-5 rule
 * (White 1997; White, Cobb & Spratt 2000): batch the output series into means of 5 and
 * drop the first d batches, choosing d to minimise the squared standard error of what is
 * left, sum((b_i - mean)^2) / (m - d)^2, over the first half of the series.
 *
 * The series is the time-average WIP, sampled on the run's regular grid from time 0, averaged
 * over up to five pilot replications run without a warm-up. A pilot is the same replication
 * the run then makes (same seed), so the rule sees the transient the statistics would.
 */
import { replicationSeed } from '../engine/random.ts';
import type { Scenario } from '../model/scenario.ts';
import { Replication } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';

const PILOTS = 5;
const BATCH = 5;

/** MSER-5: the number of leading points to drop from a series (a multiple of 5). */
export function mser5(series: readonly number[]): number {
  const m = Math.floor(series.length / BATCH);
  if (m < 2) return 0;
  const batches: number[] = [];
  for (let i = 0; i < m; i++) {
    let sum = 0;
    for (let j = 0; j < BATCH; j++) sum += series[i * BATCH + j];
    batches.push(sum / BATCH);
  }
  let best = 0;
  let bestScore = Number.POSITIVE_INFINITY;
  // Suffix sums make each candidate O(1): sum of squares minus n * mean^2.
  let sum = 0;
  let squares = 0;
  const score: number[] = new Array(m);
  for (let d = m - 1; d >= 0; d--) {
    sum += batches[d];
    squares += batches[d] * batches[d];
    const n = m - d;
    const spread = Math.max(0, squares - (sum * sum) / n);
    score[d] = spread / (n * n);
  }
  for (let d = 0; d <= Math.floor(m / 2); d++)
    if (score[d] < bestScore) {
      bestScore = score[d];
      best = d;
    }
  return best * BATCH;
}

/** The scenario with its warm-up chosen by MSER-5 when it asks for "auto"; as it is otherwise. */
export function resolveWarmup(scenario: Scenario): Scenario {
  if (!scenario.run.autoWarmup) return scenario;
  const pilot: Scenario = { ...scenario, run: { ...scenario.run, warmup: 0 } };
  const topology = compileTopology(pilot);
  const pilots = Math.min(PILOTS, scenario.run.replications);
  let times: number[] = [];
  let wip: number[] = [];
  for (let i = 0; i < pilots; i++) {
    const replication = new Replication(pilot, topology, replicationSeed(scenario.run.seed, i));
    replication.advance();
    const series = replication.outcome().series.toJSON();
    const within = series.t.findLastIndex((t) => t <= scenario.run.duration) + 1;
    if (i === 0) {
      times = series.t.slice(0, within);
      wip = series.channels[0].slice(0, within);
    } else for (let k = 0; k < times.length; k++) wip[k] += series.channels[0][k] ?? 0;
  }
  const drop = mser5(wip);
  const warmup = drop > 0 && drop < times.length ? times[drop] : 0;
  return { ...scenario, run: { ...scenario.run, warmup } };
}
