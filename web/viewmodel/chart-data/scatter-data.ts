/**
 * The cycle-time scatterplot: one dot per completed item (first replication), at the time it
 * was done and as high as its cycle time, with the percentile lines flow analysts forecast from.
 */
import type { SimulationResult } from '../../../src/index.ts';
import type { cycleTimeScatter } from '../../../src/runner.ts';
import type { PercentileMark } from './histogram-data.ts';
import { MAX_SCATTER_POINTS, thinIndices } from './thin.ts';

export interface ScatterData {
  points: { t: number; value: number }[];
  lines: PercentileMark[];
  xDomain: [number, number];
  yMax: number;
  /** The series' name, when a chart draws two: a team's history and its fitted model. */
  name?: string;
  /** x is a day number (src/history/dates.ts), written on the axis as a date. */
  dates?: boolean;
}

export function scatterData(r: SimulationResult, max = MAX_SCATTER_POINTS): ScatterData {
  const { t, value } = r.cycleTimes;
  const points = thinIndices(t.length, max).map((i) => ({ t: t[i], value: value[i] }));
  const marks: PercentileMark[] = [
    { label: 'p50', value: r.cycleTime.p50 },
    { label: 'p85', value: r.cycleTime.p85 },
    { label: 'p95', value: r.cycleTime.p95 },
  ];
  const lines = marks.filter((l) => Number.isFinite(l.value));
  const yMax = Math.max(1e-9, ...points.map((p) => p.value), ...lines.map((l) => l.value));
  const xMax = Math.max(r.window.duration, ...points.map((p) => p.t));
  return { points, lines, xDomain: [0, xMax], yMax };
}

/**
 * One series of a history's scatter (src/history/flow-charts.ts): each done item at the day it
 * was done and as high as its lead time, over the history's `period` (first and last day).
 */
export function historyScatterData(
  name: string,
  scatter: ReturnType<typeof cycleTimeScatter>,
  period: [number, number],
  max = MAX_SCATTER_POINTS,
): ScatterData {
  const points = thinIndices(scatter.points.length, max).map((i) => ({
    t: scatter.points[i].done,
    value: scatter.points[i].leadTime,
  }));
  const lines = (['p50', 'p85', 'p95'] as const)
    .map((label) => ({ label, value: scatter.percentiles[label] }))
    .filter((l) => Number.isFinite(l.value));
  const yMax = Math.max(1e-9, ...points.map((p) => p.value), ...lines.map((l) => l.value));
  return { points, lines, xDomain: period, yMax, name, dates: true };
}
