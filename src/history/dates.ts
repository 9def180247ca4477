/**
 * Calendar dates as whole days since 1970-01-01, and times as fractional days, all in one
 * proleptic Gregorian calendar with no time zones: a date is the day its writer meant.
 *
 * A tracker that writes `2025-03-04T23:30:00-05:00` means the evening of 4 March where the
 * team was. Turning it into a UTC instant would move it to 5 March, and a spreadsheet's plain
 * `2025-03-04` read through the machine's own zone can move a day either way. So a value's
 * date and clock time are kept as written and its offset (`Z`, `+02:00`) is read and left
 * aside; durations across a change of offset (summer time) are off by that hour at most.
 * The arithmetic is Howard Hinnant's days_from_civil and civil_from_days, with no `Date`.
 */

/** Day number of a calendar date (1970-01-01 is 0). */
export function dayOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (its whole part). */
export function dateOf(dayNumber: number): { year: number; month: number; day: number } {
  const z = Math.floor(dayNumber) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** `2025-03-04` for a day number (its whole part). */
export function isoDate(dayNumber: number): string {
  const { year, month, day } = dateOf(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 for Monday to 6 for Sunday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: number): number {
  return (((Math.floor(dayNumber) + 3) % 7) + 7) % 7;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Which number comes first in a date written with both under 13, such as 03/04/2025:
 * `dmy` (3 April, as in Europe) or `mdy` (March 4, as in the United States).
 */
export type DateOrder = 'dmy' | 'mdy';

export type DateReading =
  | {
      ok: true;
      /** Days since 1970-01-01, the time of day as a fraction. */
      at: number;
      /** No time of day was written. */
      dateOnly: boolean;
      /** For a numeric date with the day and month both under 13: the two numbers, first first. */
      ambiguous?: [number, number];
      /** The order the value itself shows (a first number over 12 is a day). */
      shows?: DateOrder;
    }
  | { ok: false; reason: string };

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Each pattern is anchored and has no nested repetition, so matching is linear in the value.
const TIME = String.raw`(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?`;
const ISO = new RegExp(String.raw`^(\d{4})[-/](\d{1,2})[-/](\d{1,2})${TIME}$`);
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`);
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[-/ ]([A-Za-z]{3,9})\.?[-/ ,]+(\d{4}|\d{2})${TIME}$`);
const MONTH_NAME_DAY = new RegExp(String.raw`^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})${TIME}$`);

/**
 * Reads a date or date-time as trackers and spreadsheets write it:
 * - ISO 8601: `2025-03-04`, `2025-03-04T14:30`, `2025-03-04 14:30:00+01:00`, `2025/03/04`;
 * - numeric, day and month in either order: `04/03/2025`, `4-3-2025`, `04.03.25` (a dot
 *   always means day first, as where it is written), with a 24-hour or AM/PM time;
 * - month names: `4 Mar 2025`, `04-Mar-2025`, `04/Mar/25 2:30 PM` (Jira), `March 4, 2025`.
 * Two-digit years are 2000-2099. `order` settles day and month where both are under 13;
 * without it such a value is read day first and marked `ambiguous` for the caller to settle.
 */
export function readDate(text: string, order?: DateOrder): DateReading {
  const value = text.trim();
  let m = ISO.exec(value);
  if (m) return build(+m[1], +m[2], +m[3], m.slice(4), value);
  m = NUMERIC.exec(value);
  if (m) {
    const a = +m[1];
    const b = +m[3];
    const year = m[4].length === 2 ? 2000 + +m[4] : +m[4];
    const time = m.slice(5);
    if (m[2] === '.') return build(year, b, a, time, value);
    if (a > 12 || b > 12) {
      const shows: DateOrder = a > 12 ? 'dmy' : 'mdy';
      if (order && order !== shows)
        return {
          ok: false,
          reason: `"${value}" cannot be ${order === 'dmy' ? 'day/month/year' : 'month/day/year'}, as the other dates are read`,
        };
      const reading = shows === 'dmy' ? build(year, b, a, time, value) : build(year, a, b, time, value);
      return reading.ok ? { ...reading, shows } : reading;
    }
    const reading = order === 'mdy' ? build(year, a, b, time, value) : build(year, b, a, time, value);
    return reading.ok && a !== b && order === undefined ? { ...reading, ambiguous: [a, b] } : reading;
  }
  m = DAY_MONTH_NAME.exec(value);
  if (m) {
    const month = monthNumber(m[2]);
    const year = m[3].length === 2 ? 2000 + +m[3] : +m[3];
    if (month) return build(year, month, +m[1], m.slice(4), value);
  }
  m = MONTH_NAME_DAY.exec(value);
  if (m) {
    const month = monthNumber(m[1]);
    if (month) return build(+m[3], month, +m[2], m.slice(4), value);
  }
  return {
    ok: false,
    reason: `"${shorten(value)}" is not a date flowlab reads (write 2025-03-04, 2025-03-04 14:30, 04/03/2025 or 4 Mar 2025)`,
  };
}

function monthNumber(name: string): number | undefined {
  const lower = name.toLowerCase();
  const i = MONTHS.indexOf(lower.slice(0, 3));
  if (i < 0) return undefined;
  const full = [
    'january',
    'february',
    'march',
    'april',
    'may',
    'june',
    'july',
    'august',
    'september',
    'october',
    'november',
    'december',
  ][i];
  return lower.length === 3 || full.startsWith(lower) || lower === 'sept' ? i + 1 : undefined;
}

function build(
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[],
  value: string,
): DateReading {
  if (year < 1900 || year > 2200)
    return { ok: false, reason: `"${value}": the year ${year} is out of range (1900-2200)` };
  if (month < 1 || month > 12) return { ok: false, reason: `"${value}": there is no month ${month}` };
  if (day < 1 || day > daysInMonth(year, month))
    return { ok: false, reason: `"${value}": ${isoMonth(year, month)} has no day ${day}` };
  const [h, min, s, ampm] = time;
  if (h === undefined) return { ok: true, at: dayOf(year, month, day), dateOnly: true };
  let hour = +h;
  if (ampm) {
    if (hour < 1 || hour > 12)
      return { ok: false, reason: `"${value}": ${hour} is not an hour on a 12-hour clock` };
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  const minute = +(min as string);
  const second = s === undefined ? 0 : +s;
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `"${value}": ${h}:${min} is not a time of day` };
  return {
    ok: true,
    at: dayOf(year, month, day) + (hour * 3600 + minute * 60 + second) / 86400,
    dateOnly: false,
  };
}

function isoMonth(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

function shorten(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
