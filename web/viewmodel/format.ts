/**
 * How numbers are written in the sandbox: the report's numbers (src/report/numbers.ts), the
 * same digits as the terminal, dressed for the page: a true minus sign, "∞", and "–" where
 * there is no number. One place, so the headline, the tooltips and the CSV labels agree.
 */
import { change, number, percent, time, unitName } from '../../src/report/index.ts';
import { isoDate } from '../../src/runner.ts';

/** The page's typography for a number the report wrote: "−2.5", "∞", "–" for none. */
function dressed(x: number | null | undefined, write: (x: number) => string): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  return write(x).replace('-', '−');
}

/** Three significant figures, with thousands separators: 46.6, 0.817, 1,469. */
export function formatNumber(x: number | null | undefined): string {
  return dressed(x, number);
}

/** "day" → "days": the time unit as a plural, for axis labels ("lead time (days)"). */
export function pluralUnit(unit: string): string {
  return unitName(unit);
}

/** "days" → "day": the time unit for one of it ("items per day"). */
export function singularUnit(unit: string): string {
  return unitName(unit, 1);
}

/** "46.6 days", "1 day". */
export function formatDuration(x: number | null | undefined, unit: string): string {
  const text = formatNumber(x);
  if (text === '–') return text;
  return Number.isFinite(x) ? dressed(x, (v) => time(v, unit)) : `${text} ${unitName(unit)}`;
}

/** 0.2916 → "29%", 0.0042 → "0.4%": one decimal only where a whole percent would read as zero. */
export function formatPercent(x: number | null | undefined): string {
  return dressed(x, percent);
}

/** "0.817 per day", whichever form the scenario names its unit in. */
export function formatRate(x: number | null | undefined, unit: string): string {
  return `${formatNumber(x)} per ${unitName(unit, 1)}`;
}

/** "42.1 to 51" (or "no interval" with one replication, when there is nothing to vary). */
export function formatInterval(
  interval: readonly [number, number] | null | undefined,
  format: (x: number) => string = formatNumber,
): string {
  if (!interval) return 'no interval (one replication)';
  return `${format(interval[0])} to ${format(interval[1])}`;
}

/** A relative change as a percentage of its size: whole percents from 10%, one decimal from 1%, two figures below. */
export function formatRelative(x: number): string {
  return change(x);
}

/** A day number (src/history/dates.ts) as the ISO date it is: "2025-03-04", in no time zone. */
export function formatDay(day: number): string {
  return isoDate(Math.floor(day));
}
