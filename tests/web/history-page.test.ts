/**
 * The history page's view models: which files are histories, how their problems are written,
 * the forecast form read into a question on day numbers, the fitted model added to My
 * scenarios, and the charts' data for a history beside its model.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type History, parseScenarioText, readHistory, WEEKENDS_OFF } from '../../src/index.ts';
import { CSV_LIMITS, cumulativeFlow, cycleTimeScatter, dayOf, isoDate } from '../../src/runner.ts';
import { historyCfdData } from '../../web/viewmodel/chart-data/cfd-data.ts';
import { historyHistogram } from '../../web/viewmodel/chart-data/compare-data.ts';
import { chanceAt, dateForecastCurves } from '../../web/viewmodel/chart-data/date-forecast-data.ts';
import { historyScatterData } from '../../web/viewmodel/chart-data/scatter-data.ts';
import { dateForecastRequest, defaultStart, isoDay } from '../../web/viewmodel/date-forecast-setup.ts';
import { asFields, fileKind, historySizeProblem, problemLines } from '../../web/viewmodel/history-file.ts';
import { addFitted, nameOf } from '../../web/viewmodel/library.ts';
import { activeDraft, draftOf, initialWorkspace } from '../../web/viewmodel/workspace.ts';
import { PRESETS } from './presets-fixture.ts';

const read = (text: string): History => {
  const outcome = readHistory(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.history;
};

// Three items through Ready -> Doing -> Done; C is still in Doing at the end.
const small = read(
  [
    'ID,Type,Ready,Doing,Done',
    'A,bug,2025-01-01,2025-01-02,2025-01-04',
    'B,story,2025-01-01,2025-01-05,2025-01-09',
    'C,story,2025-01-03,2025-01-08,',
  ].join('\n'),
);

describe('a file opened or dropped on the page', () => {
  it('is a scenario when named .json or opening with {, else a history', () => {
    expect(fileKind('team.csv', '{')).toBe('history');
    expect(fileKind('board.JSON', 'id,stage')).toBe('scenario');
    expect(fileKind('export.tsv', 'ID\tDone')).toBe('history');
    expect(fileKind('notes.txt', '\uFEFF  {"name": "x"}')).toBe('scenario');
    expect(fileKind('download', 'ID,Ready,Done')).toBe('history');
  });

  it('is refused before it is read when empty or larger than a history may be', () => {
    expect(historySizeProblem('a.csv', 0)).toBe('a.csv: the file is empty');
    expect(historySizeProblem('a.csv', CSV_LIMITS.characters * 4 + 1)).toMatch(
      /^a\.csv: 200,000,001 bytes, more than a history may hold \(200,000,000\)$/,
    );
    expect(historySizeProblem('a.csv', 1000)).toBeNull();
  });

  it('has its problems written as flowlab fit writes them, with line and column where there are', () => {
    expect(
      problemLines('t.csv', [
        { line: 4, column: 'enteredAt', reason: 'bad' },
        { line: 1, reason: 'the file is empty' },
        { reason: 'commitment point: no stage "X"' },
      ]),
    ).toEqual([
      't.csv: line 4, column "enteredAt": bad',
      't.csv: line 1: the file is empty',
      't.csv: commitment point: no stage "X"',
    ]);
  });
});

describe("the report's advice on the page", () => {
  it('names the fields beside the history where the command line names its flags', () => {
    expect(
      asFields(
        '"03/04/2025" could be day 3 of month 4 or month 3 day 4, and no date in the file settles which; say so with --dates dmy (day first) or --dates mdy (month first)',
      ),
    ).toBe(
      '"03/04/2025" could be day 3 of month 4 or month 3 day 4, and no date in the file settles which; say so with “Dates such as 03/04/2025” beside the history (day first or month first)',
    );
    expect(asFields('count from the commitment point with --commit STAGE.')).toBe(
      'count from the commitment point with “Commitment point” beside the history.',
    );
    expect(asFields('give the waiting stages with --waiting if some are.')).toBe(
      'give the waiting stages in “Waiting stages” beside the history if some are.',
    );
    expect(problemLines('a.csv', [{ reason: 'name the waiting stages with --waiting' }])).toEqual([
      'a.csv: name the waiting stages in “Waiting stages” beside the history',
    ]);
  });
});

describe('the forecast in dates, as the coach fills it in', () => {
  const form = {
    question: 'items',
    start: '2026-01-05',
    items: '40',
    by: '',
    daysOff: 'sat,sun',
    holidays: '2026-01-19',
  };

  it('reads dates as the days they name, whatever the time zone', () => {
    expect(isoDay('2026-01-05')).toBe(dayOf(2026, 1, 5));
    expect(isoDay('2024-02-29')).toBe(dayOf(2024, 2, 29));
    expect(isoDay('2026-02-30')).toBeUndefined();
    expect(isoDay('05/01/2026')).toBeUndefined();
    expect(isoDay('')).toBeUndefined();
  });

  it('becomes a question on day numbers with its calendar', () => {
    const request = dateForecastRequest(form);
    if (typeof request === 'string') throw new Error(request);
    expect(request.question).toEqual({ items: 40 });
    expect(isoDate(request.start)).toBe('2026-01-05');
    expect(request.calendar.daysOff).toEqual([5, 6]);
    expect([...request.calendar.holidays].map(isoDate)).toEqual(['2026-01-19']);
    const by = dateForecastRequest({ ...form, question: 'by', by: '2026-03-31' });
    expect(typeof by !== 'string' && by.question).toEqual({ by: dayOf(2026, 3, 31) });
  });

  it('says what to fix when it cannot be asked', () => {
    expect(dateForecastRequest({ ...form, start: '' })).toBe(
      'give the start date, the first day of the work',
    );
    expect(dateForecastRequest({ ...form, items: '2.5' })).toMatch(/whole number/);
    expect(dateForecastRequest({ ...form, daysOff: 'funday' })).toMatch(/^days off: "funday" is no weekday/);
    expect(dateForecastRequest({ ...form, holidays: '2026-01-19, 19/01/2026' })).toMatch(
      /^holidays, entry 2: write holidays as ISO dates/,
    );
    expect(dateForecastRequest({ ...form, question: 'by', by: '2025-12-31' })).toBe(
      'the date to count to is before the start date',
    );
  });

  it('offers the first working day after the history as the start', () => {
    // 2025-01-09 was a Thursday, 2025-01-10 a Friday.
    expect(defaultStart(dayOf(2025, 1, 9))).toBe('2025-01-10');
    expect(defaultStart(dayOf(2025, 1, 10) + 0.7)).toBe('2025-01-13');
  });
});

describe('the fitted model among My scenarios', () => {
  it('opens in the editor under its own name, valid as it came from the fit', () => {
    const scenario = JSON.parse(readFileSync('scenarios/token-ring.json', 'utf8'));
    const first = addFitted(initialWorkspace(PRESETS), { ...scenario, name: 'Fitted from t.csv' }, PRESETS);
    expect(first.workspace.active).toBe(first.id);
    expect(parseScenarioText(activeDraft(first.workspace, PRESETS).text).ok).toBe(true);
    const second = addFitted(first.workspace, { ...scenario, name: 'Fitted from t.csv' }, PRESETS);
    expect(nameOf(draftOf(second.workspace, second.id, PRESETS))).toBe('Fitted from t.csv 2');
  });
});

describe("the charts' data for a history beside its model", () => {
  it('scatter: each done item on the day it was done, with the percentile lines', () => {
    const data = historyScatterData('history', cycleTimeScatter(small), [small.start, small.end]);
    expect(data.points).toEqual([
      { t: dayOf(2025, 1, 4), value: 3 },
      { t: dayOf(2025, 1, 9), value: 8 },
    ]);
    expect(data.lines.map((l) => [l.label, l.value])).toEqual([
      ['p50', 3],
      ['p85', 8],
      ['p95', 8],
    ]);
    expect(data).toMatchObject({ name: 'history', dates: true, yMax: 8 });
  });

  it('cumulative flow: the first stage on top, done at the bottom, each band down to the next', () => {
    const cfd = historyCfdData(cumulativeFlow(small), small.doneStage);
    expect(cfd.bands.map((b) => [b.key, b.label])).toEqual([
      ['step:Ready', 'Ready'],
      ['step:Doing', 'Doing'],
      ['done', 'Done'],
    ]);
    for (let k = 0; k + 1 < cfd.bands.length; k++)
      expect(cfd.bands[k].points.map((p) => p[1])).toEqual(cfd.bands[k + 1].points.map((p) => p[2]));
    const last = cfd.bands.map((b) => b.points.at(-1));
    // At the end: 3 reached Ready or later, 3 Doing or later, 2 done.
    expect(last.map((p) => p?.[2])).toEqual([3, 3, 2]);
    expect(cfd.yMax).toBe(3);
  });

  it('lead-time distributions on the same bins, each as shares of its own items', () => {
    const shifted = read(
      [
        'ID,Ready,Doing,Done',
        'X,2025-01-01,2025-01-02,2025-01-21',
        'Y,2025-01-01,2025-01-02,2025-01-03',
      ].join('\n'),
    );
    const data = historyHistogram([
      { legend: 'history', history: small },
      { legend: 'model', history: shifted },
    ]);
    const [a, b] = data.variants;
    expect(a.bars.map((x) => x.from)).toEqual(b.bars.map((x) => x.from));
    expect(a.bars.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(b.bars.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(data.xMax).toBeGreaterThanOrEqual(20);
    expect([a.p85, b.p85]).toEqual([8, 20]);
  });

  it('forecast curves reach each likelihood exactly where the table puts its date or count', () => {
    const start = dayOf(2026, 1, 5);
    const forecast = {
      method: 'throughput' as const,
      // Working days: done in 1, 2, 2, 3 of 5 trials; one never got there.
      samples: [1, 2, 2, 3],
      notReached: 1,
      trials: 5,
      basis: '',
      percentiles: [
        { likelihood: 0.5, workingDays: 2, date: dayOf(2026, 1, 6) },
        { likelihood: 0.7, workingDays: 3, date: dayOf(2026, 1, 7) },
        { likelihood: 0.85 },
        { likelihood: 0.95 },
      ],
    };
    const curves = dateForecastCurves([{ name: 'throughput', forecast }], { items: 5 }, start, WEEKENDS_OFF);
    const [curve] = curves.curves;
    expect(curve.points).toEqual([
      { x: dayOf(2026, 1, 5), p: 0.2 },
      { x: dayOf(2026, 1, 6), p: 0.6 },
      { x: dayOf(2026, 1, 7), p: 0.8 },
    ]);
    expect(curve.marks.map((m) => m.likelihood)).toEqual([0.5, 0.7]);
    for (const m of curve.marks) {
      expect(chanceAt(curve, m.x, true)).toBeGreaterThanOrEqual(m.likelihood);
      expect(chanceAt(curve, m.x - 1, true)).toBeLessThan(m.likelihood);
    }
    const counts = dateForecastCurves(
      [{ name: 'model', forecast: { ...forecast, samples: [4, 6, 6, 9], notReached: 0 } }],
      { by: dayOf(2026, 2, 1) },
      start,
      WEEKENDS_OFF,
    );
    expect(counts.curves[0].points).toEqual([
      { x: 4, p: 1 },
      { x: 6, p: 0.75 },
      { x: 9, p: 0.25 },
    ]);
    expect(chanceAt(counts.curves[0], 5, false)).toBe(0.75);
  });
});
