import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RunningSummary } from '../../src/metrics/summary.ts';

function summarize(values: readonly number[]): RunningSummary {
  const summary = new RunningSummary();
  for (const v of values) summary.add(v);
  return summary;
}

describe('RunningSummary', () => {
  it('reports count, mean, sample variance, sd, min and max', () => {
    const s = summarize([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.variance).toBeCloseTo(32 / 7, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
  });

  it('keeps the variance exact where the sum-of-squares formula would cancel catastrophically', () => {
    // Classic example: a large offset with a small spread (variance 30).
    const s = summarize([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);
    expect(s.mean).toBe(1e9 + 10);
    expect(s.variance).toBe(30);
  });

  it('leaves statistics it cannot know undefined rather than inventing zeros', () => {
    const empty = new RunningSummary();
    expect(empty.mean).toBeNaN();
    expect(empty.min).toBeNaN();
    expect(empty.toJSON()).toEqual({ count: 0, mean: null, variance: null, sd: null, min: null, max: null });
    const one = summarize([3]);
    expect(one.mean).toBe(3);
    expect(one.variance).toBeNaN();
    expect(one.toJSON()).toEqual({ count: 1, mean: 3, variance: null, sd: null, min: 3, max: 3 });
  });

  it('gives a snapshot that survives JSON and merges like the original', () => {
    const a = summarize([1, 2, 3, 10]);
    const copy = RunningSummary.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(copy.toJSON()).toEqual(a.toJSON());
    const merged = copy.merge(summarize([5, 6]));
    const direct = summarize([1, 2, 3, 10, 5, 6]);
    expect(merged.mean).toBeCloseTo(direct.mean, 12);
    expect(merged.variance).toBeCloseTo(direct.variance, 12);
  });

  it('merging with an empty summary changes nothing, in either direction', () => {
    const a = summarize([1, 5, 9]);
    expect(summarize([1, 5, 9]).merge(new RunningSummary()).toJSON()).toEqual(a.toJSON());
    expect(new RunningSummary().merge(a).toJSON()).toEqual(a.toJSON());
  });

  it('merge equals the summary of the concatenation (property)', () => {
    // Tolerance 1e-9, relative to the statistic or to the data's own magnitude (max |x| for the
    // mean, its square for the variance): when all values nearly coincide the variance is tiny
    // and any floating-point computation of it has an error of order eps * x^2.
    const value = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 60 }), fc.array(value, { maxLength: 60 }), (xs, ys) => {
        const merged = summarize(xs).merge(summarize(ys));
        const all = summarize([...xs, ...ys]);
        expect(merged.count).toBe(all.count);
        if (all.count === 0) return;
        const scale = Math.max(...xs.map(Math.abs), ...ys.map(Math.abs));
        expect(Math.abs(merged.mean - all.mean)).toBeLessThanOrEqual(
          1e-9 * Math.max(Math.abs(all.mean), scale),
        );
        if (all.count > 1) {
          // Values below ~1e-154 have squares in the subnormal range, where the two orders of
          // rounding differ by whole subnormal steps: allow that much absolutely.
          const tolerance = Math.max(1e-9 * Math.max(all.variance, scale * scale), 1e-300);
          expect(Math.abs(merged.variance - all.variance)).toBeLessThanOrEqual(tolerance);
        }
        expect(merged.min).toBe(all.min);
        expect(merged.max).toBe(all.max);
      }),
    );
  });
});
