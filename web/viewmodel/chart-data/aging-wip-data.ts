/**
 * Aging work in progress: every item in progress at one moment, in the column of the stage it
 * is at, as high as its age, against the lead-time percentiles of the items done. An item
 * above the p85 line is already older than 85% of items were when they were done.
 *
 * The chart takes one series (a run) or two side by side in each column (a team's history and
 * the model fitted to it). A series is plain data, `{ name, items: [{ stage, age }],
 * percentiles: { p50, p85, p95 } }`: what `agingWip()` of src/history/flow-charts.ts returns,
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
  items: readonly { stage: string; age: number }[];
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
}

export interface AgingWipData {
  /** The columns, left to right: the stages that hold an item, in the order given. */
  stages: string[];
  series: { name: string; percentiles: Percentiles; shown: number; count: number }[];
  /** Column by column, series by series, the oldest first: the order the keyboard reads them. */
  dots: AgingDot[];
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
      const ages = s.items
        .filter((i) => i.stage === stage)
        .map((i) => i.age)
        .sort((a, b) => b - a);
      for (const [j, age] of ages.entries())
        dots.push({ series: k, column: c, age, offset: spread(j), past: past(age, s.percentiles) });
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
    yMax,
  };
}

/** The steps of a run in value-stream order (as its cumulative flow lists them), the backlog first. */
export function runStages(r: SimulationResult): string[] {
  return [BACKLOG_STAGE, ...Object.keys(r.series.cumulative.steps)];
}

/** A run's work in progress when arrivals stopped, as a series against its lead-time percentiles. */
export function agingWipSeries(r: SimulationResult, name = 'model'): AgingWipSeries {
  const { step, age, count } = r.agingWip;
  return {
    name,
    items: step.map((s, i) => ({ stage: s ?? BACKLOG_STAGE, age: age[i] })),
    percentiles: { p50: r.leadTime.p50, p85: r.leadTime.p85, p95: r.leadTime.p95 },
    count,
  };
}
