/**
 * The report: what a result says, worded once. The terminal (src/cli) and the page (web/)
 * take it from here and only lay it out, the way zod keeps one issue model and separate
 * formatters, so the two never say different things about the same result:
 * - loops.ts: the three loops of measurement (outer: outcomes; middle: across teams; inner:
 *   at each node), which part of a result belongs to which, and in what order both say them;
 * - verdict.ts: whether the numbers are the system's (alerts, a table's status, means over
 *   survivors, why a variant is not ranked) and where items wait longest (the constraint);
 * - comparison.ts: how each variant differs from the baseline, with the paired interval;
 * - lean.ts: what the lean mechanisms did (rework, blast radius, handoffs, ...);
 * - constraint.ts: where the constraint is, and in a comparison whether it moved;
 * - joins.ts: what the joins of parallel steps did (the wait for the slowest branch);
 * - blockers.ts: what blockers held up (blocked time and its share of lead time);
 * - delivery.ts: DORA's four measures at the release step;
 * - economics.ts: what the work cost and was worth (cost of delay, capacity, value, due dates),
 *   and the work turned away that the money leaves out;
 * - turned-away.ts: in a comparison, which variant turned more work away, and what that does
 *   to its money;
 * - columns.ts: the money, DORA's measures and the blocked share as columns of a table with a
 *   row per result (a sweep's points), each a number with its interval;
 * - numbers.ts: how every number, share, time and count is written;
 * - Little's law's tolerance, from metrics/littles-law.ts.
 */
export { LITTLES_LAW_TOLERANCE, littlesLawOff } from '../metrics/littles-law.ts';
export { type BlockerReport, blockerReports } from './blockers.ts';
export {
  COLUMN_MEASURES,
  type ColumnMeasure,
  type ColumnValue,
  columnCell,
  columnCsvCells,
  columnCsvNames,
  columnHead,
  columnNotes,
  columnsOf,
  columnValue,
} from './columns.ts';
export {
  CHANCE,
  type ComparisonReport,
  comparisonReport,
  type DeliveryMeasure,
  type Finding,
  type FindingInterval,
  finding,
  type Measure,
  measureLabel,
  TOO_WIDE,
  type VariantReport,
} from './comparison.ts';
export { bottleneckMoves, constraintCell, constraintMove, constraintSentence } from './constraint.ts';
export { type DeliveryLine, deliveryLines } from './delivery.ts';
export { type EconomicsLine, economicsLines } from './economics.ts';
export { type JoinReport, joinReports } from './joins.ts';
export { type LeanFinding, leanFindings } from './lean.ts';
export { byLoop, inLoop, LOOPS, type Loop, type LoopKey, loopOf, loopTitle, type Section } from './loops.ts';
export {
  change,
  count,
  number,
  percent,
  shareWithInterval,
  time,
  unitName,
  withInterval,
} from './numbers.ts';
export {
  type Alert,
  type Constraint,
  constraintPhrase,
  survivorNote,
  timesCaveat,
  unranked,
  type Verdict,
  verdictOf,
} from './verdict.ts';
