import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DISTRIBUTION_NAMES,
  describeDistribution,
  distributionMean,
  distributionSchema,
  distributionVariance,
} from '../../src/model/distribution.ts';

/** The messages a coach would see for `input`, or [] if it is valid. */
function messages(input: unknown): string[] {
  const result = distributionSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe('distributionSchema accepts', () => {
  it.each([
    0,
    2.5,
    { dist: 'constant', value: 0 },
    { dist: 'exponential', mean: 1.6 },
    { dist: 'uniform', min: 1, max: 1 },
    { dist: 'triangular', min: 1, mode: 1, max: 4 },
    { dist: 'normal', mean: 0, sd: 2 },
    { dist: 'lognormal', mean: 3, cv: 0.5 },
    { dist: 'gamma', mean: 3, cv: 1.5 },
    { dist: 'erlang', mean: 3, k: 4 },
    { dist: 'weibull', shape: 1.5, scale: 2 },
    { dist: 'empirical', values: [0, 1.5, 3] },
  ])('%j', (input) => {
    expect(distributionSchema.parse(input)).toEqual(input);
  });
});

describe('distributionSchema explains what is wrong', () => {
  it('names the unknown key and the keys this kind takes', () => {
    expect(messages({ dist: 'exponential', meen: 2 })).toEqual([
      'mean is required: a number greater than 0; unknown key "meen" for dist exponential, which takes mean (check the spelling)',
    ]);
  });

  it('lists the valid names for an unknown dist', () => {
    const [message] = messages({ dist: 'poisson', mean: 2 });
    expect(message).toBe(`dist must be one of ${DISTRIBUTION_NAMES.join(', ')}`);
    expect(message).toContain('constant, exponential, uniform, triangular, normal, lognormal, gamma, erlang');
    expect(messages({ mean: 2 })).toEqual([message]);
  });

  it('rejects a mean that is not greater than 0, at that field', () => {
    const result = distributionSchema.safeParse({ dist: 'exponential', mean: -1 });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toMatchObject([
      { path: ['mean'], message: 'mean must be a number greater than 0' },
    ]);
    expect(messages({ dist: 'gamma', mean: 0, cv: 1 })).toEqual(['mean must be a number greater than 0']);
    expect(messages({ dist: 'exponential', mean: '2' })).toEqual(['mean must be a number greater than 0']);
  });

  it('rejects min above max', () => {
    expect(messages({ dist: 'uniform', min: 5, max: 2 })).toEqual(['min must not exceed max']);
    expect(messages({ dist: 'triangular', min: 5, mode: 3, max: 2 })).toEqual(['min must not exceed max']);
    expect(messages({ dist: 'triangular', min: 1, mode: 5, max: 2 })).toEqual([
      'mode must lie between min and max',
    ]);
    expect(messages({ dist: 'triangular', min: 2, mode: 2, max: 2 })[0]).toMatch(
      /max must be greater than min/,
    );
  });

  it('requires erlang k to be a whole number of at least 1', () => {
    expect(messages({ dist: 'erlang', mean: 2, k: 1.5 })).toEqual(['k must be a whole number of at least 1']);
    expect(messages({ dist: 'erlang', mean: 2, k: 0 })).toEqual(['k must be a whole number of at least 1']);
  });

  it('rejects negative times and empty measurements', () => {
    expect(messages(-1)).toEqual(['a time must not be negative (a bare number means a constant time)']);
    expect(messages({ dist: 'empirical', values: [] })).toEqual([
      'values must list at least one measured time',
    ]);
    expect(
      distributionSchema.safeParse({ dist: 'empirical', values: [1, -2, 3] }).error?.issues,
    ).toMatchObject([{ path: ['values', 1], message: 'every value must be a number of at least 0' }]);
    expect(messages({ dist: 'normal', mean: 1, sd: -1 })).toEqual(['sd must be a number of at least 0']);
  });

  it('bounds every time: at most a trillion units, and a time that must be positive at least a billionth', () => {
    expect(messages({ dist: 'exponential', mean: 1e-300 })).toEqual([
      'mean must be at least 1e-9 (a billionth of a time unit); for shorter times choose a smaller timeUnit',
    ]);
    expect(messages({ dist: 'exponential', mean: 1e300 })[0]).toMatch(
      /^mean must be at most 1,000,000,000,000 time units/,
    );
    expect(messages(1e13)[0]).toMatch(/^a time must be at most 1,000,000,000,000/);
    expect(messages({ dist: 'triangular', min: 0, mode: 1, max: 1.7e308 })[0]).toMatch(
      /^max must be at most/,
    );
    expect(messages({ dist: 'normal', mean: 1e308, sd: 1 })[0]).toMatch(/^mean must be at most/);
    expect(messages({ dist: 'weibull', shape: 1, scale: 1e-150 })[0]).toMatch(/^scale must be at least 1e-9/);
    // The bounds themselves are times a scenario may hold.
    for (const d of [
      { dist: 'exponential', mean: 1e-9 },
      { dist: 'exponential', mean: 1e12 },
      1e12,
      0,
      { dist: 'uniform', min: 0, max: 1e12 },
    ])
      expect(distributionSchema.safeParse(d).success).toBe(true);
  });

  it('bounds the variability that would let a rare enormous time carry the mean (cv, Weibull shape)', () => {
    for (const dist of ['lognormal', 'gamma'])
      expect(messages({ dist, mean: 1, cv: 1e100 })).toEqual([
        'cv must be at most 10: beyond that almost every time is near 0 and the mean rests on rare, enormous ones',
      ]);
    expect(distributionSchema.safeParse({ dist: 'gamma', mean: 1, cv: 10 }).success).toBe(true);
    // A cv too small to matter is allowed: the sampler treats it as the constant it is.
    expect(distributionSchema.safeParse({ dist: 'gamma', mean: 1, cv: 1e-155 }).success).toBe(true);
    expect(messages({ dist: 'weibull', shape: 0.01, scale: 1 })[0]).toMatch(
      /^shape must be at least 0.25: below that/,
    );
    expect(messages({ dist: 'weibull', shape: 5000, scale: 1 })[0]).toMatch(/^shape must be at most 1000/);
    expect(distributionSchema.safeParse({ dist: 'weibull', shape: 0.25, scale: 1 }).success).toBe(true);
  });

  it('bounds erlang k and the number of measured values', () => {
    expect(messages({ dist: 'erlang', mean: 1, k: 2 ** 40 })[0]).toMatch(/^k must be at most 10,000/);
    expect(messages({ dist: 'empirical', values: new Array(100_001).fill(1) })).toEqual([
      'values must list at most 100,000 measured times',
    ]);
  });

  it('says what a distribution looks like when given something else entirely', () => {
    for (const input of ['2', null, [1, 2], true])
      expect(messages(input)).toEqual([
        'must be a number (a constant time) or a distribution such as { "dist": "exponential", "mean": 2 }',
      ]);
  });

  it('never throws for arbitrary JSON or values: it parses or returns issues with messages', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything()), (input) => {
        const result = distributionSchema.safeParse(input);
        if (result.success) return;
        expect(result.error).toBeInstanceOf(z.ZodError);
        for (const issue of result.error.issues) expect(issue.message.length).toBeGreaterThan(0);
      }),
    );
  });

  it('never throws for objects that look almost like distributions', () => {
    const field = fc.constantFrom(
      'dist',
      'mean',
      'cv',
      'k',
      'min',
      'max',
      'mode',
      'sd',
      'value',
      'values',
      'meen',
    );
    const value = fc.oneof(
      fc.constantFrom(...DISTRIBUTION_NAMES),
      fc.double(),
      fc.array(fc.double()),
      fc.jsonValue(),
    );
    fc.assert(
      fc.property(fc.dictionary(field, value), (input) => {
        const result = distributionSchema.safeParse(input);
        if (!result.success)
          for (const issue of result.error.issues) expect(issue.message).not.toBe('Invalid input');
      }),
    );
  });
});

describe('describeDistribution', () => {
  it('gives short text a coach can read', () => {
    expect(describeDistribution({ dist: 'exponential', mean: 1.6 })).toBe('exponential, mean 1.6');
    expect(describeDistribution(3)).toBe('constant 3');
    expect(describeDistribution({ dist: 'gamma', mean: 2, cv: 0.5 })).toBe('gamma, mean 2, cv 0.5');
    expect(describeDistribution({ dist: 'weibull', shape: 2, scale: 1 })).toBe(
      'weibull, shape 2, scale 1 (mean 0.886)',
    );
    expect(describeDistribution({ dist: 'empirical', values: [1, 2, 4] })).toBe(
      'empirical, 3 values, mean 2.33',
    );
  });
});

describe('the moments of a normal truncated at 0', () => {
  it('are the untruncated ones when 0 is far below the mean, down to a vanishing sd', () => {
    expect(distributionVariance({ dist: 'normal', mean: 5, sd: 5e-324 })).toBe(5e-324 * 5e-324);
    expect(distributionMean({ dist: 'normal', mean: 5, sd: 1e-300 })).toBe(5);
    expect(distributionVariance({ dist: 'normal', mean: 10, sd: 1 })).toBe(1);
  });

  it('are finite and non-negative for any valid mean and sd', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (mean, sd) => {
          const d = { dist: 'normal' as const, mean, sd };
          expect(Number.isFinite(distributionMean(d))).toBe(true);
          expect(distributionVariance(d)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});
