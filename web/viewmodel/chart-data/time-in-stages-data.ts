/**
 * Where the time goes: a value-stream timeline of one item's lead time, stage after stage,
 * each stage's time split into waiting and working, with its flow efficiency (work over the
 * stage's time) and the whole lead time's at the end.
 *
 * The chart takes one series (a run) or two on the same rows (a team's history and the model
 * fitted to it). A series is plain data, `{ name, stages: [{ stage, wait, work }] }` in
 * value-stream order: a run's comes from `timeInStepsSeries(result)`; a history's from
 * `stagesFromRoles(timeInStages(history).stages)` (src/history/flow-charts.ts), where a
 * waiting stage's days are all wait and a working stage's all work.
 */
import type { SimulationResult } from '../../../src/index.ts';
import { BACKLOG_STAGE } from './aging-wip-data.ts';

export interface StageTime {
  stage: string;
  /** Mean time per item, in the chart's time unit. */
  wait: number;
  work: number;
}

export interface TimeInStagesSeries {
  /** What the legend calls it: "model", "history". */
  name: string;
  stages: readonly StageTime[];
}

export interface StageBar extends StageTime {
  /** Where the stage starts on the timeline: the time of the stages before it. */
  from: number;
  /** Work over wait + work; 0 for a stage with no time. */
  flowEfficiency: number;
}

export interface TimeInStagesData {
  /** One row per stage, in order: each series' bar, or null where the series has no such stage. */
  rows: { stage: string; bars: (StageBar | null)[] }[];
  /** Per series, the whole lead time: its wait, work and flow efficiency. */
  totals: { name: string; wait: number; work: number; total: number; flowEfficiency: number }[];
  xMax: number;
}

const efficiency = (work: number, total: number) => (total > 0 ? work / total : 0);

export function timeInStagesData(series: readonly TimeInStagesSeries[]): TimeInStagesData {
  const stages = [...new Set(series.flatMap((s) => s.stages.map((st) => st.stage)))];
  const at = series.map(() => 0);
  const rows = stages.map((stage) => ({
    stage,
    bars: series.map((s, k) => {
      const st = s.stages.find((x) => x.stage === stage);
      if (!st) return null;
      const from = at[k];
      at[k] += st.wait + st.work;
      return { ...st, from, flowEfficiency: efficiency(st.work, st.wait + st.work) };
    }),
  }));
  const totals = series.map((s) => {
    const wait = s.stages.reduce((sum, st) => sum + st.wait, 0);
    const work = s.stages.reduce((sum, st) => sum + st.work, 0);
    return { name: s.name, wait, work, total: wait + work, flowEfficiency: efficiency(work, wait + work) };
  });
  return { rows, totals, xMax: Math.max(1e-9, ...totals.map((t) => t.total)) };
}

/** A run's time per completed item in each step, the backlog first when there is one. */
export function timeInStepsSeries(r: SimulationResult, name = 'model'): TimeInStagesSeries {
  const { backlog, steps } = r.timeInSteps;
  return {
    name,
    stages: [
      ...(backlog > 0 ? [{ stage: BACKLOG_STAGE, wait: backlog, work: 0 }] : []),
      ...steps.map((s) => ({ stage: s.step, wait: s.wait, work: s.work })),
    ],
  };
}

/** A history's time in each stage, as `timeInStages()` gives it: a waiting stage's time is wait, a working stage's work. */
export function stagesFromRoles(
  stages: readonly { stage: string; role: 'work' | 'waiting'; days: number }[],
): StageTime[] {
  return stages.map((s) => ({
    stage: s.stage,
    wait: s.role === 'waiting' ? s.days : 0,
    work: s.role === 'work' ? s.days : 0,
  }));
}
