/**
 * The measures a result has only when its scenario does, as columns of a table with one row
 * per result (a sweep's points): the money (economics), DORA's four measures (delivery) and
 * the share of lead time blocked (blockers), each a number with its 95% interval. A column is
 * there when any of the results has its measure; a result without it has an empty cell.
 * Where a result turned work away at a full first node, which its lead times and its money
 * leave out, the items turned away come first, for every result (0 where it turned none away),
 * so the row that looks fastest or cheapest because it did less work reads so, with or
 * without money.
 *
 * The names are the report's (comparison.ts labels every measure once) and the cells are
 * written with numbers.ts, as the run's lines write them, so a sweep's row and `run` of the
 * same point say the same numbers in the same way. The CSV's names are the labels in
 * snake case: "cost of delay" is `cost_of_delay`, its interval `cost_of_delay_ci95_low` and
 * `cost_of_delay_ci95_high`.
 */
import type { Interval, SimulationResult } from '../experiment/result.ts';
import { ci95 } from '../metrics/confidence.ts';
import { type Measure, measureLabel, measureSection } from './comparison.ts';
import type { Section } from './loops.ts';
import { shareWithInterval, unitName, withInterval } from './numbers.ts';
import { TURNED_AWAY, turnedAwayPerReplication } from './turned-away.ts';

/** A measure's value in one result (null where the result saw none of it) with its interval. */
export interface ColumnValue {
  mean: number | null;
  ci95: Interval;
}

/** How a measure's number reads: an amount of money, a rate per time unit, a time, a share, a count of items. */
type Kind = 'money' | 'rate' | 'time' | 'share' | 'items';

interface Column {
  kind: Kind;
  read: (r: SimulationResult) => ColumnValue | undefined;
  /** Whether the result calls for the column; without it, whether the result has the measure. */
  shown?: (r: SimulationResult) => boolean;
  /** Its name where it is no measure of a comparison's (comparison.ts names those), and its part of a result. */
  label?: string;
  section?: Section;
}

/**
 * Every measure a column can hold, in the order the report says them (economics, then
 * delivery, then blockers), with where it is in a result; undefined where the result has no
 * such part.
 */
const COLUMNS = {
  turnedAway: {
    kind: 'items',
    label: TURNED_AWAY,
    section: 'rejected',
    read: (r) => ({ mean: turnedAwayPerReplication(r), ci95: ci95(r.runs.map((x) => x.rejected)) }),
    shown: (r) => r.rejected > 0,
  },
  costOfDelay: {
    kind: 'money',
    read: ({ economics: e }) => e && { mean: e.costOfDelay.total, ci95: e.costOfDelay.ci95 },
  },
  capacityCost: {
    kind: 'money',
    read: ({ economics: e }) => e && { mean: e.capacityCost.total, ci95: e.capacityCost.ci95 },
  },
  totalCost: {
    kind: 'money',
    read: ({ economics: e }) => e && { mean: e.totalCost.total, ci95: e.totalCost.ci95 },
  },
  value: {
    kind: 'money',
    read: ({ economics: e }) => e && { mean: e.value.delivered, ci95: e.value.ci95 },
  },
  deploymentFrequency: {
    kind: 'rate',
    read: ({ delivery: d }) =>
      d && { mean: d.deploymentFrequency.perTimeUnit, ci95: d.deploymentFrequency.ci95 },
  },
  leadTimeForChanges: {
    kind: 'time',
    read: ({ delivery: d }) => d && { mean: d.leadTimeForChanges.mean, ci95: d.leadTimeForChanges.ci95 },
  },
  changeFailureRate: {
    kind: 'share',
    read: ({ delivery: d }) => d && { mean: d.changeFailureRate.share, ci95: d.changeFailureRate.ci95 },
  },
  timeToRestore: {
    kind: 'time',
    read: ({ delivery: d }) => d && { mean: d.timeToRestore.mean, ci95: d.timeToRestore.ci95 },
  },
  blockedShare: {
    kind: 'share',
    read: ({ blockers: b }) => b && { mean: b.share.mean, ci95: b.share.ci95 },
  },
} as const satisfies Partial<Record<Measure | 'turnedAway', Column>>;

export type ColumnMeasure = keyof typeof COLUMNS;

/** Every measure a column can hold, in the report's order. */
export const COLUMN_MEASURES = Object.keys(COLUMNS) as ColumnMeasure[];

/** Said under a table with money in it (columnNotes): its amounts are per replication, as `run` says them. */
const MONEY_NOTE = 'money is per replication, over the observation window';

/** Said under a table with the work turned away in it (columnNotes): what it is, and what the row's other numbers leave out. */
const TURNED_AWAY_NOTE = 'turned away: items per replication that found their first node full';
const LEFT_OUT_OF_MONEY =
  'the money counts only the work done, so a row that turned more away pays no delay for it';
const LEFT_OUT_OF_LEAD_TIME =
  'lead times count only the work done, so a row that turned more away can look faster';

/** Said in a cell where the result has the measure but saw none of it (no change released, no incident). */
export const NONE_SEEN = 'none';

/** The measures any of the results has, in the report's order. */
export function columnsOf(results: readonly (SimulationResult | undefined)[]): ColumnMeasure[] {
  return COLUMN_MEASURES.filter((m) => results.some((r) => r && shown(m, r)));
}

function shown(m: ColumnMeasure, r: SimulationResult): boolean {
  const column: Column = COLUMNS[m];
  return column.shown ? column.shown(r) : column.read(r) !== undefined;
}

/** The column's name: its own, or the report's label of its measure. */
function labelOf(m: ColumnMeasure): string {
  const column: Column = COLUMNS[m];
  return column.label ?? measureLabel(m as Measure);
}

/** The part of a result the column is about: "rejected", "economics", "delivery", "blockers". */
export function columnSection(m: ColumnMeasure): Section {
  const column: Column = COLUMNS[m];
  return column.section ?? measureSection(m as Measure);
}

/** The measure's value in the result, or undefined where the result has no such part. */
export function columnValue(m: ColumnMeasure, r: SimulationResult | undefined): ColumnValue | undefined {
  return r ? COLUMNS[m].read(r) : undefined;
}

/**
 * What a table with these columns says under it: that its money is per replication, and what
 * its money, or without money its lead times, leave out.
 */
export function columnNotes(columns: readonly ColumnMeasure[]): string[] {
  const money = columns.some((m) => COLUMNS[m].kind === 'money');
  return [
    ...(money ? [MONEY_NOTE] : []),
    ...(columns.includes('turnedAway')
      ? [`${TURNED_AWAY_NOTE}; ${money ? LEFT_OUT_OF_MONEY : LEFT_OUT_OF_LEAD_TIME}`]
      : []),
  ];
}

/** The column's head in a table: the report's label, with its unit where it is a time or a rate. */
export function columnHead(m: ColumnMeasure, timeUnit: string): string {
  const label = labelOf(m);
  const kind: Kind = COLUMNS[m].kind;
  if (kind === 'time') return `${label} (${unitName(timeUnit)})`;
  if (kind === 'rate') return `${label} (per ${unitName(timeUnit, 1)})`;
  return label;
}

/** The cell of a table: "12,300 ± 410", "15% (14%–17%)"; "–" without the measure. */
export function columnCell(m: ColumnMeasure, r: SimulationResult | undefined): string {
  const v = columnValue(m, r);
  if (!v) return '–';
  if (v.mean === null) return NONE_SEEN;
  return COLUMNS[m].kind === 'share' ? shareWithInterval(v.mean, v.ci95) : withInterval(v.mean, v.ci95);
}

/** The column's three names in a CSV: the value and its interval's ends, "cost_of_delay", ... */
export function columnCsvNames(m: ColumnMeasure): [string, string, string] {
  const name = labelOf(m).replaceAll(' ', '_');
  return [name, `${name}_ci95_low`, `${name}_ci95_high`];
}

/** The column's three cells in a CSV: the value and its interval's ends, empty where there is none. */
export function columnCsvCells(
  m: ColumnMeasure,
  r: SimulationResult | undefined,
): [number | null, number | null, number | null] {
  const v = columnValue(m, r);
  return [v?.mean ?? null, v?.ci95?.[0] ?? null, v?.ci95?.[1] ?? null];
}
