import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionVariance } from '../../src/model/distribution.ts';
import { meanOf, withMean } from '../../web/viewmodel/distribution-scale.ts';

const distributions = fc.oneof(
  fc.double({ min: 0.01, max: 100, noNaN: true }),
  fc.record({ dist: fc.constant('exponential'), mean: fc.double({ min: 0.01, max: 100, noNaN: true }) }),
  fc.record({
    dist: fc.constant('lognormal'),
    mean: fc.double({ min: 0.01, max: 100, noNaN: true }),
    cv: fc.double({ min: 0.1, max: 3, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('gamma'),
    mean: fc.double({ min: 0.01, max: 100, noNaN: true }),
    cv: fc.double({ min: 0.1, max: 3, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('erlang'),
    mean: fc.double({ min: 0.01, max: 100, noNaN: true }),
    k: fc.integer({ min: 1, max: 9 }),
  }),
  fc.record({
    dist: fc.constant('uniform'),
    min: fc.double({ min: 0.01, max: 10, noNaN: true }),
    max: fc.double({ min: 10, max: 20, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('triangular'),
    min: fc.constant(1),
    mode: fc.constant(2),
    max: fc.constant(5),
  }),
  fc.record({
    dist: fc.constant('normal'),
    mean: fc.double({ min: 1, max: 10, noNaN: true }),
    sd: fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 5, noNaN: true })),
  }),
  fc.record({
    dist: fc.constant('weibull'),
    shape: fc.double({ min: 0.5, max: 4, noNaN: true }),
    scale: fc.double({ min: 0.5, max: 10, noNaN: true }),
  }),
  fc.record({
    dist: fc.constant('empirical'),
    values: fc.array(fc.double({ min: 0.1, max: 10, noNaN: true }), { minLength: 1, maxLength: 6 }),
  }),
);

describe('setting the mean of a time distribution', () => {
  it('gives the mean asked for and keeps the variability (cv)', () => {
    fc.assert(
      fc.property(distributions, fc.double({ min: 0.05, max: 50, noNaN: true }), (d, mean) => {
        const scaled = withMean(d, mean);
        expect(meanOf(scaled)).toBeCloseTo(mean, 6);
        const cv = (x: unknown) => Math.sqrt(distributionVariance(x as never)) / meanOf(x);
        expect(cv(scaled)).toBeCloseTo(cv(d), 6);
      }),
    );
  });

  it('falls back to an exponential when there is no shape to scale', () => {
    expect(withMean({ dist: 'nonsense' }, 2)).toEqual({ dist: 'exponential', mean: 2 });
    expect(withMean(0, 2)).toBe(2);
  });
});
