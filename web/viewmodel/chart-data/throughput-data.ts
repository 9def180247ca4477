/**
 * Throughput over time: the items done in each period (a run chart), and how often each count
 * came up (its histogram), the sample a throughput forecast draws from. A run chart's spread
 * from period to period is the system's variability; a drift is a change in the system.
 *
 * The charts take one series (a run) or two drawn together (a team's history and the model
 * fitted to it). A series is plain data, `{ name, start, period, counts }`: a history's is
 * `weeklyThroughput(history)` of src/history/flow-charts.ts with `period: 7` and `start: 0`
 * (days from its first day); a run's comes from `throughputSeries(result)`.
 */
import type { SimulationResult } from '../../../src/index.ts';

export interface ThroughputSeries {
  /** What the legend calls it: "model", "history". */
  name: string;
  /** When the first period starts, in the chart's time unit. */
  start: number;
  /** How long each period is. */
  period: number;
  /** Items done in each period, in order. */
  counts: readonly number[];
}

export interface ThroughputRun {
  name: string;
  period: number;
  /** Each period's middle and its count. */
  points: { t: number; from: number; to: number; count: number }[];
  /** The median count per period: the run chart's centre line. */
  median: number;
  mean: number;
}

export interface ThroughputBin {
  /** Counts from `from` up to, not including, `to`. */
  from: number;
  to: number;
  /** Periods in the bin, per series. */
  periods: number[];
}

export interface ThroughputData {
  runs: ThroughputRun[];
  bins: ThroughputBin[];
  xDomain: [number, number];
  /** The largest count in any period. */
  countMax: number;
  /** The most periods in any bin. */
  periodsMax: number;
}

/** Whole counts up to this many get a bar each; beyond, bars span several. */
const MAX_BINS = 24;

function median(sorted: readonly number[]): number {
  if (sorted.length === 0) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function throughputData(series: readonly ThroughputSeries[]): ThroughputData {
  const runs = series.map((s) => {
    const points = s.counts.map((count, i) => {
      const from = s.start + i * s.period;
      return { t: from + s.period / 2, from, to: from + s.period, count };
    });
    const sorted = [...s.counts].sort((a, b) => a - b);
    const total = s.counts.reduce((sum, c) => sum + c, 0);
    return {
      name: s.name,
      period: s.period,
      points,
      median: median(sorted),
      mean: s.counts.length > 0 ? total / s.counts.length : 0,
    };
  });
  const countMax = Math.max(0, ...series.flatMap((s) => s.counts));
  const width = Math.max(1, Math.ceil((countMax + 1) / MAX_BINS));
  const bins: ThroughputBin[] = Array.from({ length: Math.floor(countMax / width) + 1 }, (_, b) => ({
    from: b * width,
    to: (b + 1) * width,
    periods: series.map(() => 0),
  }));
  series.forEach((s, k) => {
    for (const c of s.counts) bins[Math.floor(Math.max(0, c) / width)].periods[k]++;
  });
  const starts = series.map((s) => s.start);
  const ends = series.map((s) => s.start + s.counts.length * s.period);
  return {
    runs,
    bins,
    xDomain: [Math.min(0, ...starts), Math.max(1e-9, ...ends)],
    countMax,
    periodsMax: Math.max(0, ...bins.flatMap((b) => b.periods)),
  };
}

/** Periods of a run chart: about this many at most over the observation window. */
const MAX_PERIODS = 52;

/** A round length of time: 1, 2 or 5 times a power of ten, or a week, two or four (in days). */
function round(x: number): boolean {
  const nice = [1, 2, 5, 7, 14, 28];
  const scale = 10 ** Math.floor(Math.log10(x));
  return nice.some((n) => Math.abs(x - n) < 1e-9 * x || Math.abs(x / scale - n) < 1e-9);
}

/**
 * A run's items done per period over its observation window (warm-up to duration), from the
 * first replication's cumulative count of items done. A period is a whole number of the
 * series' sample intervals, so each count is exact: the difference of two samples. It is the
 * shortest that gives at most 52 periods, lengthened (to at most twice that) to a round length
 * when one is in reach: "per 50 days" rather than "per 36 days".
 */
export function throughputSeries(r: SimulationResult, name = 'model'): ThroughputSeries {
  const { t } = r.series;
  const done = r.series.cumulative.done;
  const interval = t.length > 1 ? t[1] - t[0] : 0;
  const first = t.findIndex((x) => x >= r.window.warmup);
  let last = -1;
  for (let i = t.length - 1; i >= 0; i--)
    if (t[i] <= r.window.duration) {
      last = i;
      break;
    }
  const spans = last - first;
  if (!(interval > 0) || first < 0 || spans < 1)
    return { name, start: r.window.warmup, period: 1, counts: [] };
  let samples = Math.ceil(spans / MAX_PERIODS);
  for (let m = samples; m <= 2 * samples && m <= spans; m++)
    if (round(m * interval)) {
      samples = m;
      break;
    }
  const counts: number[] = [];
  for (let k = first; k + samples <= last; k += samples) counts.push(done[k + samples] - done[k]);
  return { name, start: t[first], period: samples * interval, counts };
}
