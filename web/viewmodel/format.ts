/**
 * How numbers are written in the sandbox: few enough digits to read from the back of a
 * workshop room, enough to tell two variants apart. One place, so the headline, the
 * tooltips and the CSV labels agree.
 */

/** Digits that keep about three significant figures for everyday sizes, with thousands separators. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const abs = Math.abs(x);
  const digits = abs === 0 ? 0 : abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.001 ? 3 : 0;
  if (abs !== 0 && abs < 0.001) return x.toExponential(1).replace('-', '−');
  return x
    .toLocaleString('en', { minimumFractionDigits: 0, maximumFractionDigits: digits })
    .replace('-', '−');
}

/** "day" → "days": the time unit as a plural, for axis labels ("lead time (days)"). */
export function pluralUnit(unit: string): string {
  if (!/^[a-z]+$/i.test(unit) || unit.length < 3 || /s$/i.test(unit)) return unit;
  return `${unit}s`;
}

/** "46.6 days", "1 day". */
export function formatDuration(x: number | null | undefined, unit: string): string {
  const text = formatNumber(x);
  if (text === '–') return text;
  return `${text} ${text === '1' ? unit : pluralUnit(unit)}`;
}

/** 0.2916 → "29%", 0.0042 → "0.4%": one decimal only where a whole percent would read as zero. */
export function formatPercent(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  const p = x * 100;
  const digits = Math.abs(p) < 10 && Math.abs(p) !== 0 && Math.round(p) !== p ? 1 : 0;
  return `${p.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: 0 }).replace('-', '−')}%`;
}

/** "0.817 per day". */
export function formatRate(x: number | null | undefined, unit: string): string {
  return `${formatNumber(x)} per ${unit}`;
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
  const p = Math.abs(x) * 100;
  const text = p >= 10 ? p.toFixed(0) : p >= 1 ? p.toFixed(1) : p === 0 ? '0' : p.toPrecision(2);
  return `${Number(text).toLocaleString('en', { maximumFractionDigits: 3 })}%`;
}
