/**
 * The cumulative flow diagram: how many items have reached each stage by each moment. The
 * band between two stages is the work in the earlier one (its height is WIP there, its width
 * roughly the time spent there), so a widening band is a queue building up.
 */
import type { SimulationResult } from '../../../src/index.ts';
import { MAX_LINE_POINTS, thinIndices } from './thin.ts';

export interface CfdBand {
  key: string;
  label: string;
  /** [t, lower, upper] per sample. */
  points: [number, number, number][];
}

export interface CfdData {
  /** Top band first (arrived but not started), "done" last (at the bottom). */
  bands: CfdBand[];
  xMax: number;
  yMax: number;
}

export function cfdData(r: SimulationResult, max = MAX_LINE_POINTS): CfdData {
  const { t, cumulative } = r.series;
  const keep = thinIndices(t.length, max);
  const steps = Object.entries(cumulative.steps);
  const stages: { key: string; label: string; values: number[] }[] = [
    { key: 'arrived', label: 'waiting to start', values: cumulative.arrived },
    ...steps.map(([step, values]) => ({ key: `step:${step}`, label: step, values })),
    { key: 'done', label: 'done', values: cumulative.done },
  ];
  const zero = t.map(() => 0);
  const bands: CfdBand[] = stages.map((stage, k) => {
    const below = k + 1 < stages.length ? stages[k + 1].values : zero;
    return {
      key: stage.key,
      label: stage.label,
      points: keep.map((i) => [t[i], below[i], stage.values[i]] as [number, number, number]),
    };
  });
  // The backlog band is only worth a legend entry when something ever waited there (CONWIP).
  const visible = bands.filter((b) => b.key !== 'arrived' || b.points.some(([, lo, hi]) => hi - lo > 0));
  const yMax = Math.max(1, ...cumulative.arrived);
  return { bands: visible, xMax: t.length ? t[t.length - 1] : 1, yMax };
}
