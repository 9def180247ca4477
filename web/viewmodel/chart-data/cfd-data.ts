/**
 * The cumulative flow diagram: how many items have reached each stage by each moment. The
 * band between two stages is the work in the earlier one (its height is WIP there, its width
 * roughly the time spent there), so a widening band is a queue building up.
 */
import type { SimulationResult } from '../../../src/index.ts';
import type { cumulativeFlow } from '../../../src/runner.ts';
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
  xMin: number;
  xMax: number;
  /** Where the y axis starts: above 0 when zoomed in, so the bands are tall enough to read. */
  yMin: number;
  yMax: number;
  /** x is a day number (src/history/dates.ts), written on the axis as a date. */
  dates?: boolean;
}

/**
 * Over a whole long run the bands are thin slivers on a tall ramp (WIP is small next to the
 * items done), so the chart can zoom to a window of time; the y axis then spans only the counts
 * seen in that window.
 */
export function cfdData(r: SimulationResult, window?: [number, number], max = MAX_LINE_POINTS): CfdData {
  const { t, cumulative } = r.series;
  const inWindow = t.flatMap((x, i) => (!window || (x >= window[0] && x <= window[1]) ? [i] : []));
  const keep = thinIndices(inWindow.length, max).map((k) => inWindow[k]);
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
  const top = visible[0]?.points ?? [];
  const bottom = visible[visible.length - 1]?.points ?? [];
  const yMax = Math.max(1, ...top.map((p) => p[2]));
  // The floor of the window: the least items done in it (0 for the whole run).
  const yMin = window ? Math.min(...bottom.map((p) => p[2])) : 0;
  return {
    bands: visible,
    xMin: window ? (t[keep[0]] ?? 0) : 0,
    xMax: keep.length ? t[keep[keep.length - 1]] : 1,
    yMin: Number.isFinite(yMin) ? yMin : 0,
    yMax,
  };
}

/**
 * A window where the bands can be read: three mean lead times long, from the end of warm-up.
 * By Little's law the items done in one lead time about equal the WIP, so over three the
 * bands fill roughly a quarter to a third of the chart's height.
 */
export function cfdZoomWindow(r: SimulationResult): [number, number] {
  const { warmup, duration } = r.window;
  const step = r.series.t[1] ?? 0;
  const length = Math.max(3 * (r.leadTime.mean || 0), step * 20);
  return [warmup, Math.min(duration, warmup + length)];
}

/**
 * A history's cumulative flow (src/history/flow-charts.ts) as bands: the first stage on top,
 * the done stage at the bottom (keyed `done`, drawn as a run's done band is), each band's
 * lower edge the count that reached a later stage, as each day ended.
 */
export function historyCfdData(
  flow: ReturnType<typeof cumulativeFlow>,
  doneStage: string | null,
  max = MAX_LINE_POINTS,
): CfdData {
  const keep = thinIndices(flow.days.length, max);
  const bands: CfdBand[] = flow.stages.map((stage, s) => ({
    key: stage === doneStage ? 'done' : `step:${stage}`,
    label: stage,
    points: keep.map(
      (i) => [flow.days[i], flow.counts[s + 1]?.[i] ?? 0, flow.counts[s][i]] as [number, number, number],
    ),
  }));
  const top = bands[0]?.points ?? [];
  return {
    bands,
    xMin: flow.days[0] ?? 0,
    xMax: Math.max((flow.days[0] ?? 0) + 1, flow.days.at(-1) ?? 0),
    yMin: 0,
    yMax: Math.max(1, ...top.map((p) => p[2])),
    dates: true,
  };
}
