import { describe, expect, it } from 'vitest';
import { count, number, percent, plural, time, withInterval } from '../../src/cli/format.ts';
import { table } from '../../src/cli/table.ts';

describe('numbers for people', () => {
  it('keep three significant digits, with thousands separators for big ones', () => {
    expect(number(9.8312)).toBe('9.83');
    expect(number(0.79312)).toBe('0.793');
    expect(number(1432.4)).toBe('1,432');
    expect(number(0)).toBe('0');
    expect(number(2.5)).toBe('2.5');
  });

  it('show shares as percentages and times with their unit', () => {
    expect(percent(0.4123)).toBe('41%');
    expect(percent(0.0123)).toBe('1.2%');
    expect(time(1, 'day')).toBe('1 day');
    expect(time(9.83, 'day')).toBe('9.83 days');
    expect(plural('hours', 2)).toBe('hours');
    expect(count(1, 'replication')).toBe('1 replication');
    expect(count(1432, 'item')).toBe('1,432 items');
  });

  it('write a t-interval as plus-or-minus and any other interval as its ends', () => {
    expect(withInterval(9.8, [9.1, 10.5])).toBe('9.8 ± 0.7');
    expect(withInterval(9.8, [9.5, 10.5])).toBe('9.8 [9.5, 10.5]');
    expect(withInterval(9.8, null)).toBe('9.8');
  });

  it('tables pad columns and right-align numbers', () => {
    expect(
      table(
        ['node', 'queue'],
        [
          ['review', '1.5'],
          ['build', '12'],
        ],
      ),
    ).toBe(['node    queue', '──────  ─────', 'review    1.5', 'build      12'].join('\n'));
  });
});
