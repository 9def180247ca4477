import { describe, expect, it } from 'vitest';
import { studentTQuantile } from './student-t.ts';

/** Relative error, the measure the t quantile promises (1e-6; the implementation aims at 1e-12). */
function relative(got: number, expected: number): number {
  return Math.abs(got - expected) / Math.abs(expected);
}

describe('the general t quantile', () => {
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
