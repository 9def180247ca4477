/**
 * Aging work in progress: every item in progress at one moment, in the column of the stage it
 * is at, as high as its age, against the lead-time percentiles of the items done. An item
 * above the p85 line is already older than 85% of items were when they were done.
 *
 * The chart takes one series (a run) or two side by side in each column (a team's history and
 * the model fitted to it). A series is plain data, `{ name, items: [{ stage, age }],
 * percentiles: { p50, p85, p95 } }` (an item blocked at the moment also has `blocked`, how long
 * it has been blocked so far, and is marked apart): what `agingWip()` of src/history/flow-charts.ts returns,
 * with a name added; a run's comes from `agingWipSeries(result)`.
 */
import type { SimulationResult } from '../../../src/index.ts';

export interface Percentiles {
  p50: number;
  p85: number;
  p95: number;
}

export interface AgingWipSeries {
  /** What the legend calls it: "model", "history". */
  name: string;
  /** Each item's stage and age, and, for one blocked at the snapshot, how long it has been blocked so far. */
  items: readonly { stage: string; age: number; blocked?: number }[];
  /** Lead-time percentiles of the items done, which the ages are read against. */
  percentiles: Percentiles;
  /** How many items were in progress, when `items` is a sample of them (a long run's); else items.length. */
  count?: number;
}

export interface AgingDot {
  /** Index into `series`. */
  series: number;
  /** Index into `stages`. */
  column: number;
  age: number;
  /** Where across its series' share of the column, from 0 to 1: spread so that dots of equal age stay apart. */
  offset: number;
  /** The highest percentile the item is already older than. */
  past: keyof Percentiles | null;
  /** For an item blocked at the snapshot, how long it has been blocked so far. */
  blocked?: number;
}

export interface AgingWipData {
  /** The columns, left to right: the stages that hold an item, in the order given. */
  stages: string[];
  series: { name: string; percentiles: Percentiles; shown: number; count: number }[];
  /** Column by column, series by series, the oldest first: the order the keyboard reads them. */
  dots: AgingDot[];
  /** How many of the dots are blocked items. */
  blocked: number;
  yMax: number;
}

/** The column of items still in the CONWIP backlog, not yet started. */
export const BACKLOG_STAGE = 'backlog';

/** Spreads the k-th dot across its place: the golden-ratio sequence, so no two land together. */
function spread(k: number): number {
  return (k * 0.6180339887498949 + 0.5) % 1;
}

function past(age: number, p: Percentiles): AgingDot['past'] {
  return age > p.p95 ? 'p95' : age > p.p85 ? 'p85' : age > p.p50 ? 'p50' : null;
}

/**
 * The chart's columns and dots. `order` is the stages' order along the value stream; stages
 * it does not name come after, in the order the series first mention them.
 */
export function agingWipData(series: readonly AgingWipSeries[], order: readonly string[] = []): AgingWipData {
  const held = new Set(series.flatMap((s) => s.items.map((i) => i.stage)));
  const stages = [...new Set([...order, ...series.flatMap((s) => s.items.map((i) => i.stage))])].filter(
    (stage) => held.has(stage),
  );
  const dots: AgingDot[] = [];
  stages.forEach((stage, c) => {
    series.forEach((s, k) => {
      const held = s.items.filter((i) => i.stage === stage).sort((a, b) => b.age - a.age);
      for (const [j, { age, blocked }] of held.entries())
        dots.push({
          series: k,
          column: c,
          age,
          offset: spread(j),
          past: past(age, s.percentiles),
          ...(blocked === undefined ? {} : { blocked }),
        });
    });
  });
  const finite = (x: number) => (Number.isFinite(x) ? x : 0);
  const yMax = Math.max(1e-9, ...dots.map((d) => d.age), ...series.map((s) => finite(s.percentiles.p95)));
  return {
    stages,
    series: series.map((s) => ({
      name: s.name,
      percentiles: s.percentiles,
      shown: s.items.length,
      count: s.count ?? s.items.length,
    })),
    dots,
    blocked: dots.filter((d) => d.blocked !== undefined).length,
    yMax,
  };
}

/** The steps of a run in value-stream order (as its cumulative flow lists them), the backlog first. */
export function runStages(r: SimulationResult): string[] {
  return [BACKLOG_STAGE, ...Object.keys(r.series.cumulative.steps)];
}

/**
 * A run's work in progress when arrivals stopped, as a series against its lead-time
 * percentiles; an item blocked then carries how long it has been blocked so far.
 */
export function agingWipSeries(r: SimulationResult, name = 'model'): AgingWipSeries {
  const { step, age, count, blocked } = r.agingWip;
  return {
    name,
    items: step.map((s, i) => {
      const b = blocked?.[i];
      return {
        stage: s ?? BACKLOG_STAGE,
        age: age[i],
        ...(b === null || b === undefined ? {} : { blocked: b }),
      };
    }),
    percentiles: { p50: r.leadTime.p50, p85: r.leadTime.p85, p95: r.leadTime.p95 },
    count,
  };
}
