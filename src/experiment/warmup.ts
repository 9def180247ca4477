/**
 * Choosing the warm-up: with `run.warmup: "auto"` the truncation comes from the MSER-5 rule
 * (White 1997; White, Cobb & Spratt 2000): batch the output series into means of 5 and
 * drop the first d batches, choosing d to minimise the squared standard error of what is
 * left, sum((b_i - mean)^2) / (m - d)^2, over the first half of the series.
 *
 * The series is the WIP (items in the system), sampled on the run's regular time grid from
 * time 0 and averaged over up to five pilot replications run without a warm-up. A pilot is
 * the same replication the run then makes (same seed), so the rule sees the transient the
 * statistics would. WIP rather than lead time by arrival window: every replication already
 * records it (`series`, at most 1000 points, so a pilot holds no more than a plain run), it
 * is sampled at the same times in every pilot however many items each completes, and by
 * Little's law (L = λW) its transient is the lead time's, seen where it starts rather than
 * one lead time later, when the items that arrived early finish.
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
  const series = Array.from({ length: pilots }, (_, i) => {
    const replication = new Replication(pilot, topology, replicationSeed(scenario.run.seed, i));
    replication.advance();
    const { t, channels } = replication.outcome().series.toJSON();
    return { t, wip: channels[0] };
  });
  const { times, wip } = averageWip(series, scenario.run.duration);
  const drop = mser5(wip);
  const warmup = drop > 0 && drop < times.length ? times[drop] : 0;
  return { ...scenario, run: { ...scenario.run, warmup } };
}

/**
 * The pilots' mean WIP at the sample times up to `duration` that every pilot holds. A pilot
 * that drains for long halves its series more often, keeping every other point of the same
 * grid, so the coarsest pilot's times are in every pilot, at exactly the same values.
 */
export function averageWip(
  series: readonly { t: number[]; wip: number[] }[],
  duration: number,
): { times: number[]; wip: number[] } {
  const times = series
    .map((s) => s.t.filter((t) => t <= duration))
    .reduce((fewest, t) => (t.length < fewest.length ? t : fewest));
  const wip = times.map(() => 0);
  for (const s of series) {
    const at = new Map(s.t.map((t, i) => [t, s.wip[i]]));
    for (let k = 0; k < times.length; k++) {
      const value = at.get(times[k]);
      if (value === undefined) throw new Error(`pilot series has no sample at ${times[k]}`);
      wip[k] += value / series.length;
    }
  }
  return { times, wip };
}
