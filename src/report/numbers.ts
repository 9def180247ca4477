/**
 * Numbers for people, the same in the terminal and on the page: three significant digits,
 * thousands separators, percentages, times with their unit, counted things with their noun.
 * A renderer may dress them for its medium (the page writes a minus as "−"), never round
 * them differently, so a number reads the same wherever it is shown.
 */
import { unitName } from '../model/time-unit.ts';

export { unitName };

/**
 * 9.83, 0.793, 0.0123, 1,432: three significant digits, never "1.43k" (analysts want the
 * digits). Rounded as the number is written, as a person would round it: 46.55 is 46.6,
 * though the double nearest 46.55 is a little below it.
 */
export function number(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = decimalExponent(x);
  const decimals = Math.max(0, Math.min(6, digits - 1 - magnitude));
  return noNegativeZero(formatted(x, decimals));
}

/**
 * 41%, 1.2%, 5%, 1,250%: whole percents from 10%, one decimal below, where it still says
 * something, and none when it would be ".0".
 */
export function percent(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const p = x * 100;
  const digits = Math.abs(p) >= 10 ? 0 : decimals;
  return `${noNegativeZero(formatted(p, digits))}%`;
}

/**
 * floor(log10(|x|)), exactly, for finite x other than 0: the exponent of x in scientific
 * notation. toExponential writes x's exact decimal value rounded to 21 digits, and a double
 * other than a power of ten is never within 1e-21 of one (doubles are 1e-16 apart), so the
 * rounding cannot carry into the next exponent. Math.log10 may round across it (to 3 for the
 * double just below 1000), and is one of the functions whose last bit differs between
 * JavaScript engines.
 */
function decimalExponent(x: number): number {
  const written = Math.abs(x).toExponential(20);
  return Number(written.slice(written.indexOf('e') + 1));
}

/**
 * One formatter per number of decimals, made once: making one costs ICU some 40 µs and
 * using one about 1 µs, and a sweep's table writes tens of thousands of numbers.
 */
const FORMATS = new Map<number, Intl.NumberFormat>();

/** x with at most `decimals` decimals and thousands separators, rounded as it is written. */
function formatted(x: number, decimals: number): string {
  let format = FORMATS.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('en', { maximumFractionDigits: decimals });
    FORMATS.set(decimals, format);
  }
  return format.format(x);
}

/** A tiny negative number rounded to nothing is 0, not "-0". */
function noNegativeZero(text: string): string {
  return /^-0(\.0*)?$/.test(text) ? '0' : text;
}

/**
 * The size of a relative change as a percentage: whole percents from 10%, one decimal from
 * 1%, two figures below (a difference of 0.42% is not "0.4%", nor "0%").
 */
export function change(x: number): string {
  const p = Math.abs(x) * 100;
  const text = p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p === 0 ? '0' : p.toPrecision(2);
  return `${formatted(Number(text), 3)}%`;
}

/** "9.83 days", "1 day": singular when the number shown is 1. */
export function time(x: number, timeUnit: string): string {
  const shown = number(x);
  return `${shown} ${unitName(timeUnit, shown === '1' ? 1 : 2)}`;
}

/** "1 replication", "10 replications", "1,432 items": nouns are flowlab's own words. */
export function count(n: number, noun: string): string {
  return `${number(n)} ${n === 1 ? noun : `${noun}s`}`;
}

/**
 * "9.83 ± 0.71" for a 95% interval centred on the mean (a t-interval), "9.83 [9.1, 10.9]"
 * for one that is not, or just the number without an interval.
 */
export function withInterval(x: number, ci: readonly [number, number] | null | undefined): string {
  if (!ci) return number(x);
  const [lo, hi] = ci;
  const half = (hi - lo) / 2;
  const centred = Math.abs((lo + hi) / 2 - x) <= 1e-9 * Math.max(1, Math.abs(x));
  return centred ? `${number(x)} ± ${number(half)}` : `${number(x)} [${number(lo)}, ${number(hi)}]`;
}

/**
 * "12.1% (11.5%–12.8%)": a share with its 95% interval, or just the share without one. Both
 * ends are said, as percentages: "12.1% ± 0.65%" would read as a relative change.
 */
export function shareWithInterval(x: number, ci: readonly [number, number] | null | undefined): string {
  return ci ? `${percent(x)} (${percent(ci[0])}–${percent(ci[1])})` : percent(x);
}
