/**
 * `flowlab forecast ... --start DATE`: the forecast in calendar dates, from the model and
 * from the history's daily throughput, side by side (history/forecast-dates.ts).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import {
  readDaysOff,
  readHolidays,
  WEEKDAY_NAMES as WEEKDAYS,
  WEEKENDS_OFF,
  type WorkCalendar,
} from '../../history/calendar.ts';
import { isoDate, readDate } from '../../history/dates.ts';
import { fitHistory } from '../../history/fit.ts';
import {
  type DateForecast,
  type DateQuestion,
  dailyThroughput,
  historyForecast,
  modelForecast,
  throughputForecast,
  workingShareOf,
} from '../../history/forecast-dates.ts';
import { daysOffLine, forecastTable, questionLine, spreadLine } from '../../history/forecast-report.ts';
import { UsageError } from '../errors.ts';
import { committed, dateOrderFlag, readHistoryFile } from '../history-file.ts';
import { loadScenario } from '../load.ts';
import { table } from '../table.ts';
import { terminalText } from '../terminal-text.ts';

export interface DateFlags {
  items?: number;
  by?: string;
  start?: string;
  holidays?: string;
  daysOff?: string;
  history?: string;
  dates?: string;
  waiting?: string;
  commit?: string;
  set?: string[];
  seed?: number;
  replications?: number;
  json?: boolean;
}

export function forecastDates(file: string, flags: DateFlags): number {
  if (flags.start === undefined)
    throw new UsageError('forecast: dates need --start DATE, the first day of the work');
  if ((flags.items === undefined) === (flags.by === undefined))
    throw new UsageError(
      'forecast: with --start, give either --items N (when will N items be done) or --by DATE (how many by then)',
    );
  const start = dateFlag('start', flags.start);
  const calendar = calendarOf(flags.daysOff, flags.holidays);
  let question: DateQuestion;
  if (flags.by !== undefined) {
    const by = dateFlag('by', flags.by);
    if (by < start) throw new UsageError(`--by ${flags.by} is before --start ${flags.start}`);
    if (by - start > 36_500) throw new UsageError('--by must be within 100 years of --start');
    question = { by };
  } else question = { items: flags.items as number };
  const dateOrder = dateOrderFlag(flags.dates);
  const isHistory = /\.(csv|tsv|txt)$/i.test(file);
  let model: string;
  let fromModel: DateForecast;
  let fromHistory: DateForecast | undefined;
  if (isHistory) {
    if (flags.history !== undefined)
      throw new UsageError('forecast: --history is for a scenario file; FILE is already a history');
    const history = committed(readHistoryFile(file, dateOrder), flags.commit, file);
    const waiting = flags.waiting
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const fitted = fitHistory(history, { waiting, name: `Fitted from ${file}` });
    if (!fitted.ok) throw new UsageError(`${file}: ${fitted.reason}`);
    refuseOverrides(flags, file);
    const both = historyForecast(history, fitted.fit.scenario, question, start, calendar, {
      replications: flags.replications,
      seed: flags.seed,
    });
    if (!both.ok) throw new UsageError(`${file}: ${both.reason}`);
    fromModel = both.model;
    fromHistory = both.throughput;
    model = `fitted to ${file}`;
  } else {
    const history =
      flags.history === undefined
        ? undefined
        : committed(readHistoryFile(flags.history, dateOrder), flags.commit, flags.history);
    const document = loadScenario(file, {
      set: flags.set,
      seed: flags.seed,
      replications: flags.replications ?? 100,
    }).document;
    model = file;
    const share = history ? workingShareOf(history, calendar) : 5 / 7;
    fromModel = modelForecast(document, question, start, calendar, share, {
      replications: flags.replications ?? 100,
      seed: flags.seed,
    });
    const daily = history ? dailyThroughput(history, calendar) : undefined;
    if (daily && daily.length === 0)
      throw new UsageError(`${flags.history}: no working day in the history to sample throughput from`);
    fromHistory = daily
      ? throughputForecast(daily, question, start, calendar, { seed: flags.seed })
      : undefined;
  }
  if (flags.json) {
    const json = (f: DateForecast) => ({
      ...f,
      percentiles: f.percentiles.map((p) => ({
        ...p,
        date: p.date === undefined ? undefined : isoDate(p.date),
      })),
    });
    console.log(
      JSON.stringify(
        {
          question: 'items' in question ? { items: question.items } : { by: isoDate(question.by) },
          start: isoDate(start),
          calendar: {
            daysOff: calendar.daysOff.map((d) => WEEKDAYS[d]),
            holidays: [...calendar.holidays].sort((a, b) => a - b).map(isoDate),
          },
          model: json(fromModel),
          throughput: fromHistory ? json(fromHistory) : null,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(terminalText(describe(question, start, calendar, model, fromModel, fromHistory)));
  return 0;
}

function refuseOverrides(flags: DateFlags, file: string): void {
  if (!flags.set?.length) return;
  throw new UsageError(
    `forecast: --set applies to a scenario file; write the fitted scenario with flowlab fit ${file} --out F and forecast from F`,
  );
}

function dateFlag(flag: string, value: string): number {
  const reading = readDate(value, 'dmy');
  if (!reading.ok) throw new UsageError(`--${flag}: ${reading.reason}`);
  if (!reading.dateOnly) throw new UsageError(`--${flag} takes a date without a time (got "${value}")`);
  if (!/^\d{4}-\d{1,2}-\d{1,2}$/.test(value.trim()))
    throw new UsageError(
      `--${flag} takes an ISO date, 2026-03-02, so day and month cannot be mistaken (got "${value}")`,
    );
  return reading.at;
}

function calendarOf(daysOff: string | undefined, holidays: string | undefined): WorkCalendar {
  let off = WEEKENDS_OFF.daysOff;
  if (daysOff !== undefined) {
    const read = readDaysOff(daysOff);
    if (!read.ok) throw new UsageError(`--days-off: ${read.reason}`);
    off = read.daysOff;
  }
  let set = new Set<number>();
  if (holidays !== undefined) {
    const fromFile = existsSync(holidays) && statSync(holidays).isFile();
    if (fromFile && statSync(holidays).size > 1_000_000)
      throw new UsageError(`--holidays ${holidays}: more than 1 MB, no list of holidays is that long`);
    const read = readHolidays(fromFile ? readFileSync(holidays, 'utf8') : holidays);
    if (!read.ok)
      throw new UsageError(
        `${fromFile ? `--holidays ${holidays}: entry ${read.entry}` : '--holidays'}: ${read.reason}`,
      );
    set = read.holidays;
  }
  return { daysOff: off, holidays: set };
}

function describe(
  question: DateQuestion,
  start: number,
  calendar: WorkCalendar,
  model: string,
  fromModel: DateForecast,
  fromHistory: DateForecast | undefined,
): string {
  const forecast = forecastTable(question, fromModel, fromHistory);
  const lines = [questionLine(question, start, calendar), daysOffLine(calendar), ''];
  lines.push(table(forecast.head, forecast.rows));
  lines.push('', `From the model (${model}): ${fromModel.basis}.`);
  if (fromModel.notReached > 0)
    lines.push(`  ${fromModel.notReached} replications never got there (the run stopped first).`);
  if (fromHistory) lines.push(`From the throughput: ${fromHistory.basis}.`);
  else lines.push("Give --history FILE to set the history's throughput beside the model.");
  if (fromHistory) {
    const gap = spreadLine(question, fromModel, fromHistory);
    if (gap) lines.push(gap);
  }
  return lines.join('\n');
}
