import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayOf, isoDate, readDate, weekday } from '../../src/history/dates.ts';

const at = (text: string, order?: 'dmy' | 'mdy') => {
  const r = readDate(text, order);
  if (!r.ok) throw new Error(r.reason);
  return r.at;
};

describe('calendar days', () => {
  it('every day from 1900 to 2200 reads back as the date it was written as', () => {
    const from = dayOf(1900, 1, 1);
    const to = dayOf(2200, 12, 31);
    for (let d = from; d <= to; d++) expect(at(isoDate(d))).toBe(d);
    expect(to - from + 1).toBe(301 * 365 + 73); // 301 years, 73 of them leap (not 1900, 2100, 2200)
  });

  it('counts from 1970-01-01 and knows the weekday', () => {
    expect(dayOf(1970, 1, 1)).toBe(0);
    expect(isoDate(dayOf(2024, 2, 29))).toBe('2024-02-29');
    expect(weekday(dayOf(2025, 3, 4))).toBe(1); // a Tuesday
    expect(weekday(dayOf(1969, 12, 28))).toBe(6); // a Sunday, before day 0
  });

  it('a date with a time zone keeps the day it was written on, whatever the offset', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayOf(2000, 1, 1), max: dayOf(2099, 12, 31) }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom('Z', '+14:00', '-12:00', '+0530', '-05', ''),
        (day, hour, zone) => {
          const written = `${isoDate(day)}T${String(hour).padStart(2, '0')}:59:59${zone}`;
          expect(Math.floor(at(written))).toBe(day);
          expect(Math.floor(at(`${isoDate(day)} ${hour}:00${zone}`))).toBe(day);
        },
      ),
    );
  });
});

describe('reading dates as spreadsheets write them', () => {
  const march4 = dayOf(2025, 3, 4);
  it.each([
    ['2025-03-04', march4],
    ['2025/03/04', march4],
    ['  2025-3-4 ', march4],
    ['4 Mar 2025', march4],
    ['04-Mar-2025', march4],
    ['March 4, 2025', march4],
    ['04.03.2025', march4],
    ['4.3.25', march4],
    ['2025-03-04T18:00', march4 + 0.75],
    ['2025-03-04 06:00:00.123+01:00', march4 + 0.25],
    ['04/Mar/25 6:00 PM', march4 + 0.75],
    ['04/03/2025 12:00 AM', march4],
    ['25/12/2025', dayOf(2025, 12, 25)],
    ['12/25/2025', dayOf(2025, 12, 25)],
  ])('%s', (text, day) => {
    expect(at(text)).toBe(day);
  });

  it('03/04/2025 is ambiguous until the order is given', () => {
    const r = readDate('03/04/2025');
    expect(r.ok && r.ambiguous).toEqual([3, 4]);
    expect(at('03/04/2025', 'dmy')).toBe(dayOf(2025, 4, 3));
    expect(at('03/04/2025', 'mdy')).toBe(march4);
    // The same number twice is the same date either way: not ambiguous.
    expect(readDate('04/04/2025')).toEqual({ ok: true, at: dayOf(2025, 4, 4), dateOnly: true });
  });

  it.each([
    ['31/04/2025', 'has no day 31'],
    ['2025-02-29', 'has no day 29'],
    ['2025-13-01', 'no month 13'],
    ['2025-03-04 25:00', 'not a time of day'],
    ['13:00 PM', 'not a date'],
    ['yesterday', 'not a date'],
    ['45721', 'not a date'],
    ['25/12/2025', 'cannot be month/day/year'],
  ])('refuses %s: %s', (text, reason) => {
    const r = readDate(text, text === '25/12/2025' ? 'mdy' : undefined);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain(reason);
  });

  it('a pathological value is refused at once', () => {
    const value = `${'1'.repeat(5000)}/${'9 '.repeat(5000)}`;
    expect(readDate(value).ok).toBe(false);
  });
});
