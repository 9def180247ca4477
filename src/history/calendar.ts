/**
 * Working days: a week's days off (Saturday and Sunday unless said otherwise) and listed
 * holidays. Days are whole day numbers (dates.ts), so no time zone can move one.
 */
import { isoDate, readDate, weekday } from './dates.ts';

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

export const WEEKDAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/**
 * The weekdays off from a list such as `sat,sun` or `fri,saturday` (`none` for none), or why
 * it is not one: an unknown day, or every day off, which leaves no day to work.
 */
export function readDaysOff(text: string): { ok: true; daysOff: number[] } | { ok: false; reason: string } {
  const names = text
    .toLowerCase()
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s !== 'none');
  const days = WEEKDAY_NAMES as readonly string[];
  const bad = names.find((n) => !days.includes(n.slice(0, 3)) || n.length < 3);
  if (bad !== undefined)
    return { ok: false, reason: `"${bad}" is no weekday (write mon,tue,wed,thu,fri,sat,sun, or none)` };
  const daysOff = [...new Set(names.map((n) => days.indexOf(n.slice(0, 3))))];
  if (daysOff.length === 7) return { ok: false, reason: 'every day of the week off leaves no working day' };
  return { ok: true, daysOff };
}

/**
 * Holidays from a list of ISO dates, one a line or separated by commas or semicolons, with
 * `#` comments; a day written any other way is refused (03/04 could be either), naming its
 * entry (1-based).
 */
export function readHolidays(
  text: string,
): { ok: true; holidays: Set<number> } | { ok: false; entry: number; reason: string } {
  const entries = text
    .split(/[\n,;]/)
    .map((s) => s.replace(/#.*$/, '').trim())
    .filter((s) => s !== '');
  const holidays = new Set<number>();
  for (let i = 0; i < entries.length; i++) {
    const reading = readDate(entries[i], 'dmy');
    if (!reading.ok) return { ok: false, entry: i + 1, reason: reading.reason };
    if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(entries[i]))
      return {
        ok: false,
        entry: i + 1,
        reason: `write holidays as ISO dates, 2026-12-25 (got "${entries[i]}")`,
      };
    holidays.add(reading.at);
  }
  return { ok: true, holidays };
}
