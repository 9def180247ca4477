/**
 * What a study of a history says, in words and tables: the file as read, the stages, the
 * classes and steps fitted with how each number was derived, the assumptions to check, and
 * the backtest. One model, two renderers: `flowlab fit` writes it in the terminal, the
 * sandbox's history page as HTML, so the two never disagree.
 */
import { number, percent } from '../report/numbers.ts';
import type { Backtest } from './backtest.ts';
import { isoDate } from './dates.ts';
import type { FitReport, StepFit } from './fit.ts';
import type { History, RowNote } from './history.ts';

export interface ReportTable {
  head: string[];
  rows: string[][];
}

/** What the file held, in a sentence, and how its dates and columns were read. */
export function readingLines(file: string, history: History, report: FitReport): string[] {
  const done = history.items.filter((i) => i.doneAt !== null).length;
  const lines = [
    `${file}: ${history.format === 'event log' ? 'an event log' : 'stage dates'} of ${history.items.length} items (${done} done, ${history.items.length - done} in progress), ${isoDate(history.start)} to ${isoDate(history.end)} (${number(report.days)} days), ${history.dateOnly ? 'dates without times' : 'date-times'}`,
  ];
  if (history.dateOrder)
    lines.push(
      `Dates such as 03/04 read ${history.dateOrder.order === 'dmy' ? 'day first' : 'month first'}: ${history.dateOrder.from}.`,
    );
  if (history.ignoredColumns.length > 0)
    lines.push(`Columns left aside (no dates in them): ${history.ignoredColumns.join(', ')}.`);
  return lines;
}

/** The rows not taken as they stand: how many, how many left out, and each as a line. */
export function rowNotes(history: History): { leftOut: number; lines: string[] } {
  return {
    leftOut: history.notes.filter((n) => n.note.endsWith('left out')).length,
    lines: history.notes.map(noteLine),
  };
}

function noteLine(n: RowNote): string {
  return `line ${n.line}${n.id ? ` (${n.id})` : ''}: ${n.note}`;
}

export function stagesTable(report: FitReport): ReportTable {
  return {
    head: ['stage', 'taken as', 'because'],
    rows: report.stages.map((st) => [st.name, st.role, st.why]),
  };
}

export const CLASSES_TITLE = 'Classes of work (arrivals at random, Poisson, at the rate over the history)';

export function classesTable(report: FitReport): ReportTable {
  return {
    head: ['class', 'items', 'a day', 'per quarter', 'steady', 'steps'],
    rows: report.classes.map((c) => [
      c.id,
      String(c.items),
      number(c.rate),
      c.quarters.join(' '),
      c.steady ? 'yes' : `no (χ² ${number(c.chiSquared)})`,
      c.steps.join(' → '),
    ]),
  };
}

export function stepsTable(report: FitReport): ReportTable {
  return {
    head: ['step', 'capacity', 'service time (days)', 'visits', 'rework'],
    rows: report.steps.map((st) => [
      st.stage,
      String(st.capacity),
      serviceText(st.service),
      String(st.visits),
      st.rework ? `${percent(st.rework.probability)} to ${st.rework.to}` : '',
    ]),
  };
}

/** How each number was derived, per step: a line, with the service and rework lines under it. */
export function derivations(report: FitReport): { step: string; lines: string[] }[] {
  const out = report.steps.map((st) => {
    const lines = [`${st.stage}: capacity ${st.capacity}: ${st.capacityFrom}.`];
    const c = st.service.candidates.map((x) => `${x.family} ${number(x.distance)}`).join(', ');
    if (c)
      lines.push(
        `service: Kolmogorov-Smirnov distance ${c}; a family fits up to ${number(st.service.critical)}.`,
      );
    if (st.rework)
      lines.push(
        `rework: ${st.rework.moves} backward moves over ${st.visits} finished visits${st.rework.note ? `; ${st.rework.note}` : ''}.`,
      );
    return { step: st.stage, lines };
  });
  if (report.merged.length > 0)
    out.push({
      step: '',
      lines: [
        `Types joined into class "other" (under 5 items, or beyond the 20 largest): ${report.merged.length > 10 ? `${report.merged.slice(0, 10).join(', ')} and ${report.merged.length - 10} more` : report.merged.join(', ')}.`,
      ],
    });
  return out;
}

export function backtestTitle(report: FitReport, test: Backtest): string {
  return `Backtest: the scenario over the same ${number(report.days)} days, ${test.result.replications} replications`;
}

export function backtestTable(test: Backtest): ReportTable {
  return {
    head: ['measure', 'history', 'model', '95% interval', 'of', 'reproduced'],
    rows: test.rows.map((r) => [
      r.measure,
      number(r.history),
      number(r.model),
      `${number(r.interval[0])} – ${number(r.interval[1])}`,
      r.intervalOf,
      r.reproduced ? 'yes' : 'NO',
    ]),
  };
}

export function distanceLine(test: Backtest): string {
  return `Lead-time distance (Kolmogorov-Smirnov, the largest gap between the two distributions): ${number(test.distance)}; a year of the model itself stays under ${number(test.critical)} 95 times in 100.`;
}

/** Waiting per visit (days) in each queue, the history's beside the model's; null when no step has one. */
export function queuesTable(test: Backtest): ReportTable | null {
  if (test.queues.length === 0) return null;
  return {
    head: ['queue', 'history', 'model'],
    rows: test.queues.map((q) => [`${q.queue} (before ${q.stage})`, number(q.history), number(q.model)]),
  };
}

export const BACKTEST_CAVEAT =
  'The history counts only items done by its end; the model lets every item it started finish.';

export const REPRODUCED = 'The model reproduces the history on every measure.';

export function serviceText(fit: StepFit['service']): string {
  const d = fit.distribution;
  if (typeof d === 'number') return number(d);
  switch (d.dist) {
    case 'lognormal':
    case 'gamma':
      return `${d.dist}, mean ${number(d.mean)}, cv ${number(d.cv)}`;
    case 'exponential':
      return `exponential, mean ${number(d.mean)}`;
    case 'empirical':
      return `the ${d.values.length} measured, mean ${number(fit.mean)}`;
    case 'constant':
      return `constant ${number(d.value)}`;
    default:
      return d.dist;
  }
}
