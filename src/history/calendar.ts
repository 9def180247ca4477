/**
 * Working days: a week's days off (Saturday and Sunday unless said otherwise) and listed
 * holidays. Days are whole day numbers (dates.ts), so no time zone can move one.
 */
import { isoDate, weekday } from './dates.ts';

export interface WorkCalendar {
  /** Weekdays off, 0 for Monday to 6 for Sunday. */
  daysOff: readonly number[];
  /** Holidays, as day numbers. */
  holidays: ReadonlySet<number>;
}

export const WEEKENDS_OFF: WorkCalendar = { daysOff: [5, 6], holidays: new Set() };

export function isWorkingDay(calendar: WorkCalendar, day: number): boolean {
  return !calendar.daysOff.includes(weekday(day)) && !calendar.holidays.has(day);
}

/** The first working day on or after a day (a week of days off is refused where the calendar is made). */
export function nextWorkingDay(calendar: WorkCalendar, day: number): number {
  let d = day;
  while (!isWorkingDay(calendar, d)) d++;
  return d;
}

/**
 * The date work that takes `days` working days is done, starting on `start`: the day on
 * which the `days`-th working day from `start` (counting `start` when it is one) ends. A
 * fraction of a day ends on the day it falls in (2.3 days: the third working day); 0 days
 * is done on the first working day.
 */
export function workingDaysFrom(calendar: WorkCalendar, start: number, days: number): number {
  const whole = Math.max(1, Math.ceil(days - 1e-9));
  let d = nextWorkingDay(calendar, start);
  for (let n = 1; n < whole; n++) d = nextWorkingDay(calendar, d + 1);
  return d;
}

/** Working days from `start` to `end`, both counted. */
export function workingDaysBetween(calendar: WorkCalendar, start: number, end: number): number {
  let n = 0;
  for (let d = start; d <= end; d++) if (isWorkingDay(calendar, d)) n++;
  return n;
}

/** "Mon 2026-03-02". */
export function dayText(day: number): string {
  return `${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][weekday(day)]} ${isoDate(day)}`;
}
