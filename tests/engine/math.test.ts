/**
 * The engine's own elementary functions agree with the platform's to within an ulp or two
 * (both aim at < 1 ulp, so they differ by at most 2), and get the special cases right.
 * Unlike the platform's, they give the same bits everywhere: the browser test checks that
 * whole results match Node's byte for byte.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cotPi, exp, log, log1p, pow } from '../../src/engine/math.ts';

const bits = new BigInt64Array(1);
const view = new Float64Array(bits.buffer);
/** Doubles between a and b (same sign), the distance that counts rounding errors. */
function ulps(a: number, b: number): number {
  if (Object.is(a, b)) return 0;
  view[0] = a;
  const x = bits[0];
  view[0] = b;
  const y = bits[0];
  return Number(x > y ? x - y : y - x);
}

const positive = fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true });

describe('log', () => {
  it('is within 2 ulp of Math.log over all positive doubles, subnormals included', () => {
    fc.assert(
      fc.property(positive, (x) => ulps(log(x), Math.log(x)) <= 2),
      { numRuns: 20_000 },
    );
  });

  it('is within 2 ulp on the uniforms the samplers take logs of', () => {
    for (let i = 1; i < 100_000; i++) {
      const u = i / 100_000 + 1e-7 * Math.sin(i);
      expect(ulps(log(u), Math.log(u))).toBeLessThanOrEqual(2);
    }
  });

  it('has the special values of the logarithm', () => {
    expect(log(1)).toBe(0);
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Math.E)).toBeCloseTo(1, 15);
    expect(log(2 ** -1074)).toBe(-744.4400719213812);
  });
});

describe('log1p', () => {
  it('is within 2 ulp of Math.log1p from -1 up', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 1e300, noNaN: true, minExcluded: true }),
        (x) => ulps(log1p(x), Math.log1p(x)) <= 2,
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.double({ min: -1e-3, max: 1e-3, noNaN: true }),
        (x) => ulps(log1p(x), Math.log1p(x)) <= 2,
      ),
    );
  });

  it('has its special values', () => {
    expect(log1p(0)).toBe(0);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-2)).toBeNaN();
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe('exp', () => {
  it('is within 2 ulp of Math.exp wherever the result is a normal double', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709.7, noNaN: true }), (x) => ulps(exp(x), Math.exp(x)) <= 2),
      { numRuns: 20_000 },
    );
  });

  it('overflows, underflows and passes NaN through like Math.exp', () => {
    expect(exp(0)).toBe(1);
    // fdlibm (and Java's StrictMath) give e^1 one ulp above Math.E.
    expect(exp(1)).toBeGreaterThan(Math.E);
    expect(ulps(exp(1), Math.E)).toBe(1);
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(Number.NaN)).toBeNaN();
    expect(ulps(exp(-740), Math.exp(-740))).toBeLessThanOrEqual(2);
  });
});

describe('pow', () => {
  it('is e^(y ln x), within a few ulp of Math.pow for the exponents samplers use', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-12, max: 1e6, noNaN: true }),
        fc.double({ min: 0.05, max: 20, noNaN: true }),
        (x, y) => Math.abs(pow(x, y) / x ** y - 1) < 1e-12,
      ),
    );
    expect(pow(1, 7)).toBe(1);
    expect(pow(5, 0)).toBe(1);
    expect(pow(0, 2)).toBe(0);
  });
});

describe('cotPi', () => {
  it('is the Cauchy quantile cot(pi q), within 2 ulp of the platform’s 1 / tan', () => {
    for (let i = 1; i < 10_000; i++) {
      const q = i / 20_000;
      expect(ulps(cotPi(q), 1 / Math.tan(Math.PI * q))).toBeLessThanOrEqual(3);
    }
    // t(0.975, 1 df) from the tables.
    expect(cotPi(0.025)).toBeCloseTo(12.706204736174698, 12);
  });
});
