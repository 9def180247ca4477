import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatInterval,
  formatNumber,
  formatPercent,
  formatRate,
  pluralUnit,
} from '../../web/viewmodel/format.ts';

describe('formatting numbers for people', () => {
  it('keeps about three significant figures, with thousands separators', () => {
    expect(formatNumber(46.5500985)).toBe('46.6');
    expect(formatNumber(0.816888)).toBe('0.817');
    expect(formatNumber(1469)).toBe('1,469');
    expect(formatNumber(5.4321)).toBe('5.43');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-2.5)).toBe('−2.5');
  });

  it('says plainly when there is no number', () => {
    expect(formatNumber(Number.NaN)).toBe('–');
    expect(formatNumber(null)).toBe('–');
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe('∞');
  });

  it('writes times with the scenario’s unit, plural where English wants it', () => {
    expect(formatDuration(46.55, 'day')).toBe('46.6 days');
    expect(formatDuration(1, 'day')).toBe('1 day');
    expect(formatDuration(2, 'hours')).toBe('2 hours');
    expect(pluralUnit('h')).toBe('h');
    expect(pluralUnit('week')).toBe('weeks');
  });

  it('writes shares as percentages, with a decimal only when small', () => {
    expect(formatPercent(0.2916)).toBe('29%');
    expect(formatPercent(0.0042)).toBe('0.4%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('writes rates and intervals', () => {
    expect(formatRate(0.8169, 'day')).toBe('0.817 per day');
    expect(formatInterval([42.05, 51.04])).toBe('42.1 to 51');
    expect(formatInterval(null)).toBe('no interval (one replication)');
  });
});
