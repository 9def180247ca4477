/**
 * What a forecast in dates says, in words and a table: the question, the days off, each
 * likelihood's date (or count) from the model and from the throughput, and a plain word where
 * the two disagree. `flowlab forecast --start` writes it in the terminal, the sandbox's
 * history page as HTML.
 */
import { number, percent } from '../report/numbers.ts';
import { dayText, WEEKDAY_NAMES, type WorkCalendar, workingDaysBetween } from './calendar.ts';
import type { DateForecast, DateQuestion } from './forecast-dates.ts';
import type { ReportTable } from './study-report.ts';

export function questionLine(question: DateQuestion, start: number, calendar: WorkCalendar): string {
  return 'items' in question
    ? `When will ${number(question.items)} items be done, starting ${dayText(start)}?`
    : `How many items will be done from ${dayText(start)} to ${dayText(question.by)} (${workingDaysBetween(calendar, start, question.by)} working days)?`;
}

export function daysOffLine(calendar: WorkCalendar): string {
  const off = calendar.daysOff.map((d) => WEEKDAY_NAMES[d]).join(', ') || 'none';
  const holidays = calendar.holidays.size;
  return `Days off: ${off}${holidays > 0 ? `, and ${holidays} holiday${holidays === 1 ? '' : 's'}` : ''}.`;
}

/** A row per likelihood: the model's answer, and the throughput's when there is one. */
export function forecastTable(
  question: DateQuestion,
  fromModel: DateForecast,
  fromHistory?: DateForecast,
): ReportTable {
  const when = 'items' in question;
  const cell = (f: DateForecast, i: number) => {
    const p = f.percentiles[i];
    if (when)
      return p.date === undefined ? 'not reached' : `${dayText(p.date)} (${p.workingDays} working days)`;
    return p.items === undefined ? '' : `at least ${number(p.items)}`;
  };
  const head = ['likelihood', 'from the model'];
  if (fromHistory) head.push("from the history's throughput");
  return {
    head,
    rows: fromModel.percentiles.map((p, i) => {
      const row = [percent(p.likelihood, 0), cell(fromModel, i)];
      if (fromHistory) row.push(cell(fromHistory, i));
      return row;
    }),
  };
}

/**
 * Where the two methods disagree by more than a fifth at 85%, say so: one of them is missing
 * something. `check` says where the model's backtest is to be read.
 */
export function spreadLine(
  question: DateQuestion,
  model: DateForecast,
  history: DateForecast,
  check = 'with flowlab fit',
): string | undefined {
  const when = 'items' in question;
  const at = (f: DateForecast) => {
    const p = f.percentiles[2];
    return when ? p.workingDays : p.items;
  };
  const a = at(model);
  const b = at(history);
  if (a === undefined || b === undefined || b === 0) return undefined;
  if (Math.abs(a / b - 1) <= 0.2) return undefined;
  return `At 85% the two differ by ${percent(Math.abs(a / b - 1), 0)}: the throughput method assumes the future is like the whole history; the model, that it is like the model (check its backtest ${check}).`;
}
