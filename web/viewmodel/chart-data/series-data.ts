/**
 * Lines over time (first replication): WIP in the whole system and each node's queue.
 */
import type { SimulationResult } from '../../../src/index.ts';
import { MAX_LINE_POINTS, thinIndices } from './thin.ts';

export interface Line {
  key: string;
  label: string;
  points: [number, number][];
}

export function wipAndQueueLines(r: SimulationResult, max = MAX_LINE_POINTS): Line[] {
  const { t, wip, queues } = r.series;
  const keep = thinIndices(t.length, max);
  const line = (key: string, label: string, values: number[]): Line => ({
    key,
    label,
    points: keep.map((i) => [t[i], values[i]]),
  });
  return [
    line('wip', 'WIP (whole system)', wip),
    ...Object.entries(queues).map(([id, values]) => line(`queue:${id}`, `queue at ${id}`, values)),
  ];
}

export function lineExtent(lines: readonly Line[]): { xMax: number; yMax: number } {
  let xMax = 0;
  let yMax = 0;
  for (const l of lines)
    for (const [x, y] of l.points) {
      if (x > xMax) xMax = x;
      if (y > yMax) yMax = y;
    }
  return { xMax: xMax || 1, yMax: yMax || 1 };
}

/** The value of each line at the sample nearest to `x`, for a tooltip. */
export function valuesAt(
  lines: readonly Line[],
  x: number,
): { key: string; label: string; t: number; value: number }[] {
  return lines.map((l) => {
    let best = 0;
    let lo = 0;
    let hi = l.points.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (l.points[mid][0] < x) lo = mid + 1;
      else hi = mid - 1;
    }
    best = Math.min(l.points.length - 1, Math.max(0, lo));
    if (best > 0 && Math.abs(l.points[best - 1][0] - x) < Math.abs(l.points[best][0] - x)) best--;
    const p = l.points[best] ?? [0, 0];
    return { key: l.key, label: l.label, t: p[0], value: p[1] };
  });
}
