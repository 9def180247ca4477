import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/history/dates.ts';
import { fitHistory } from '../../src/history/fit.ts';
import { readHistory } from '../../src/history/read.ts';
import { parseScenario } from '../../src/model/parse.ts';

const STAGES = ['Ready', 'Doing', 'Waiting for review', 'Review', 'Blocked', 'Done', 'x'];
const start = 20_000;

/** A messy event log: any ids, stages, times (some open, some backwards), types. */
const eventLog = fc
  .array(
    fc.record({
      id: fc.integer({ min: 1, max: 12 }),
      stage: fc.constantFrom(...STAGES),
      entered: fc.integer({ min: 0, max: 60 * 24 }),
      stay: fc.option(fc.integer({ min: -30, max: 24 * 10 }), { nil: undefined }),
      type: fc.constantFrom('', 'bug', 'story', 'a,b', '"q"'),
    }),
    { minLength: 1, maxLength: 60 },
  )
  .map((rows) => {
    const stamp = (minutes: number) =>
      `${isoDate(start + Math.floor(minutes / 1440))} ${String(Math.floor((minutes % 1440) / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const quote = (s: string) => (/[",]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    return [
      'id,stage,enteredAt,exitedAt,type',
      ...rows.map((r) =>
        [
          r.id,
          r.stage,
          stamp(r.entered),
          r.stay === undefined ? '' : stamp(Math.max(0, r.entered + r.stay)),
          quote(r.type),
        ].join(','),
      ),
    ].join('\n');
  });

/** Messy stage dates: any dates or blanks in any column. */
const stageDates = fc
  .array(
    fc.array(fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }), { minLength: 4, maxLength: 4 }),
    {
      minLength: 1,
      maxLength: 40,
    },
  )
  .map((rows) =>
    [
      'ID,Type,To Do,Dev,Review,Done',
      ...rows.map((cells, i) =>
        [
          `K-${i % 17}`,
          i % 3 ? 'story' : 'bug',
          ...cells.map((d) => (d === undefined ? '' : isoDate(start + d))),
        ].join(','),
      ),
    ].join('\n'),
  );

describe('any messy file', () => {
  it.each([
    ['an event log', eventLog],
    ['stage dates', stageDates],
  ])('%s is read, or refused with its reasons; what is fitted is a valid scenario', (_, files) => {
    fc.assert(
      fc.property(files, (text) => {
        const read = readHistory(text);
        if (!read.ok) {
          expect(read.problems.length).toBeGreaterThan(0);
          for (const p of read.problems) expect(p.line).toBeGreaterThanOrEqual(1);
          return;
        }
        for (const item of read.history.items)
          for (const v of item.visits) expect(v.exitedAt === null || v.exitedAt >= v.enteredAt).toBe(true);
        const fitted = fitHistory(read.history);
        if (!fitted.ok) {
          expect(fitted.reason).toMatch(/--waiting/);
          return;
        }
        const parsed = parseScenario(fitted.fit.scenario);
        expect(parsed.ok ? [] : parsed.problems).toEqual([]);
      }),
      { numRuns: 300, seed: 14 },
    );
  });
});
