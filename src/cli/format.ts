/**
 * Numbers for people: a few significant digits, thousands separators, percentages,
 * times with their unit.
 */

/** 9.83, 0.793, 1,432, 12.5k is not used: analysts want the digits. */
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

export function percent(x: number, decimals = 1): string {
  if (!Number.isFinite(x)) return String(x);
  const p = x * 100;
  return `${Math.abs(p) >= 10 || decimals === 0 ? p.toFixed(0) : p.toFixed(decimals)}%`;
}

/** "day" -> "days" for anything but exactly 1. */
export function plural(unit: string, x: number): string {
  if (x === 1 || unit.endsWith('s')) return unit;
  return `${unit}s`;
}

export function time(x: number, unit: string): string {
  return `${number(x)} ${plural(unit, x)}`;
}

/** "9.83 [9.10, 10.5]" with an interval, or just the number. */
export function withInterval(x: number, ci: [number, number] | null | undefined): string {
  return ci ? `${number(x)} [${number(ci[0])}, ${number(ci[1])}]` : number(x);
}
