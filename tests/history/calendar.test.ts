import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isWorkingDay,
  WEEKENDS_OFF,
  type WorkCalendar,
  workingDaysBetween,
  workingDaysFrom,
} from '../../src/history/calendar.ts';
import { isoDate, readDate, weekday } from '../../src/history/dates.ts';
import { fitHistory } from '../../src/history/fit.ts';
import {
  dailyThroughput,
  modelForecast,
  throughputForecast,
  workingShareOf,
} from '../../src/history/forecast-dates.ts';
import type { History } from '../../src/history/history.ts';
import { readHistory } from '../../src/history/read.ts';

const d = (iso: string) => {
  const r = readDate(iso);
  if (!r.ok) throw new Error(r.reason);
  return r.at;
};
const withHolidays = (...isos: string[]): WorkCalendar => ({
  ...WEEKENDS_OFF,
  holidays: new Set(isos.map(d)),
});

describe('working days', () => {
  it('counts Monday to Friday, and a day of work ends on the day it is done', () => {
    const monday = d('2026-01-05');
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, monday, 1))).toBe('2026-01-05');
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, monday, 5))).toBe('2026-01-09');
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, monday, 6))).toBe('2026-01-12');
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, monday, 2.3))).toBe('2026-01-07');
    expect(workingDaysBetween(WEEKENDS_OFF, monday, d('2026-01-18'))).toBe(10);
  });

  it('a start on a day off begins on the next working day', () => {
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, d('2026-01-10'), 1))).toBe('2026-01-12');
  });

  it('holidays are skipped: Good Friday and Easter Monday push a week of work to the Tuesday after', () => {
    const easter = withHolidays('2026-04-03', '2026-04-06');
    expect(isoDate(workingDaysFrom(easter, d('2026-03-30'), 5))).toBe('2026-04-07');
    expect(workingDaysBetween(easter, d('2026-03-30'), d('2026-04-10'))).toBe(8);
  });

  it('across a year end and a leap day', () => {
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, d('2027-12-31'), 2))).toBe('2028-01-03');
    expect(isoDate(workingDaysFrom(WEEKENDS_OFF, d('2028-02-28'), 2))).toBe('2028-02-29');
  });

  it('a date never moves by a day, whatever the zone a start or history was written in', () => {
    // The days around Europe's and America's changes of clock, and time zones far apart.
    for (const iso of ['2026-03-08', '2026-03-29', '2026-10-25', '2026-11-01']) {
      for (const zone of ['Z', '+14:00', '-12:00'])
        expect(isoDate(Math.floor(d(`${iso}T00:00${zone}`)))).toBe(iso);
      expect(isoDate(d(iso))).toBe(iso);
    }
  });

  it('n working days from a start always end on a working day, at least n - 1 days after it', () => {
    const calendar = withHolidays('2026-12-25', '2026-12-28', '2027-01-01');
    fc.assert(
      fc.property(
        fc.integer({ min: d('2026-01-01'), max: d('2027-12-31') }),
        fc.integer({ min: 1, max: 400 }),
        (start, n) => {
          const end = workingDaysFrom(calendar, start, n);
          expect(isWorkingDay(calendar, end)).toBe(true);
          expect(workingDaysBetween(calendar, start, end)).toBe(n);
          expect([5, 6]).not.toContain(weekday(end));
        },
      ),
    );
  });
});

/** A history of `perDay` items done every day (weekends too) over `days` days from a Monday. */
function steadyHistory(perDay: number, days: number): History {
  const start = d('2025-01-06');
  const items = [];
  for (let day = 0; day < days; day++)
    for (let k = 0; k < perDay; k++)
      items.push({ id: `${day}-${k}`, type: '', line: 2, visits: [], doneAt: start + day + 0.5 });
  return {
    format: 'event log',
    stages: ['Doing'],
    doneStage: null,
    items,
    dateOnly: false,
    ignoredColumns: [],
    notes: [],
    start,
    end: start + days - 0.5,
  };
}

describe('forecasting by sampling the daily throughput', () => {
  it('work done on a weekend counts on the Monday, when the team sees it', () => {
    const daily = dailyThroughput(steadyHistory(1, 14), WEEKENDS_OFF);
    expect(daily).toEqual([1, 1, 1, 1, 1, 3, 1, 1, 1, 1]);
  });

  it('a throughput of exactly 2 a working day finishes 10 items on the fifth working day', () => {
    const f = throughputForecast([2, 2, 2], { items: 10 }, d('2026-01-05'), WEEKENDS_OFF, { trials: 100 });
    expect(f.percentiles.map((p) => isoDate(p.date as number))).toEqual([
      '2026-01-09',
      '2026-01-09',
      '2026-01-09',
      '2026-01-09',
    ]);
    const holiday = throughputForecast([2], { items: 10 }, d('2026-01-05'), withHolidays('2026-01-07'));
    expect(isoDate(holiday.percentiles[0].date as number)).toBe('2026-01-12');
  });

  it('items by a date average the mean daily throughput x working days, within 3.29 standard errors', () => {
    const daily = [0, 0, 1, 1, 1, 2, 2, 3, 5, 0];
    const mean = daily.reduce((s, x) => s + x, 0) / daily.length;
    const sd = Math.sqrt(daily.reduce((s, x) => s + (x - mean) ** 2, 0) / daily.length);
    const trials = 4000;
    const f = throughputForecast(daily, { by: d('2026-02-27') }, d('2026-02-02'), WEEKENDS_OFF, {
      trials,
      seed: 3,
    });
    const days = 20;
    const average = f.samples.reduce((s, x) => s + x, 0) / trials;
    // Each trial sums 20 independent draws: sd sqrt(20); the mean of 4,000 trials, over sqrt(4000).
    expect(Math.abs(average - mean * days)).toBeLessThan((3.29 * sd * Math.sqrt(days)) / Math.sqrt(trials));
    // "At least" falls as the likelihood asked rises.
    const atLeast = f.percentiles.map((p) => p.items as number);
    expect([...atLeast].sort((a, b) => b - a)).toEqual(atLeast);
  });

  it('a history with nothing done never gets there, and says so', () => {
    const f = throughputForecast([0, 0], { items: 3 }, d('2026-01-05'), WEEKENDS_OFF, { trials: 10 });
    expect(f.notReached).toBe(10);
    expect(f.percentiles[0].date).toBeUndefined();
  });
});

describe('forecasting from a model, in working days', () => {
  // One item a model day, each done half a day after it arrives.
  const steady = {
    name: 'one a day',
    run: { duration: 200, warmup: 10, seed: 1, replications: 1 },
    demand: [{ id: 'w', interarrival: 1, steps: ['work'] }],
    nodes: [{ id: 'team', capacity: 1, serves: { work: 0.5 } }],
  };

  it('turns model days into working days by the share of working days', () => {
    // Counting from day 10, the 14th item is done at 13.5 model days: 13.5 x 5/7 = 9.6, so
    // on the tenth working day from Monday 5 January: Friday 16 January.
    const f = modelForecast(steady, { items: 14 }, d('2026-01-05'), WEEKENDS_OFF, 5 / 7, { replications: 3 });
    expect(f.samples).toEqual([10, 10, 10]);
    expect(f.percentiles.map((p) => isoDate(p.date as number))).toEqual(Array(4).fill('2026-01-16'));
  });

  it('how many by a date: its working days as model days', () => {
    // 10 working days are 14 model days: items done in (10, 24].
    const f = modelForecast(steady, { by: d('2026-01-16') }, d('2026-01-05'), WEEKENDS_OFF, 5 / 7, {
      replications: 2,
    });
    expect(f.samples).toEqual([14, 14]);
  });

  it('a history worked every day has no weekend to take out', () => {
    const history = steadyHistory(1, 70);
    expect(workingShareOf(history, WEEKENDS_OFF)).toBeCloseTo(50 / 70, 12);
    expect(workingShareOf(history, { daysOff: [], holidays: new Set() })).toBe(1);
  });
});

describe('the sample history, both ways', () => {
  it('the model and the throughput agree within a fifth at every likelihood', () => {
    const read = readHistory(readFileSync('examples/team-events.csv', 'utf8'));
    if (!read.ok) throw new Error('unreadable');
    const fitted = fitHistory(read.history);
    if (!fitted.ok) throw new Error(fitted.reason);
    const scenario = fitted.fit.scenario as { run: { duration: number; warmup: number } };
    scenario.run.warmup = Math.floor(scenario.run.duration * 0.9);
    const start = d('2026-01-05');
    const share = workingShareOf(read.history, WEEKENDS_OFF);
    const model = modelForecast(scenario, { items: 60 }, start, WEEKENDS_OFF, share, { replications: 100 });
    const history = throughputForecast(
      dailyThroughput(read.history, WEEKENDS_OFF),
      { items: 60 },
      start,
      WEEKENDS_OFF,
    );
    model.percentiles.forEach((p, i) => {
      const other = history.percentiles[i].workingDays as number;
      expect(Math.abs((p.workingDays as number) / other - 1)).toBeLessThan(0.2);
    });
  });
});
