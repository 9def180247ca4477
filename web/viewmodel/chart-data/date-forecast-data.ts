/**
 * The cumulative-probability curve of a forecast in dates, one curve per method (the fitted
 * model, the history's throughput): for "when will N be done", the chance of being done by each
 * date; for "how many by a date", the chance of at least each count. Every trial counts,
 * those that never got there too, so a curve's height at a percentile's date or count is the
 * likelihood the table gives for it.
 */
import {
  type DateForecast,
  type DateQuestion,
  type WorkCalendar,
  workingDaysFrom,
} from '../../../src/index.ts';

export interface ForecastCurve {
  name: string;
  /** Steps of the curve: x is a day number (by date) or a count of items, p its probability. */
  points: { x: number; p: number }[];
  /** Where the curve reaches each likelihood the table gives: its date, or its count. */
  marks: { likelihood: number; x: number }[];
}

export interface DateForecastCurves {
  /** true: x is a date (when will N be done); false: x is a count of items (how many by a date). */
  byDate: boolean;
  curves: ForecastCurve[];
  xDomain: [number, number];
}

export function dateForecastCurves(
  forecasts: readonly { name: string; forecast: DateForecast }[],
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
): DateForecastCurves {
  const byDate = 'items' in question;
  const curves = forecasts.map(({ name, forecast }) => {
    const all = forecast.samples.length + forecast.notReached;
    const xs = byDate
      ? forecast.samples.map((days) => workingDaysFrom(calendar, start, days))
      : [...forecast.samples];
    xs.sort((a, b) => a - b);
    const points: { x: number; p: number }[] = [];
    for (let i = 0; i < xs.length; i++) {
      if (i + 1 < xs.length && xs[i + 1] === xs[i]) continue;
      // By date: done by xs[i] in i + 1 trials; by count: at least xs[i] in those from its first.
      const first = xs.indexOf(xs[i]);
      points.push({ x: xs[i], p: byDate ? (i + 1) / all : (xs.length - first) / Math.max(1, all) });
    }
    const marks = forecast.percentiles.flatMap((p) => {
      const x = byDate ? p.date : p.items;
      return x === undefined ? [] : [{ likelihood: p.likelihood, x }];
    });
    return { name, points, marks };
  });
  const xs = curves.flatMap((c) => c.points.map((p) => p.x));
  const lo = byDate ? start : Math.min(0, ...xs);
  const hi = Math.max(lo + 1, ...xs);
  return { byDate, curves, xDomain: [lo, hi] };
}

/** The curve's probability at `x`: done by that date, or at least that many items. */
export function chanceAt(curve: ForecastCurve, x: number, byDate: boolean): number {
  if (byDate) return curve.points.findLast((p) => p.x <= x)?.p ?? 0;
  return curve.points.find((p) => p.x >= x)?.p ?? 0;
}
