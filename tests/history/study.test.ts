import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDaysOff, readHolidays, WEEKENDS_OFF } from '../../src/history/calendar.ts';
import { dayOf, isoDate, weekday } from '../../src/history/dates.ts';
import { fromNearTheEnd, historyForecast } from '../../src/history/forecast-dates.ts';
import { studyHistory } from '../../src/history/study.ts';
import { parseScenario } from '../../src/model/parse.ts';

const events = readFileSync('examples/team-events.csv', 'utf8');

describe('a history studied for the sandbox', () => {
  it('reads, fits, backtests and simulates the sample event log in one call', () => {
    const outcome = studyHistory(events, { name: 'Team' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    const { history, fit, backtest, model } = outcome.study;
    expect(history.format).toBe('event log');
    expect(parseScenario(fit.scenario).ok).toBe(true);
    expect((fit.scenario as { name: string }).name).toBe('Team');
    expect(backtest.rows.map((r) => r.measure)).toEqual([
      'lead time p50 (days)',
      'lead time p85 (days)',
      'lead time p95 (days)',
      'lead time mean (days)',
      'throughput (items a day)',
      'WIP (items)',
    ]);
    // The model's period is the history's, in the history's own stages.
    expect(model.stages).toEqual(history.stages);
    expect([model.start, model.end]).toEqual([history.start, history.start + fit.report.days]);
    expect(model.items.filter((i) => i.doneAt !== null).length).toBeGreaterThan(100);
  });

  it('names the line and the column of a value it cannot read', () => {
    const broken = events.split('\n');
    broken[3] = broken[3].replace(/2025-01-06 18:34/, '2025-02-30 18:34');
    const outcome = studyHistory(broken.join('\n'));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems[0]).toEqual({
      line: 4,
      column: 'enteredAt',
      reason: '"2025-02-30 18:34": 2025-02 has no day 30',
    });
  });

  it('refuses a commitment point or a waiting stage the file does not have, naming its stages', () => {
    const commit = studyHistory(events, { commit: 'Selected' });
    expect(commit.ok || commit.problems[0].reason).toMatch(/^commitment point: no stage "Selected"/);
    const waiting = studyHistory(events, { waiting: ['Ready for Dev', 'Queue'] });
    expect(waiting.ok || waiting.problems[0].reason).toMatch(/^waiting stages: no stage "Queue" in the file/);
  });

  it('counts from a commitment point when asked', () => {
    const outcome = studyHistory(events, { commit: 'Dev' });
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
    expect(outcome.study.history.stages[0]).toBe('Dev');
  });
});

describe('a work calendar typed by a coach', () => {
  it('reads weekdays off by their names, and refuses a day that is none or a week with no working day', () => {
    expect(readDaysOff('sat, Sunday')).toEqual({ ok: true, daysOff: [5, 6] });
    expect(readDaysOff('none')).toEqual({ ok: true, daysOff: [] });
    expect(readDaysOff('fri,funday')).toEqual({
      ok: false,
      reason: '"funday" is no weekday (write mon,tue,wed,thu,fri,sat,sun, or none)',
    });
    expect(readDaysOff('mon,tue,wed,thu,fri,sat,sun').ok).toBe(false);
  });

  it('reads holidays as ISO dates only, naming the entry that is not one', () => {
    const read = readHolidays('2026-12-25, 2026-12-26 # Boxing Day\n2027-01-01');
    expect(read.ok && [...read.holidays].map(isoDate)).toEqual(['2026-12-25', '2026-12-26', '2027-01-01']);
    expect(readHolidays('2026-12-25, 26/12/2026')).toEqual({
      ok: false,
      entry: 2,
      reason: 'write holidays as ISO dates, 2026-12-25 (got "26/12/2026")',
    });
    expect(readHolidays('2026-02-30')).toMatchObject({ ok: false, entry: 1 });
  });
});

describe('a forecast in dates from a history', () => {
  const outcome = studyHistory(events);
  if (!outcome.ok) throw new Error('the sample does not read');
  const { history, fit } = outcome.study;

  it('counts the model from 90% of the way through the history, leaving the fit as it was', () => {
    const counted = fromNearTheEnd(fit.scenario) as { run: { duration: number; warmup: number } };
    expect(counted.run.warmup).toBe(Math.floor(counted.run.duration * 0.9));
    expect((fit.scenario as { run: { warmup: number } }).run.warmup).toBe(0);
  });

  it('answers both ways on working days, the later likelihoods no earlier', () => {
    const start = dayOf(2026, 1, 5);
    const both = historyForecast(history, fit.scenario, { items: 20 }, start, WEEKENDS_OFF, {
      replications: 20,
    });
    if (!both.ok) throw new Error(both.reason);
    for (const f of [both.model, both.throughput]) {
      const dates = f.percentiles.map((p) => p.date as number);
      expect(dates.every((d) => d >= start && weekday(d) < 5)).toBe(true);
      expect([...dates].sort((a, b) => a - b)).toEqual(dates);
    }
  });

  it('says so when the history has no working day to sample', () => {
    // A history of one weekend, forecast with weekends off.
    const weekend = studyHistory('ID,Doing,Done\nA,2025-01-04,2025-01-05\nB,2025-01-04,2025-01-05\n');
    if (!weekend.ok) throw new Error(JSON.stringify(weekend.problems));
    const none = historyForecast(
      weekend.study.history,
      fit.scenario,
      { items: 5 },
      dayOf(2026, 1, 5),
      WEEKENDS_OFF,
    );
    expect(none).toEqual({ ok: false, reason: 'no working day in the history to sample throughput from' });
  });
});
