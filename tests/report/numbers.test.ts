import { describe, expect, it } from 'vitest';
import { change, count, number, percent, time, unitName, withInterval } from '../../src/report/numbers.ts';

describe('numbers for people', () => {
  it('keep three significant digits, with thousands separators for big ones', () => {
    expect(number(9.8312)).toBe('9.83');
    expect(number(0.79312)).toBe('0.793');
    expect(number(0.012345)).toBe('0.0123');
    expect(number(0.00012345)).toBe('0.000123');
    expect(number(1432.4)).toBe('1,432');
    expect(number(0)).toBe('0');
    expect(number(2.5)).toBe('2.5');
  });

  it('show shares as percentages, with a decimal only below 10% and never ".0"', () => {
    expect(percent(0.4123)).toBe('41%');
    expect(percent(0.0123)).toBe('1.2%');
    expect(percent(0.05)).toBe('5%');
    expect(percent(0)).toBe('0%');
    expect(percent(-0.00001)).toBe('0%');
    expect(percent(12.5)).toBe('1,250%');
    expect(percent(0.0123, 0)).toBe('1%');
  });

  it('give a relative change two figures below 1%, so a small one is neither 0.4% nor 0%', () => {
    expect(change(-0.43)).toBe('43%');
    expect(change(0.026)).toBe('2.6%');
    expect(change(0.0042)).toBe('0.42%');
    expect(change(0)).toBe('0%');
  });

  it('name a time unit in the singular for one of it, whichever form the scenario uses', () => {
    expect(time(1, 'day')).toBe('1 day');
    expect(time(9.83, 'day')).toBe('9.83 days');
    expect(time(1, 'hours')).toBe('1 hour');
    expect(time(1.0001, 'week')).toBe('1 week');
    expect(unitName('hours')).toBe('hours');
    expect(unitName('sprint')).toBe('sprints');
    expect(unitName('Day', 1)).toBe('day');
  });

  it('leave a unit that is not one of flowlab’s words as written, never "hs"', () => {
    expect(unitName('h')).toBe('h');
    expect(time(2, 'h')).toBe('2 h');
  });

  it('count things with their noun', () => {
    expect(count(1, 'replication')).toBe('1 replication');
    expect(count(1432, 'item')).toBe('1,432 items');
  });

  it('write a t-interval as plus-or-minus and any other interval as its ends', () => {
    expect(withInterval(9.8, [9.1, 10.5])).toBe('9.8 ± 0.7');
    expect(withInterval(9.8, [9.5, 10.5])).toBe('9.8 [9.5, 10.5]');
    expect(withInterval(9.8, null)).toBe('9.8');
  });
});
