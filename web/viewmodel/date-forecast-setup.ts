/**
 * The history page's forecast in dates, as the coach fills it in: a start date, N items or
 * a date to count to, the weekdays off and the holidays. Read into the question the worker
 * answers, or the reason it cannot be asked yet. Dates are ISO day numbers throughout
 * (src/history/dates.ts): a date field's value is read as the day it names, never through a
 * `Date` in the browser's time zone, so no date moves by one.
 */
import type { DateQuestion, WorkCalendar } from '../../src/index.ts';
import { dayOf, isoDate, isWorkingDay, readDaysOff, readHolidays } from '../../src/runner.ts';

export interface DateForecastForm {
  /** `items` (when will N be done) or `by` (how many by a date). */
  question: string;
  /** An ISO date, as a date field gives it. */
  start: string;
  items: string;
  by: string;
  daysOff: string;
  holidays: string;
}

export interface DateForecastRequest {
  question: DateQuestion;
  start: number;
  calendar: WorkCalendar;
}

/** The day an ISO date (2026-03-02) names, or undefined when it names none. */
export function isoDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const day = dayOf(+m[1], +m[2], +m[3]);
  // 2026-02-30 would be taken as 2 March: the date must come back as written.
  return isoDate(day) === text.trim() ? day : undefined;
}

export function dateForecastRequest(form: DateForecastForm): DateForecastRequest | string {
  const start = isoDay(form.start);
  if (start === undefined) return 'give the start date, the first day of the work';
  const daysOff = readDaysOff(form.daysOff);
  if (!daysOff.ok) return `days off: ${daysOff.reason}`;
  const holidays = readHolidays(form.holidays);
  if (!holidays.ok) return `holidays, entry ${holidays.entry}: ${holidays.reason}`;
  const calendar: WorkCalendar = { daysOff: daysOff.daysOff, holidays: holidays.holidays };
  if (form.question === 'by') {
    const by = isoDay(form.by);
    if (by === undefined) return 'give the date to count to';
    if (by < start) return 'the date to count to is before the start date';
    if (by - start > 36_500) return 'the date to count to must be within 100 years of the start';
    return { question: { by }, start, calendar };
  }
  const items = Number(form.items);
  if (!(Number.isInteger(items) && items >= 1 && items <= 1_000_000))
    return 'the number of items must be a whole number from 1 to 1,000,000';
  return { question: { items }, start, calendar };
}

/** A start date to offer: the first working day after the history ends, weekends off. */
export function defaultStart(historyEnd: number): string {
  let day = Math.floor(historyEnd) + 1;
  while (!isWorkingDay({ daysOff: [5, 6], holidays: new Set() }, day)) day++;
  return isoDate(day);
}
