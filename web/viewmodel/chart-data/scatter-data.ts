/**
 * The cycle-time scatterplot: one dot per completed item (first replication), at the time it
 * was done and as high as its cycle time, with the percentile lines flow analysts forecast from.
 */
import type { SimulationResult } from '../../../src/index.ts';
import type { PercentileMark } from './histogram-data.ts';
import { MAX_SCATTER_POINTS, thinIndices } from './thin.ts';

export interface ScatterData {
  points: { t: number; value: number }[];
  lines: PercentileMark[];
  xDomain: [number, number];
  yMax: number;
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
