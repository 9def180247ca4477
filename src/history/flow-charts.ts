/**
 * The data of the four flow measures coaches read (WIP, cycle time, work-item age,
 * throughput), from any History: a tracker's, or a model's (simulated.ts), so the two are
 * drawn by the same rules and can be set side by side.
 */
import { nearestRank } from './backtest.ts';
import { arrivedAt, type History } from './history.ts';
import { stageRoles } from './stages.ts';

export interface Percentiles {
  p50: number;
  p85: number;
  p95: number;
}

/** Lead time of each done item against the day it was done, with the percentile lines. */
export function cycleTimeScatter(history: History): {
  points: { done: number; leadTime: number; type: string }[];
  percentiles: Percentiles;
} {
  const points = history.items
    .filter((i) => i.doneAt !== null)
    .map((i) => ({ done: i.doneAt as number, leadTime: (i.doneAt as number) - arrivedAt(i), type: i.type }))
    .sort((a, b) => a.done - b.done);
  return { points, percentiles: percentiles(points.map((p) => p.leadTime)) };
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: nearestRank(sorted, 0.5), p85: nearestRank(sorted, 0.85), p95: nearestRank(sorted, 0.95) };
}

/** Counts of lead times in bins of `width` days from 0: the same bins for both, so they overlay. */
export function leadTimeHistogram(history: History, width: number, bins: number): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const p of cycleTimeScatter(history).points)
    counts[Math.min(bins - 1, Math.floor(p.leadTime / width))]++;
  return counts;
}

/**
 * A cumulative flow diagram: at the end of each day, how many items had reached each stage
 * or a later one (so the bands never cross, whatever an item skipped or went back to).
 */
export function cumulativeFlow(history: History): { days: number[]; stages: string[]; counts: number[][] } {
  const stages = history.stages;
  const index = new Map(stages.map((s, i) => [s, i]));
  const first = Math.floor(history.start);
  const last = Math.floor(history.end);
  const days = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const counts = stages.map(() => new Array<number>(days.length).fill(0));
  for (const item of history.items) {
    // The day an item first reached each stage or beyond: the earliest entry at or after it.
    const reached = new Array<number>(stages.length).fill(Number.POSITIVE_INFINITY);
    for (const v of item.visits) {
      const s = index.get(v.stage);
      if (s !== undefined) reached[s] = Math.min(reached[s], v.enteredAt);
    }
    if (item.doneAt !== null && history.doneStage !== null) {
      const s = index.get(history.doneStage) as number;
      reached[s] = Math.min(reached[s], item.doneAt);
    }
    let earliest = Number.POSITIVE_INFINITY;
    for (let s = stages.length - 1; s >= 0; s--) {
      earliest = Math.min(earliest, reached[s]);
      if (earliest === Number.POSITIVE_INFINITY) continue;
      const from = Math.max(0, Math.floor(earliest) - first);
      for (let d = from; d < days.length; d++) counts[s][d]++;
    }
  }
  return { days, stages, counts };
}

/** Items in progress at the end, by stage and age (days since they arrived), against the done items' lead-time percentiles. */
export function agingWip(history: History): {
  items: { id: string; stage: string; age: number }[];
  percentiles: Percentiles;
} {
  const items = history.items
    .filter((i) => i.doneAt === null && i.visits.length > 0)
    .map((i) => ({
      id: i.id,
      stage: (i.visits.at(-1) as { stage: string }).stage,
      age: history.end - arrivedAt(i),
    }))
    .sort((a, b) => b.age - a.age);
  return { items, percentiles: cycleTimeScatter(history).percentiles };
}

/** Items done in each week (7 days from the history's first day), for a run chart. */
export function weeklyThroughput(history: History): number[] {
  const weeks = new Array<number>(Math.max(1, Math.ceil((history.end - history.start) / 7))).fill(0);
  for (const item of history.items)
    if (item.doneAt !== null)
      weeks[Math.min(weeks.length - 1, Math.floor((item.doneAt - history.start) / 7))]++;
  return weeks;
}

/**
 * Where the time goes: the mean days a done item spent in each stage, waiting or working,
 * and the flow efficiency, work over lead time.
 */
export function timeInStages(
  history: History,
  waiting?: readonly string[],
): {
  stages: { stage: string; role: 'work' | 'waiting'; days: number }[];
  flowEfficiency: number;
} {
  const roles = stageRoles(history, waiting).filter((s) => s.role !== 'done');
  const done = history.items.filter((i) => i.doneAt !== null);
  const total = new Map<string, number>();
  let lead = 0;
  for (const item of done) {
    lead += (item.doneAt as number) - arrivedAt(item);
    for (const v of item.visits)
      total.set(v.stage, (total.get(v.stage) ?? 0) + ((v.exitedAt ?? (item.doneAt as number)) - v.enteredAt));
  }
  const stages = roles.map((s) => ({
    stage: s.name,
    role: s.role as 'work' | 'waiting',
    days: done.length > 0 ? (total.get(s.name) ?? 0) / done.length : 0,
  }));
  const work = stages.filter((s) => s.role === 'work').reduce((sum, s) => sum + s.days, 0);
  return { stages, flowEfficiency: lead > 0 ? (work * done.length) / lead : 0 };
}
