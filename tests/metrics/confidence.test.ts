import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ci95, meanOf, ratioCi95, sdOf, t975 } from '../../src/metrics/confidence.ts';
import { studentTQuantile } from './student-t.ts';

/** Relative error. */
function relative(got: number, expected: number): number {
  return Math.abs(got - expected) / Math.abs(expected);
}

/** Distance in units in the last place of the expected value. */
function ulps(got: number, expected: number): number {
  return Math.abs(got - expected) / (Number.EPSILON * 2 ** Math.floor(Math.log2(Math.abs(expected))));
}

describe('t975', () => {
  it('is the general t quantile at 0.975 for every replication count from 2 to 10,000', () => {
    // The general quantile (student-t.ts) aims at 1e-12; against 40-digit values over this
    // range it is within 2.2e-13 (its worst, at df = 8,577, is 1,955 ulp off), and t975
    // within 1 ulp. 5e-13 leaves that room and still catches a coefficient wrong in its 13th digit.
    let worst = 0;
    for (let df = 1; df < 10_000; df++)
      worst = Math.max(worst, relative(t975(df), studentTQuantile(0.975, df)));
    expect(worst).toBeLessThan(5e-13);
  });

  it('is the exact quantile to within an ulp, from the table and from the polynomial', () => {
    // 40-digit values (mpmath: the root of I_x(df/2, 1/2) / 2 = 0.025, x = df / (df + t^2)).
    const exact: [number, number][] = [
      [1, 12.706204736174705],
      [3, 3.1824463052837095],
      [9, 2.2621571627982053],
      [10, 2.228138851986275],
      [13, 2.1603686564627926],
      [30, 2.042272456301238],
      [60, 2.0002978220142604],
      [120, 1.979930405082441],
      [1_000, 1.9623390808264085],
      [9_999, 1.9602012636213577],
      [1_000_000, 1.959966356814107],
    ];
    for (const [df, t] of exact) expect(ulps(t975(df), t), `df ${df}`).toBeLessThanOrEqual(1);
  });

  it('approaches the normal quantile 1.959964 as the replications grow', () => {
    // 2^53 degrees of freedom are 2.4 / 2^53 = 2.6e-16 above the normal quantile: its own double or the next.
    expect(relative(t975(2 ** 53), 1.9599639845400543)).toBeLessThan(2.3e-16);
  });

  it('takes only a whole number of degrees of freedom, at least 1', () => {
    for (const df of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => t975(df)).toThrow(RangeError);
  });
});

describe('ci95', () => {
  it('is the mean plus or minus t(0.975, n - 1) standard errors', () => {
    const values = [10, 12, 9, 11, 13, 8, 10, 12, 11, 9];
    const [lo, hi] = ci95(values)!;
    const half = (2.2621572 * sdOf(values)) / Math.sqrt(10);
    expect(meanOf(values)).toBe(10.5);
    expect((lo + hi) / 2).toBeCloseTo(10.5, 12);
    expect(hi - lo).toBeCloseTo(2 * half, 6);
  });

  it('needs at least two replications', () => {
    expect(ci95([])).toBeNull();
    expect(ci95([4])).toBeNull();
    expect(ci95([4, 4])).toEqual([4, 4]);
  });

  it('uses the sample standard deviation (n - 1)', () => {
    expect(sdOf([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(sdOf([1])).toBeNaN();
  });
});

describe('ratioCi95', () => {
  it('gives the paired difference b - a and its interval, absolute and relative to mean(a)', () => {
    const a = [10, 12, 11, 13, 9];
    const b = [8, 10.5, 9, 11, 7.5]; // b is about 1.8 lower in every replication
    const result = ratioCi95(a, b);
    const differences = b.map((v, i) => v - a[i]);
    expect(result.diff).toBeCloseTo(meanOf(differences), 12);
    expect(result.ci95).toEqual(ci95(differences));
    expect(result.relative).toBeCloseTo(result.diff / 11, 12);
    // The relative interval is on the log of the ratio: it holds the relative difference,
    // and here, where the baseline is tight, it is close to the paired interval over mean(a).
    const [lo, hi] = result.ci95!;
    const [rlo, rhi] = result.relativeCi95!;
    expect(rlo).toBeLessThan(result.relative!);
    expect(rhi).toBeGreaterThan(result.relative!);
    expect(Math.abs(rlo - lo / 11)).toBeLessThan(0.03);
    expect(Math.abs(rhi - hi / 11)).toBeLessThan(0.03);
  });

  it('never says more than 100% lower, however noisy, when both means are positive', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0.01, max: 100, noNaN: true }),
            fc.double({ min: 0.01, max: 100, noNaN: true }),
          ),
          {
            minLength: 2,
            maxLength: 30,
          },
        ),
        (pairs) => {
          const r = ratioCi95(
            pairs.map(([x]) => x),
            pairs.map(([, y]) => y),
          );
          const [rlo, rhi] = r.relativeCi95!;
          expect(rlo).toBeGreaterThan(-1);
          expect(rlo).toBeLessThanOrEqual(r.relative! + 1e-12);
          expect(rhi).toBeGreaterThanOrEqual(r.relative! - 1e-12);
        },
      ),
    );
  });

  it('with the log-ratio interval, covers the true ratio about 95% of the time', () => {
    // 400 experiments of 10 pairs with a true ratio of 0.7 and shared noise; the count of
    // misses is Binomial(400, 0.05): mean 20, sd 4.4, so 6 to 36 holds with > 99.9%.
    let misses = 0;
    let state = 12345;
    const uniform = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state + 0.5) / 2147483648;
    };
    const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
    for (let e = 0; e < 400; e++) {
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < 10; i++) {
        const shared = normal();
        a.push(10 * (1 + 0.2 * shared + 0.05 * normal()));
        b.push(7 * (1 + 0.2 * shared + 0.05 * normal()));
      }
      const [rlo, rhi] = ratioCi95(a, b).relativeCi95!;
      if (rlo > -0.3 || rhi < -0.3) misses++;
    }
    expect(misses).toBeGreaterThanOrEqual(6);
    expect(misses).toBeLessThanOrEqual(36);
  });

  it('is much tighter than comparing independent means when both share the noise', () => {
    const noise = [5, -3, 8, -6, 1, 0, -4, 7];
    const a = noise.map((n) => 100 + n);
    const b = noise.map((n, i) => 90 + n + (i % 2 === 0 ? 0.5 : -0.5));
    const paired = ratioCi95(a, b).ci95!;
    const independentHalfWidth = (ci95(b)![1] - ci95(b)![0]) / 2;
    expect(paired[1] - paired[0]).toBeLessThan(independentHalfWidth / 5);
    expect(paired[0]).toBeLessThan(-10 + 1);
    expect(paired[1]).toBeGreaterThan(-10 - 1);
  });

  it('keeps the relative interval ordered when the baseline mean is negative', () => {
    const { relativeCi95 } = ratioCi95([-10, -11, -9], [-8, -10, -7]);
    expect(relativeCi95![0]).toBeLessThan(relativeCi95![1]);
  });

  it('has no relative difference when the baseline mean is zero, and no interval for one pair', () => {
    expect(ratioCi95([1, -1], [2, 0])).toMatchObject({ diff: 1, relative: null, relativeCi95: null });
    expect(ratioCi95([10], [12])).toEqual({ diff: 2, ci95: null, relative: 0.2, relativeCi95: null });
  });

  it('refuses unpaired inputs', () => {
    expect(() => ratioCi95([1, 2], [1])).toThrow(/as many values/);
    expect(() => ratioCi95([], [])).toThrow(/at least one pair/);
  });
});
