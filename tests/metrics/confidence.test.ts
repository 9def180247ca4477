import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ci95, meanOf, ratioCi95, sdOf, studentTQuantile } from '../../src/metrics/confidence.ts';

/** Relative error, the measure the t quantile promises (1e-6; the implementation aims at 1e-12). */
function relative(got: number, expected: number): number {
  return Math.abs(got - expected) / Math.abs(expected);
}

describe('studentTQuantile', () => {
  it('matches the published table values to 1e-6 relative', () => {
    // Tables give 7-8 significant digits, hence the 1e-7 tolerance on these.
    expect(relative(studentTQuantile(0.975, 1), 12.7062047)).toBeLessThan(1e-7);
    expect(relative(studentTQuantile(0.975, 9), 2.2621572)).toBeLessThan(1e-7);
    expect(relative(studentTQuantile(0.975, 29), 2.0452296)).toBeLessThan(1e-7);
    expect(relative(studentTQuantile(0.995, 4), 4.6040949)).toBeLessThan(1e-7);
    expect(relative(studentTQuantile(0.95, 120), 1.6576509)).toBeLessThan(1e-7);
  });

  it('approaches the normal quantile 1.959964 as degrees of freedom grow', () => {
    expect(relative(studentTQuantile(0.975, Number.POSITIVE_INFINITY), 1.959963985)).toBeLessThan(1e-9);
    expect(relative(studentTQuantile(0.975, 1e9), 1.959963985)).toBeLessThan(1e-8);
    // t(0.975, 1e6) is 1.9599663568 (mpmath), a hair above the normal quantile.
    expect(relative(studentTQuantile(0.975, 1e6), 1.9599663568)).toBeLessThan(1e-9);
  });

  it('agrees with high-precision values across degrees of freedom and deep tails', () => {
    // Reference values computed with mpmath at 30 digits (root of the exact incomplete-beta CDF).
    const cases: [number, number, number][] = [
      [0.975, 2, 4.302652729749462],
      [0.975, 3, 3.1824463052837086],
      [0.999, 3.5, 8.315567604516115],
      [1e-10, 5, -156.8255927088943],
      [1 - 1e-10, 30, 9.377489746079775],
      [0.6, 7, 0.2631668613520228],
      [0.975, 1e5, 1.9599877075346093],
    ];
    for (const [p, df, expected] of cases)
      expect(relative(studentTQuantile(p, df), expected)).toBeLessThan(1e-10);
  });

  it('is symmetric about zero', () => {
    for (const df of [1, 2, 3.7, 10, 500]) {
      expect(studentTQuantile(0.5, df)).toBe(0);
      expect(studentTQuantile(0.1, df)).toBeCloseTo(-studentTQuantile(0.9, df), 12);
    }
  });

  it('rejects probabilities outside [0, 1] and non-positive degrees of freedom', () => {
    expect(() => studentTQuantile(1.1, 5)).toThrow(RangeError);
    expect(() => studentTQuantile(0.5, 0)).toThrow(RangeError);
    expect(studentTQuantile(1, 5)).toBe(Number.POSITIVE_INFINITY);
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
