/**
 * Labels are placed before they are drawn, so that none covers another: percentile labels are
 * moved apart, an axis keeps only the ticks whose labels fit, and a long name is shrunk or cut.
 */
import { scaleLinear } from 'd3';
import { describe, expect, it } from 'vitest';
import { fitLabel, fittingTicks, spreadApart } from '../../web/charts/labels.ts';
import { textWidth } from '../../web/charts/theme.ts';

describe('labels moved apart', () => {
  it('leaves labels that are far enough apart where they are', () => {
    expect(spreadApart([10, 50, 90], 12, 0, 100)).toEqual([10, 50, 90]);
  });

  it('moves two labels a few pixels apart (p85 and p95) to a full gap, in the order given', () => {
    const [p95, p85] = spreadApart([40, 44], 12, 0, 100);
    expect(p85 - p95).toBe(12);
    expect(p95).toBe(40);
  });

  it('keeps them within their bounds, pushing back from the far edge', () => {
    expect(spreadApart([98, 99, 100], 10, 0, 100)).toEqual([80, 90, 100]);
    expect(spreadApart([-5, 0], 10, 5, 100)).toEqual([5, 15]);
  });
});

describe('the ticks of a narrow axis', () => {
  const size = 11;
  const gapsFit = (x: ReturnType<typeof scaleLinear>, ticks: number[], format: (v: number) => string) =>
    ticks.every(
      (t, i) =>
        i === 0 ||
        Number(x(t)) - Number(x(ticks[i - 1])) >=
          (textWidth(format(t), size) + textWidth(format(ticks[i - 1]), size)) / 2 + size,
    );

  it('keeps every tick d3 gives when the labels fit', () => {
    const x = scaleLinear().domain([0, 100]).range([0, 1000]);
    const { ticks } = fittingTicks(x, 5, size);
    expect(ticks).toEqual(x.ticks(5));
  });

  it('asks for fewer ticks until the labels no longer touch (percentages on a phone)', () => {
    const x = scaleLinear().domain([0, 1]).range([0, 150]);
    const format = (v: number) => `${Math.round(v * 100)}%`;
    const all = x.ticks(5);
    expect(gapsFit(x, all, format)).toBe(false);
    const { ticks } = fittingTicks(x, 5, size, format);
    expect(ticks.length).toBeGreaterThan(1);
    expect(ticks.length).toBeLessThan(all.length);
    expect(gapsFit(x, ticks, format)).toBe(true);
  });

  it('labels with d3’s precision for the ticks it kept', () => {
    const x = scaleLinear().domain([0, 1]).range([0, 60]);
    const { ticks, format } = fittingTicks(x, 10, size);
    expect(ticks.map(format)).toEqual(ticks.map(x.tickFormat(ticks.length - 1)));
  });
});

describe('a name fitted to its room', () => {
  it('is left alone when it fits', () => {
    expect(fitLabel('analysts', 200, 12)).toEqual({ text: 'analysts', size: 12 });
  });

  it('is drawn smaller when that is enough, but not below 80% of its size', () => {
    const room = textWidth('Token-ring pipeline', 11);
    expect(fitLabel('Token-ring pipeline', room, 12)).toEqual({ text: 'Token-ring pipeline', size: 11 });
  });

  it('is cut short with an ellipsis when even the smallest size is too wide', () => {
    const fitted = fitLabel('Dynamic value-stream network', 80, 12);
    expect(fitted.size).toBeCloseTo(9.6);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(textWidth(fitted.text, fitted.size)).toBeLessThanOrEqual(80);
  });
});
