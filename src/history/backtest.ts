/**
 * Backtesting a fitted scenario: simulate it over the history's own period and put its lead
 * time, throughput and WIP beside the history's, with a distance between the two lead-time
 * distributions, and a plain warning wherever the model does not reproduce the history.
 *
 * "Reproduces" is judged against chance on both sides. A percentile of the history's lead
 * times is itself uncertain: its 95% interval from the order statistics (the ranks
 * n p ± 1.96 sqrt(n p (1 - p))). A year's throughput, WIP and mean lead time vary from one
 * year of the same team to the next: the model's replications are such years, so the
 * history is reproduced when it lies in their 95% prediction interval,
 * mean ± t sd sqrt(1 + 1/r) over r replications.
 */

import { replicationSeed } from '../engine/random.ts';
import { runnableScenario } from '../experiment/replications.ts';
import type { SimulationResult } from '../experiment/result.ts';
import { simulate } from '../experiment/simulate.ts';
import { t975 } from '../metrics/confidence.ts';
import { Replication } from '../network/simulation.ts';
import { compileTopology } from '../network/topology.ts';
import type { Fit } from './fit.ts';
import { arrivedAt, type History } from './history.ts';

export interface HistoryMeasures {
  /** Lead times of the done items, sorted (days). */
  leadTimes: number[];
  /** Items done per day over the period. */
  throughput: number;
  /** Time-average number of items in progress over the period. */
  wip: number;
}

export interface BacktestRow {
  measure: string;
  history: number;
  model: number;
  /** The interval the judgement used: the history's (percentiles) or the model's (the rest). */
  interval: [number, number];
  intervalOf: 'history' | 'model';
  reproduced: boolean;
}

export interface Backtest {
  rows: BacktestRow[];
  /** Kolmogorov-Smirnov distance between the history's lead times and the model's (all replications). */
  distance: number;
  /**
   * The distance a year of the model itself keeps from the model, 95 times in 100: the 95th
   * percentile of each replication's distance from the others. Lead times in one year are
   * not independent (a busy spell lengthens many at once), so the textbook bound for
   * independent samples would call a faithful model wrong.
   */
  critical: number;
  /** Per step with a queue: mean wait per visit in the history's waiting stages and in the model. */
  queues: { stage: string; queue: string; history: number; model: number }[];
  warnings: string[];
  result: SimulationResult;
}

export function historyMeasures(history: History): HistoryMeasures {
  const days = Math.max(history.end - history.start, 1);
  const leadTimes: number[] = [];
  let inProgress = 0;
  for (const item of history.items) {
    const from = arrivedAt(item);
    if (item.doneAt !== null) leadTimes.push(item.doneAt - from);
    inProgress += Math.min(item.doneAt ?? history.end, history.end) - from;
  }
  leadTimes.sort((a, b) => a - b);
  return { leadTimes, throughput: leadTimes.length / days, wip: inProgress / days };
}

export function backtest(history: History, fit: Fit): Backtest {
  const result = simulate(fit.scenario);
  const measured = historyMeasures(history);
  const n = measured.leadTimes.length;
  const rows: BacktestRow[] = [];
  for (const [p, key] of [
    [0.5, 'p50'],
    [0.85, 'p85'],
    [0.95, 'p95'],
  ] as const) {
    const value = nearestRank(measured.leadTimes, p);
    const spread = 1.96 * Math.sqrt(n * p * (1 - p));
    const interval: [number, number] = [
      measured.leadTimes[Math.max(0, Math.floor(n * p - spread) - 1)],
      measured.leadTimes[Math.min(n - 1, Math.ceil(n * p + spread) - 1)],
    ];
    const model = result.leadTime[key];
    rows.push({
      measure: `lead time ${key} (days)`,
      history: value,
      model,
      interval,
      intervalOf: 'history',
      reproduced: model >= interval[0] && model <= interval[1],
    });
  }
  const prediction = (values: number[]): [number, number] => {
    const r = values.length;
    const mean = values.reduce((s, x) => s + x, 0) / r;
    const sd = r > 1 ? Math.sqrt(values.reduce((s, x) => s + (x - mean) ** 2, 0) / (r - 1)) : 0;
    const half = r > 1 ? t975(r - 1) * sd * Math.sqrt(1 + 1 / r) : 0;
    return [mean - half, mean + half];
  };
  const historyMean = n > 0 ? measured.leadTimes.reduce((s, x) => s + x, 0) / n : Number.NaN;
  for (const [measure, value, model, perRun] of [
    ['lead time mean (days)', historyMean, result.leadTime.mean, result.runs.map((r) => r.leadTimeMean)],
    [
      'throughput (items a day)',
      measured.throughput,
      result.throughput,
      result.runs.map((r) => r.throughput),
    ],
    ['WIP (items)', measured.wip, result.wip.mean, result.runs.map((r) => r.wipMean)],
  ] as const) {
    const interval = prediction([...perRun]);
    rows.push({
      measure,
      history: value,
      model,
      interval,
      intervalOf: 'model',
      reproduced: value >= interval[0] && value <= interval[1],
    });
  }
  const years = modelLeadTimes(fit.scenario);
  const pooled = years.flat().sort((a, b) => a - b);
  const distance = ksDistance(measured.leadTimes, pooled);
  const own = years
    .map((year, r) => {
      const others = years.flatMap((y, i) => (i === r ? [] : y)).sort((a, b) => a - b);
      return ksDistance(
        [...year].sort((a, b) => a - b),
        others,
      );
    })
    .sort((a, b) => a - b);
  const critical = nearestRank(own, 0.95);
  const queues = fit.report.steps
    .filter((s) => s.queueWait !== undefined)
    .map((s) => ({
      stage: s.stage,
      queue: s.queue.join(' and '),
      history: s.queueWait as number,
      model: result.nodes[s.node]?.wait.mean ?? 0,
    }));
  return {
    rows,
    distance,
    critical,
    queues,
    warnings: warningsOf(rows, distance, critical, queues, result),
    result,
  };
}

function warningsOf(
  rows: BacktestRow[],
  distance: number,
  critical: number,
  queues: Backtest['queues'],
  result: SimulationResult,
): string[] {
  const warnings: string[] = [];
  for (const row of rows) {
    if (row.reproduced) continue;
    const off = row.model / row.history - 1;
    const [lo, hi] = row.interval.map(fmt);
    warnings.push(
      row.intervalOf === 'history'
        ? `The model's ${row.measure.replace(/ \(.*\)$/, '')} is ${fmt(row.model)}, the history's ${fmt(row.history)}: ${pct(Math.abs(off))} ${off < 0 ? 'shorter' : 'longer'}, outside the history's 95% interval (${lo} to ${hi}).`
        : `The history's ${row.measure.replace(/ \(.*\)$/, '')}, ${fmt(row.history)}, is outside what the model gives for a year like it (${lo} to ${hi}, mean ${fmt(row.model)}).`,
    );
  }
  if (distance > critical)
    warnings.push(
      `The history's lead times are further from the model's (Kolmogorov-Smirnov ${fmt(distance)}) than 95% of the model's own years are (${fmt(critical)}).`,
    );
  for (const q of queues) {
    if (Math.abs(q.history - q.model) < 0.5 || (q.model > 0 && Math.abs(q.history / q.model - 1) < 0.5))
      continue;
    warnings.push(
      q.history > q.model
        ? `Items waited ${fmt(q.history)} days a visit in ${q.queue}, the model's ${q.stage} queue ${fmt(q.model)}: they waited for more than the capacity of ${q.stage} (batching, a pull policy, people's availability), which the model leaves out.`
        : `The model's ${q.stage} queue holds items ${fmt(q.model)} days a visit, the history's ${q.queue} ${fmt(q.history)}: ${q.stage} did its work faster, or with more people, than the model gives it.`,
    );
  }
  return [...warnings, ...result.warnings];
}

/** The smallest value with at least a share p of the values at or below it. */
export function nearestRank(sorted: readonly number[], p: number): number {
  return sorted.length > 0 ? sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] : Number.NaN;
}

/**
 * Each replication's lead times, item by item, as the simulation gives them (its trace):
 * the replications `simulate` runs, with the same seeds.
 */
function modelLeadTimes(document: unknown): number[][] {
  const scenario = runnableScenario(document);
  const topology = compileTopology(scenario);
  const years: number[][] = [];
  for (let r = 0; r < scenario.run.replications; r++) {
    const arrived = new Map<number, number>();
    const leadTimes: number[] = [];
    const replication = new Replication(scenario, topology, replicationSeed(scenario.run.seed, r), {
      trace: (event, time, item) => {
        if (event === 'arrive') arrived.set(item, time);
        else if (event === 'complete') {
          const from = arrived.get(item);
          if (from !== undefined) leadTimes.push(time - from);
          arrived.delete(item);
        }
      },
    });
    replication.advance();
    years.push(leadTimes);
  }
  return years;
}

/** The largest gap between two samples' step functions (both sorted). */
function ksDistance(a: readonly number[], b: readonly number[]): number {
  if (a.length === 0 || b.length === 0) return 1;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i], b[j]);
    while (i < a.length && a[i] <= x) i++;
    while (j < b.length && b[j] <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

function fmt(x: number): string {
  return String(Number(x.toPrecision(3)));
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}
