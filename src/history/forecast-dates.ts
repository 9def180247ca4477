/**
 * Forecasts in calendar dates, the two questions coaches ask: when will these N items be
 * done, and how many will be done by this date. Answered two ways, side by side:
 *
 * - from a model (a fitted or written scenario): its Monte Carlo forecast in model days
 *   (experiment/forecast.ts), turned into working days by the history's share of working
 *   days, since the model's days are calendar days in which the team also had weekends;
 * - the classic way, from the history alone: each trial draws, for every working day ahead,
 *   the number of items done on a working day picked at random from the history.
 *
 * Either way, the answer's percentiles (50, 70, 85, 95%) become dates on the working calendar
 * from the start date: weekends and holidays off.
 */
import { randomStream } from '../engine/random.ts';
import { type ForecastResult, forecast } from '../experiment/forecast.ts';
import { isWorkingDay, type WorkCalendar, workingDaysBetween, workingDaysFrom } from './calendar.ts';
import type { History } from './history.ts';

export const LIKELIHOODS = [0.5, 0.7, 0.85, 0.95] as const;

/** Beyond this many working days (about 380 years) a trial has not got there. */
export const MAX_WORKING_DAYS = 100_000;

export type DateQuestion = { items: number } | { by: number };

export interface DatePercentile {
  likelihood: number;
  /** For `items`: working days needed and the date they end; for `by`: items done at least. */
  workingDays?: number;
  date?: number;
  items?: number;
}

export interface DateForecast {
  method: 'model' | 'throughput';
  percentiles: DatePercentile[];
  /** Trials (replications or draws) that answered, and those that never got there. */
  trials: number;
  notReached: number;
  /** For `items`: each trial's working days; for `by`: each trial's items. */
  samples: number[];
  /** What the method rests on, for the report. */
  basis: string;
}

/** Items done on each working day of the history, from its first to its last day. */
export function dailyThroughput(history: History, calendar: WorkCalendar): number[] {
  const first = Math.floor(history.start);
  const last = Math.floor(history.end);
  const byDay = new Map<number, number>();
  for (const item of history.items) {
    if (item.doneAt === null) continue;
    // Work done on a day off is counted on the next working day, when the team sees it.
    let day = Math.floor(item.doneAt);
    while (!isWorkingDay(calendar, day)) day++;
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
  }
  const days: number[] = [];
  for (let d = first; d <= last; d++) if (isWorkingDay(calendar, d)) days.push(byDay.get(d) ?? 0);
  return days;
}

export function throughputForecast(
  daily: readonly number[],
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
  options: { trials?: number; seed?: number } = {},
): DateForecast {
  const trials = options.trials ?? 10_000;
  const random = randomStream(options.seed ?? 1, 'forecast:throughput');
  const pick = () => daily[Math.floor(random() * daily.length)];
  const samples: number[] = [];
  let notReached = 0;
  const total = daily.reduce((s, x) => s + x, 0);
  if ('items' in question) {
    for (let t = 0; t < trials; t++) {
      let done = 0;
      let days = 0;
      while (done < question.items && days < MAX_WORKING_DAYS && total > 0) {
        done += pick();
        days++;
      }
      if (done >= question.items) samples.push(days);
      else notReached++;
    }
  } else {
    const days = workingDaysBetween(calendar, start, question.by);
    for (let t = 0; t < trials; t++) {
      let done = 0;
      for (let d = 0; d < days; d++) done += pick();
      samples.push(done);
    }
  }
  return {
    method: 'throughput',
    percentiles: percentilesOf(samples, notReached, question, start, calendar),
    trials,
    notReached,
    samples,
    basis: `${daily.length} working days of the history, ${total} items done, ${round(total / Math.max(1, daily.length))} a working day; ${trials.toLocaleString('en')} trials`,
  };
}

/**
 * The model's forecast, with model days turned into working days: `workingShare` working days
 * to a model day (the history's share of working days; 5/7 for weekends alone).
 */
export function modelForecast(
  document: unknown,
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
  workingShare: number,
  options: { replications?: number; seed?: number } = {},
): DateForecast {
  const ask =
    'items' in question
      ? { items: question.items }
      : { until: Math.max(1e-9, workingDaysBetween(calendar, start, question.by) / workingShare) };
  const result: ForecastResult = forecast(document, ask, options);
  const samples =
    'items' in question
      ? result.samples.map((t) => Math.max(1, Math.ceil(t * workingShare - 1e-9)))
      : result.samples;
  return {
    method: 'model',
    percentiles: percentilesOf(samples, result.notReached, question, start, calendar),
    trials: result.replications,
    notReached: result.notReached,
    samples,
    basis: `${result.replications} replications, counting from day ${round(result.from)} of the model; a model day is ${round(workingShare)} working days`,
  };
}

/**
 * Percentiles as forecasters read them. For `items`: done within this many working days
 * with this likelihood (a trial that never got there counts as later than any). For `by`:
 * at least this many items with this likelihood (the 1 - p quantile).
 */
function percentilesOf(
  samples: readonly number[],
  notReached: number,
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
): DatePercentile[] {
  const sorted = [...samples].sort((a, b) => a - b);
  const all = sorted.length + notReached;
  return LIKELIHOODS.map((likelihood) => {
    if ('items' in question) {
      const rank = Math.ceil(likelihood * all);
      if (rank > sorted.length || rank === 0) return { likelihood };
      const workingDays = sorted[rank - 1];
      return { likelihood, workingDays, date: workingDaysFrom(calendar, start, workingDays) };
    }
    const rank = Math.max(1, Math.ceil((1 - likelihood) * sorted.length));
    return { likelihood, items: sorted.length > 0 ? sorted[rank - 1] : undefined };
  });
}

/** The share of a history's days that were working days: what a model day is worth in them. */
export function workingShareOf(history: History, calendar: WorkCalendar): number {
  const first = Math.floor(history.start);
  const last = Math.floor(history.end);
  return workingDaysBetween(calendar, first, last) / (last - first + 1);
}

function round(x: number): number {
  return Number(x.toPrecision(3));
}

export interface HistoryForecastOptions {
  /** The model's replications (default 100: percentiles need many). */
  replications?: number;
  seed?: number;
}

/**
 * Both answers for a team's history: from the scenario fitted to it, counted from near the
 * end of the history, and from its daily throughput. The CLI's `flowlab forecast HISTORY.csv
 * --start` and the sandbox's history page both answer through here, so they give the same dates.
 */
export function historyForecast(
  history: History,
  fitted: Record<string, unknown>,
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
  options: HistoryForecastOptions = {},
): { ok: true; model: DateForecast; throughput: DateForecast } | { ok: false; reason: string } {
  const daily = dailyThroughput(history, calendar);
  if (daily.length === 0)
    return { ok: false, reason: 'no working day in the history to sample throughput from' };
  const model = modelForecast(
    fromNearTheEnd(fitted),
    question,
    start,
    calendar,
    workingShareOf(history, calendar),
    { replications: options.replications ?? 100, seed: options.seed },
  );
  const throughput = throughputForecast(daily, question, start, calendar, { seed: options.seed });
  return { ok: true, model, throughput };
}

/**
 * The fitted scenario counted from 90% of the way through the history: the model then holds
 * the work in progress and the arrival rates of its last weeks, as the team does on the start date.
 */
export function fromNearTheEnd(fitted: Record<string, unknown>): Record<string, unknown> {
  const run = fitted.run as { duration: number };
  return { ...fitted, run: { ...run, warmup: Math.floor(run.duration * 0.9) } };
}
