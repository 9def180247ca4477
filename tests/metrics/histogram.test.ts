import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QuantileHistogram, quantileRank } from '../../src/metrics/histogram.ts';

function histogramOf(values: readonly number[]): QuantileHistogram {
  const h = new QuantileHistogram();
  for (const v of values) h.add(v);
  return h;
}

/** The exact order statistic the histogram promises to approximate. */
function exactQuantile(sorted: readonly number[], p: number): number {
  return sorted[quantileRank(p, sorted.length) - 1];
}

const PROMISED_RELATIVE_ERROR = 0.005;

describe('QuantileHistogram', () => {
  it('reports quantiles within 0.5% of the exact order statistic', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i + 1) * 0.37);
    const h = histogramOf(values);
    for (const p of [0, 0.01, 0.07, 0.25, 0.5, 0.85, 0.95, 0.99, 1]) {
      const exact = exactQuantile(values, p);
      expect(Math.abs(h.quantile(p) - exact) / exact).toBeLessThanOrEqual(PROMISED_RELATIVE_ERROR);
    }
  });

  it('reads p = 0.07 of 100 values as the 7th smallest, despite 0.07 * 100 > 7 in floating point', () => {
    expect(quantileRank(0.07, 100)).toBe(7);
    expect(quantileRank(0.5, 4)).toBe(2);
    expect(quantileRank(0, 10)).toBe(1);
    expect(quantileRank(1, 10)).toBe(10);
  });

  it('knows min, max and count exactly, and answers quantiles 0 and 1 with them', () => {
    const h = histogramOf([3.3, 0.5, 12.25, 7]);
    expect(h.count).toBe(4);
    expect(h.min).toBe(0.5);
    expect(h.max).toBe(12.25);
    expect(h.quantile(0)).toBe(0.5);
    expect(h.quantile(1)).toBe(12.25);
  });

  it('counts zeros separately, so a run of instant items still has sensible quantiles', () => {
    const h = histogramOf([0, 0, 0, 10]);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(0.75)).toBe(0);
    expect(h.quantile(1)).toBe(10);
  });

  it('has no quantiles when empty, and rejects negative or non-finite values', () => {
    const h = new QuantileHistogram();
    expect(h.quantile(0.5)).toBeNaN();
    expect(h.bins(10)).toEqual([]);
    expect(() => h.add(-1)).toThrow(RangeError);
    expect(() => h.add(Number.NaN)).toThrow(RangeError);
    expect(() => h.add(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => h.quantile(1.5)).toThrow(RangeError);
  });

  it('covers values up to 1e12 at the same accuracy', () => {
    const values = [1e-9, 1e-3, 1, 1e6, 9.99e11, 1e12];
    const h = histogramOf(values);
    values.forEach((v, i) => {
      const q = h.quantile((i + 1) / values.length);
      expect(Math.abs(q - v) / v).toBeLessThanOrEqual(PROMISED_RELATIVE_ERROR);
    });
  });

  it('draws at most maxBins equal-width bins from min to max that hold every observation', () => {
    const values = Array.from({ length: 500 }, (_, i) => 1 + (i % 50));
    const bins = histogramOf(values).bins(7);
    expect(bins).toHaveLength(7);
    expect(bins[0].from).toBe(1);
    expect(bins[6].to).toBe(50);
    expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(500);
    const width = bins[0].to - bins[0].from;
    for (const b of bins) expect(b.to - b.from).toBeCloseTo(width, 9);
    expect(histogramOf([4, 4, 4]).bins(10)).toEqual([{ from: 4, to: 4, count: 3 }]);
  });

  it('round-trips through compact JSON, so partial results can be merged in another process', () => {
    const h = histogramOf([0, 1.5, 1.5, 2, 40, 3e5]);
    const json = JSON.parse(JSON.stringify(h.toJSON()));
    expect(json.keys.length).toBe(4);
    const copy = QuantileHistogram.fromJSON(json);
    expect(copy.toJSON()).toEqual(h.toJSON());
    for (const p of [0, 0.3, 0.5, 0.9, 1]) expect(copy.quantile(p)).toBe(h.quantile(p));
    const empty = QuantileHistogram.fromJSON(JSON.parse(JSON.stringify(new QuantileHistogram().toJSON())));
    expect(empty.count).toBe(0);
  });

  it('refuses JSON that is inconsistent or from another bucket layout', () => {
    const json = histogramOf([1, 2, 3]).toJSON();
    expect(() => QuantileHistogram.fromJSON({ ...json, layout: 'octave/64' })).toThrow(/bucket layout/);
    expect(() => QuantileHistogram.fromJSON({ ...json, count: 4 })).toThrow(/add up/);
    expect(() => QuantileHistogram.fromJSON({ ...json, keys: [1e9, ...json.keys.slice(1)] })).toThrow(
      /range/,
    );
  });

  // Values in the covered range [1e-9, 1e12]; fast-check spreads doubles over all magnitudes.
  const covered = fc.double({ min: 1e-9, max: 1e12, noNaN: true });

  it('every quantile is within 0.5% of the exact sorted-array quantile (property)', () => {
    fc.assert(
      fc.property(
        fc.array(covered, { minLength: 1, maxLength: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          const h = histogramOf(xs);
          const sorted = [...xs].sort((a, b) => a - b);
          for (const q of [p, 0, 0.1, 0.5, 0.9, 0.99, 1]) {
            const exact = exactQuantile(sorted, q);
            expect(Math.abs(h.quantile(q) - exact) / exact).toBeLessThanOrEqual(PROMISED_RELATIVE_ERROR);
          }
        },
      ),
    );
  });

  it('merging equals adding all values to one histogram (property)', () => {
    const value = fc.oneof(covered, fc.constant(0), fc.double({ min: 0, max: 1e-9, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value), fc.array(value), (xs, ys) => {
        const merged = histogramOf(xs).merge(histogramOf(ys));
        expect(merged.toJSON()).toEqual(histogramOf([...xs, ...ys]).toJSON());
      }),
    );
  });
});
