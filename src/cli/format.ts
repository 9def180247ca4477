/**
 * Numbers for people: a few significant digits, thousands separators, percentages,
 * times with their unit, counted things with their noun.
 */

/** 9.83, 0.793, 1,432: three significant digits, never "1.43k" (analysts want the digits). */
export function number(x: number, digits = 3): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const magnitude = Math.floor(Math.log10(Math.abs(x)));
  if (magnitude >= digits - 1) return Math.round(x).toLocaleString('en');
  const decimals = Math.min(6, digits - 1 - magnitude);
  return x
    .toFixed(decimals)
    .replace(/(\.\d*?)0+$/, '$1')
    .replace(/\.$/, '');
}

/** 41%, 1.2%: one decimal below 10%, where it still says something. */
export function percent(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const p = x * 100;
  return `${Math.abs(p) >= 10 || decimals === 0 ? p.toFixed(0) : p.toFixed(decimals)}%`;
}

/** "day" -> "days" for anything but exactly 1; a unit already plural is left alone. */
export function plural(unit: string, x: number): string {
  if (x === 1 || unit.endsWith('s')) return unit;
  return `${unit}s`;
}

/** "9.83 days", "1 day". */
export function time(x: number, unit: string): string {
  return `${number(x)} ${plural(unit, x)}`;
}

/** "1 replication", "10 replications", "1,432 items". */
export function count(n: number, noun: string): string {
  return `${number(n)} ${plural(noun, n)}`;
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
