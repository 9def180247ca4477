import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeSampler } from '../../src/engine/distributions.ts';
import { randomStream } from '../../src/engine/random.ts';
import {
  type Distribution,
  distributionMean,
  distributionSchema,
  distributionVariance,
} from '../../src/model/distribution.ts';
import {
  MAX_CV,
  MAX_ERLANG_K,
  MAX_TIME,
  MAX_WEIBULL_SHAPE,
  MIN_TIME,
  MIN_WEIBULL_SHAPE,
} from '../../src/model/limits.ts';

const N = 200_000;

/** Mean, variance and fourth central moment of n samples. */
function sampleMoments(d: Distribution, n = N, name = 'test') {
  const sample = makeSampler(d);
  const random = randomStream(42, name);
  const xs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i] = sample(random);
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (const x of xs) {
    const e = (x - mean) ** 2;
    m2 += e;
    m4 += e * e;
  }
  return { xs, mean, variance: m2 / n, m4: m4 / n };
}

// Each sample mean is checked against the theoretical mean within 4.5 standard errors,
// sqrt(var / n), and each sample variance within 4.5 standard errors of a sample variance,
// sqrt((mu4 - sigma^4) / n), with mu4 the sample fourth central moment. The seed is fixed, so
// the test is deterministic; at 4.5 sigma a false alarm (p ~ 7e-6 per check) across the
// few dozen checks here is negligible, while a wrong formula or sampler shows up clearly.
const cases: [string, Distribution][] = [
  ['a bare number', 2.5],
  ['constant', { dist: 'constant', value: 0.7 }],
  ['exponential, mean 1.6', { dist: 'exponential', mean: 1.6 }],
  ['exponential, mean 0.01', { dist: 'exponential', mean: 0.01 }],
  ['uniform 0..1', { dist: 'uniform', min: 0, max: 1 }],
  ['uniform 2..9', { dist: 'uniform', min: 2, max: 9 }],
  ['triangular, symmetric', { dist: 'triangular', min: 1, mode: 2, max: 3 }],
  ['triangular, skewed', { dist: 'triangular', min: 0.5, mode: 1, max: 8 }],
  ['triangular, mode at min', { dist: 'triangular', min: 0, mode: 0, max: 4 }],
  ['triangular, mode at max', { dist: 'triangular', min: 1, mode: 4, max: 4 }],
  ['normal, far from 0', { dist: 'normal', mean: 10, sd: 2 }],
  ['normal, truncated a little', { dist: 'normal', mean: 2, sd: 1 }],
  ['normal, truncated a lot', { dist: 'normal', mean: 1, sd: 3 }],
  ['normal, sd 0', { dist: 'normal', mean: 3, sd: 0 }],
  ['lognormal, cv 0.25', { dist: 'lognormal', mean: 4, cv: 0.25 }],
  ['lognormal, cv 1', { dist: 'lognormal', mean: 2, cv: 1 }],
  ['gamma, cv 0.5 (shape 4)', { dist: 'gamma', mean: 3, cv: 0.5 }],
  ['gamma, cv 1 (exponential)', { dist: 'gamma', mean: 3, cv: 1 }],
  ['gamma, cv 2 (shape 0.25, boosted)', { dist: 'gamma', mean: 1, cv: 2 }],
  ['gamma, cv 0.05 (shape 400)', { dist: 'gamma', mean: 10, cv: 0.05 }],
  ['erlang, k 1', { dist: 'erlang', mean: 2, k: 1 }],
  ['erlang, k 3', { dist: 'erlang', mean: 2, k: 3 }],
  ['erlang, k 500', { dist: 'erlang', mean: 5, k: 500 }],
  ['weibull, shape 0.7', { dist: 'weibull', shape: 0.7, scale: 2 }],
  ['weibull, shape 1.5', { dist: 'weibull', shape: 1.5, scale: 3 }],
  ['weibull, shape 4', { dist: 'weibull', shape: 4, scale: 1 }],
  ['empirical', { dist: 'empirical', values: [1, 2, 2, 3, 8, 0.5] }],
  ['empirical, one value', { dist: 'empirical', values: [4] }],
];

describe('sampled moments match the theoretical ones', () => {
  it.each(cases)('%s', (name, d) => {
    const { mean, variance, m4 } = sampleMoments(d, N, name);
    const mu = distributionMean(d);
    const sigma2 = distributionVariance(d);
    // Plus a little for floating-point rounding, which is all there is for a constant.
    const meanTolerance = 4.5 * Math.sqrt(sigma2 / N) + 1e-9 * mu;
    expect(Math.abs(mean - mu)).toBeLessThanOrEqual(meanTolerance);
    const varianceTolerance =
      4.5 * Math.sqrt(Math.max(0, m4 - sigma2 * sigma2) / N) + 1e-9 * (mu * mu + sigma2);
    expect(Math.abs(variance - sigma2)).toBeLessThanOrEqual(varianceTolerance);
  });
});

describe('distribution-specific facts', () => {
  it('uniform samples stay within [min, max)', () => {
    const { xs } = sampleMoments({ dist: 'uniform', min: 2, max: 9 }, 50_000);
    expect(xs.every((x) => x >= 2 && x < 9)).toBe(true);
  });

  it('triangular samples stay within [min, max] and pile up near the mode', () => {
    const { xs } = sampleMoments({ dist: 'triangular', min: 0.5, mode: 1, max: 8 }, 50_000);
    expect(xs.every((x) => x >= 0.5 && x <= 8)).toBe(true);
    // P(X <= mode) = (mode - min) / (max - min) = 1/15; 4.5 binomial standard errors.
    const p = 1 / 15;
    const below = xs.filter((x) => x <= 1).length / xs.length;
    expect(Math.abs(below - p)).toBeLessThan(4.5 * Math.sqrt((p * (1 - p)) / xs.length));
  });

  it('empirical only returns the listed values, each about equally often', () => {
    const values = [1, 2.5, 7, 40];
    const { xs } = sampleMoments({ dist: 'empirical', values }, 40_000);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual(values);
    // Each count is Binomial(n, 1/4): within 4.5 standard errors of n/4.
    for (const count of counts.values())
      expect(Math.abs(count - 10_000)).toBeLessThan(4.5 * Math.sqrt(7_500));
  });

  it('a constant is always exactly its value', () => {
    const { xs } = sampleMoments({ dist: 'constant', value: 0.3 }, 1_000);
    expect(new Set(xs)).toEqual(new Set([0.3]));
  });

  it('a normal far above 0 is (almost) never truncated, so its mean is the given mean', () => {
    expect(distributionMean({ dist: 'normal', mean: 10, sd: 1 })).toBeCloseTo(10, 12);
    expect(distributionVariance({ dist: 'normal', mean: 10, sd: 1 })).toBeCloseTo(1, 12);
  });

  it('a normal with a large sd relative to its mean has the truncated-normal mean, not the given one', () => {
    // Half-normal: E = sd sqrt(2/pi), Var = sd^2 (1 - 2/pi).
    const halfNormal: Distribution = { dist: 'normal', mean: 0, sd: 2 };
    expect(distributionMean(halfNormal)).toBeCloseTo(2 * Math.sqrt(2 / Math.PI), 6);
    expect(distributionVariance(halfNormal)).toBeCloseTo(4 * (1 - 2 / Math.PI), 6);
    // mean 1, sd 3: E = 1 + 3 phi(1/3) / Phi(1/3) = 2.79547..., Var = 3.98081... (computed with erf in double precision).
    const wide: Distribution = { dist: 'normal', mean: 1, sd: 3 };
    expect(distributionMean(wide)).toBeCloseTo(2.7954708343952186, 6);
    expect(distributionVariance(wide)).toBeCloseTo(3.980813648440919, 5);
    const { mean, xs } = sampleMoments(wide);
    expect(Math.abs(mean - 2.7954708343952186)).toBeLessThan(4.5 * Math.sqrt(3.980813648440919 / N));
    expect(xs.every((x) => x >= 0)).toBe(true);
  });

  it('weibull has mean scale * Gamma(1 + 1/shape)', () => {
    // Gamma(2) = 1, Gamma(3/2) = sqrt(pi)/2, Gamma(3) = 2.
    expect(distributionMean({ dist: 'weibull', shape: 1, scale: 3 })).toBeCloseTo(3, 12);
    expect(distributionMean({ dist: 'weibull', shape: 2, scale: 3 })).toBeCloseTo(
      (3 * Math.sqrt(Math.PI)) / 2,
      12,
    );
    expect(distributionMean({ dist: 'weibull', shape: 0.5, scale: 3 })).toBeCloseTo(6, 12);
    // shape 1 is the exponential: variance scale^2.
    expect(distributionVariance({ dist: 'weibull', shape: 1, scale: 3 })).toBeCloseTo(9, 10);
  });

  it('lognormal and gamma are parameterised by mean and cv', () => {
    expect(distributionVariance({ dist: 'lognormal', mean: 4, cv: 0.5 })).toBeCloseTo(4, 12);
    expect(distributionVariance({ dist: 'gamma', mean: 4, cv: 0.5 })).toBeCloseTo(4, 12);
    expect(distributionVariance({ dist: 'erlang', mean: 4, k: 4 })).toBeCloseTo(4, 12);
  });
});

describe('samplers are deterministic', () => {
  it('the same stream gives the same samples, even from a sampler used on another stream before', () => {
    const d: Distribution = { dist: 'lognormal', mean: 2, cv: 0.8 };
    const draw = (sample: (r: () => number) => number, n: number) => {
      const random = randomStream(7, 'service:a');
      return Array.from({ length: n }, () => sample(random));
    };
    const shared = makeSampler(d);
    // Leave a spare normal pending for another stream: it must not leak into the next one.
    shared(randomStream(1, 'other'));
    expect(draw(shared, 25)).toEqual(draw(makeSampler(d), 25));
  });
});

// Realistic parameter ranges: a coach's times are nowhere near 1e300.
const size = fc.double({ min: 1e-3, max: 1e4, noNaN: true });
const cv = fc.double({ min: 0.05, max: 5, noNaN: true });
const arbitraryDistribution: fc.Arbitrary<Distribution> = fc.oneof(
  fc.double({ min: 0, max: 1e4, noNaN: true }),
  size.map((value) => ({ dist: 'constant' as const, value })),
  size.map((mean) => ({ dist: 'exponential' as const, mean })),
  fc
    .tuple(size, size)
    .map(([a, b]) => ({ dist: 'uniform' as const, min: Math.min(a, b), max: Math.max(a, b) })),
  fc
    .tuple(size, size, fc.double({ min: 0, max: 1, noNaN: true }))
    .filter(([a, b]) => a !== b)
    .map(([a, b, t]) => {
      const [min, max] = [Math.min(a, b), Math.max(a, b)];
      return { dist: 'triangular' as const, min, mode: Math.min(max, min + t * (max - min)), max };
    }),
  fc.tuple(size, size).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
  fc.tuple(size, cv).map(([mean, cv]) => ({ dist: 'lognormal' as const, mean, cv })),
  fc.tuple(size, cv).map(([mean, cv]) => ({ dist: 'gamma' as const, mean, cv })),
  fc
    .tuple(size, fc.integer({ min: 1, max: 1000 }))
    .map(([mean, k]) => ({ dist: 'erlang' as const, mean, k })),
  fc
    .tuple(fc.double({ min: 0.25, max: 20, noNaN: true }), size)
    .map(([shape, scale]) => ({ dist: 'weibull' as const, shape, scale })),
  fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 20 }).map((values) => ({
    dist: 'empirical' as const,
    values,
  })),
);

describe('any valid distribution', () => {
  it('is accepted by the schema and has a finite, non-negative mean and variance', () => {
    fc.assert(
      fc.property(arbitraryDistribution, (d) => {
        expect(distributionSchema.safeParse(d).success).toBe(true);
        expect(Number.isFinite(distributionMean(d)) && distributionMean(d) >= 0).toBe(true);
        expect(Number.isFinite(distributionVariance(d)) && distributionVariance(d) >= 0).toBe(true);
      }),
    );
  });

  it('gives samples that are finite and never negative', () => {
    fc.assert(
      fc.property(arbitraryDistribution, fc.nat(), (d, seed) => {
        const sample = makeSampler(d);
        const random = randomStream(seed, 'property');
        for (let i = 0; i < 200; i++) {
          const x = sample(random);
          if (!(Number.isFinite(x) && x >= 0)) throw new Error(`sample ${x} from ${JSON.stringify(d)}`);
        }
      }),
    );
  });
});

// The whole space the schema allows (model/limits.ts), ends included: the sampler must give a
// usable time for every distribution a scenario can hold, not only for realistic ones.
const between = (min: number, max: number) =>
  fc.oneof(fc.constantFrom(min, max), fc.double({ min, max, noNaN: true }));
const anyTime = between(0, MAX_TIME);
const positiveTime = between(MIN_TIME, MAX_TIME);
// fast-check spreads doubles over every magnitude, down to the smallest subnormal.
const anyCv = fc.oneof(fc.constantFrom(5e-324, 1e-155, 1e-16, 1e-15, MAX_CV), between(5e-324, MAX_CV));
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const anyAllowedDistribution: fc.Arbitrary<Distribution> = fc.oneof(
  anyTime,
  anyTime.map((value) => ({ dist: 'constant' as const, value })),
  positiveTime.map((mean) => ({ dist: 'exponential' as const, mean })),
  fc.tuple(anyTime, anyTime).map((ab) => {
    const [min, max] = sorted(ab);
    return { dist: 'uniform' as const, min, max };
  }),
  fc
    .tuple(anyTime, anyTime, anyTime)
    .map(sorted)
    .filter(([min, , max]) => min < max)
    .chain(([min, mode, max]) =>
      fc.constantFrom(mode, min, max).map((m) => ({ dist: 'triangular' as const, min, mode: m, max })),
    ),
  fc.tuple(anyTime, anyTime).map(([mean, sd]) => ({ dist: 'normal' as const, mean, sd })),
  fc.tuple(positiveTime, anyCv).map(([mean, cv]) => ({ dist: 'lognormal' as const, mean, cv })),
  fc.tuple(positiveTime, anyCv).map(([mean, cv]) => ({ dist: 'gamma' as const, mean, cv })),
  fc
    .tuple(
      positiveTime,
      fc.oneof(fc.constantFrom(1, MAX_ERLANG_K), fc.integer({ min: 1, max: MAX_ERLANG_K })),
    )
    .map(([mean, k]) => ({ dist: 'erlang' as const, mean, k })),
  fc
    .tuple(between(MIN_WEIBULL_SHAPE, MAX_WEIBULL_SHAPE), positiveTime)
    .map(([shape, scale]) => ({ dist: 'weibull' as const, shape, scale })),
  fc.array(anyTime, { minLength: 1, maxLength: 8 }).map((values) => ({ dist: 'empirical' as const, values })),
);

describe('over the whole parameter space the schema allows', () => {
  it('every sample is a finite time of at least 0, and the mean and variance are finite', () => {
    fc.assert(
      fc.property(anyAllowedDistribution, fc.nat(), (d, seed) => {
        expect(distributionSchema.safeParse(d).success).toBe(true);
        const sample = makeSampler(d);
        const random = randomStream(seed, 'property');
        for (let i = 0; i < 100; i++) {
          const x = sample(random);
          if (!(Number.isFinite(x) && x >= 0)) throw new Error(`sample ${x} from ${JSON.stringify(d)}`);
        }
        expect(Number.isFinite(distributionMean(d)) && distributionMean(d) >= 0).toBe(true);
        expect(Number.isFinite(distributionVariance(d)) && distributionVariance(d) >= 0).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a triangular over a range so tiny that its square underflows stays within its range', () => {
    // (max - min)^2 is a subnormal with a few bits left: its root overshot the range, and a
    // triangular from 0 to 3.5e-162 gave negative times.
    const max = 3.693329979918643e-162;
    for (const mode of [0, max / 3, max]) {
      const sample = makeSampler({ dist: 'triangular', min: 0, mode, max });
      const random = randomStream(3, 'tiny triangular');
      for (let i = 0; i < 2_000; i++) {
        const x = sample(random);
        if (!(x >= 0 && x <= max)) throw new Error(`sample ${x} with mode ${mode}`);
      }
    }
  });

  it('a lognormal or gamma whose cv is too small to show in a double gives its mean', () => {
    for (const dist of ['lognormal', 'gamma'] as const)
      for (const cv of [1e-155, 1e-300, 5e-324]) {
        const sample = makeSampler({ dist, mean: 3, cv });
        const random = randomStream(1, 'tiny cv');
        expect(Array.from({ length: 20 }, () => sample(random))).toEqual(Array(20).fill(3));
      }
  });

  it('a gamma with a tiny cv still in range keeps varying, by about cv', () => {
    const { mean, variance } = sampleMoments({ dist: 'gamma', mean: 3, cv: 1e-6 }, 20_000);
    // sd 3e-6: the sample sd within 10% (a relative standard error of sd about 1 / sqrt(2n) = 0.5%).
    expect(Math.abs(mean - 3)).toBeLessThan(4.5 * (3e-6 / Math.sqrt(20_000)) + 1e-12);
    expect(Math.abs(Math.sqrt(variance) / 3e-6 - 1)).toBeLessThan(0.1);
  });
});
