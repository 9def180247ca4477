import { describe, expect, it } from 'vitest';
import { digamma, erfc, gammaP, logGamma, normalCdf, trigamma } from '../../src/engine/special.ts';

describe('logGamma', () => {
  it.each([
    [1, 0],
    [2, 0],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [1.5, Math.log(Math.sqrt(Math.PI) / 2)],
    [10, Math.log(362_880)],
    [0.1, 2.2527126517342055],
    [0.001, 6.907178885383854],
    [3.7, 1.4280723266653883],
    [100, 359.1342053695754],
    [171.5, 709.1431630309282],
  ])('ln Gamma(%d) = %d', (x, expected) => {
    expect(Math.abs(logGamma(x) - expected)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(expected)));
  });
});

describe('erfc and the normal CDF', () => {
  it("are within their fit's 1.2e-7 of the tabled values", () => {
    // Phi(z) to 10 digits (A&S table 26.1).
    const table: [number, number][] = [
      [-3, 0.0013498980316],
      [-1.96, 0.0249978951482],
      [0, 0.5],
      [1, 0.8413447460685],
      [2.5, 0.9937903346742],
    ];
    for (const [z, phi] of table) expect(Math.abs(normalCdf(z) - phi)).toBeLessThan(1.2e-7 * phi + 1e-12);
    expect(erfc(0)).toBeCloseTo(1, 7);
    expect(erfc(-1) + erfc(1)).toBeCloseTo(2, 12);
  });
});

describe('the incomplete gamma, digamma and trigamma', () => {
  it('P(1, x) is the exponential CDF 1 - e^-x, by the series and by the fraction', () => {
    for (const x of [0.1, 0.5, 1.9, 2.1, 5, 20]) expect(gammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 12);
    expect(gammaP(3, 0)).toBe(0);
  });

  it('digamma and trigamma take their known values, within what their series leave out', () => {
    // Both are shifted up to 6 and then summed as asymptotic series, whose first omitted terms
    // there are 691 / (32760 y^12) = 1e-11 (digamma) and 5 / (66 y^11) = 2.1e-10 (trigamma).
    const eulerGamma = 0.5772156649015329;
    expect(Math.abs(digamma(1) + eulerGamma)).toBeLessThan(2e-11);
    expect(Math.abs(digamma(0.5) + eulerGamma + 2 * Math.LN2)).toBeLessThan(2e-11);
    expect(Math.abs(trigamma(1) - Math.PI ** 2 / 6)).toBeLessThan(3e-10);
    expect(Math.abs(trigamma(0.5) - Math.PI ** 2 / 2)).toBeLessThan(3e-10);
  });
});
