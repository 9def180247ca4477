/**
 * Distributions of time, as a scenario writes them: service times and times between arrivals.
 *
 * They are parameterised the way lean coaches think, by a mean and its variability
 * (cv = standard deviation / mean), rather than by textbook rates and shapes. A bare number
 * is a constant time. Objects are strict, so a typo such as `meen` is an error instead of
 * a silently ignored field, and every message is written for a coach.
 *
 * Sampling lives in `engine/distributions.ts`; this file only says what a distribution is
 * and what its theoretical moments are (used for offered load and for checking the sampler).
 */
import { z } from 'zod';
import { exp, expm1 } from '../engine/math.ts';
import { erfc, logGamma } from '../engine/special.ts';
import {
  MAX_CV,
  MAX_EMPIRICAL_VALUES,
  MAX_ERLANG_K,
  MAX_TIME,
  MAX_WEIBULL_SHAPE,
  MIN_TIME,
  MIN_WEIBULL_SHAPE,
} from './limits.ts';

export const DISTRIBUTION_NAMES = [
  'constant',
  'exponential',
  'uniform',
  'triangular',
  'normal',
  'lognormal',
  'gamma',
  'erlang',
  'weibull',
  'empirical',
] as const;
export type DistributionName = (typeof DISTRIBUTION_NAMES)[number];

/**
 * What a distribution draws, for its messages: a time (service times, arrivals) or an amount
 * of money (an item's value). The rules are the same; a coach reads them in the right words.
 */
export interface Quantity {
  /** One of them, as in "a time must not be negative". */
  one: string;
  /** The noun alone, as in "almost every time is near 0". */
  noun: string;
  /** Several, as in "values must be a list of measured times". */
  many: string;
  /** What a bare number means. */
  bare: string;
  /** A distribution to give as an example. */
  example: string;
  /** What follows "must be at least/most N": the unit, and what to do about it. */
  belowMin: string;
  aboveMax: string;
}

const TIME: Quantity = {
  one: 'a time',
  noun: 'time',
  many: 'times',
  bare: 'a constant time',
  example: '{ "dist": "exponential", "mean": 2 }',
  belowMin: ` (a billionth of a time unit); for shorter times choose a smaller timeUnit`,
  aboveMax: ' time units; for longer times choose a larger timeUnit',
};

/** A number field whose messages, "missing" included, name the field and its rule. */
function numberField(name: string, rule: string) {
  return z.number({
    error: (issue) =>
      issue.input === undefined ? `${name} is required: ${rule}` : `${name} must be ${rule}`,
  });
}

/** A quantity that must be greater than 0: a mean, a scale. */
export function greaterThanZero(name: string, q: Quantity = TIME) {
  return numberField(name, 'a number greater than 0')
    .min(MIN_TIME, {
      error: (issue) =>
        (issue.input as number) > 0
          ? `${name} must be at least ${MIN_TIME}${q.belowMin}`
          : `${name} must be a number greater than 0`,
    })
    .max(MAX_TIME, { error: tooLarge(name, q) });
}

/** A quantity that may be 0: a constant, the ends of a range, a measured value. */
export function atLeastZero(name: string, q: Quantity = TIME) {
  return numberField(name, 'a number of at least 0')
    .min(0, { error: `${name} must be a number of at least 0` })
    .max(MAX_TIME, { error: tooLarge(name, q) });
}

function tooLarge(name: string, q: Quantity) {
  return `${name} must be at most ${MAX_TIME.toLocaleString('en')}${q.aboveMax}`;
}

/** A coefficient of variation, bounded above because a longer tail makes the mean a matter of luck. */
function variability(name: string, q: Quantity) {
  return numberField(name, `a number greater than 0 and at most ${MAX_CV}`)
    .positive({ error: `${name} must be a number greater than 0 (for no variability use a constant)` })
    .max(MAX_CV, {
      error: `${name} must be at most ${MAX_CV}: beyond that almost every ${q.noun} is near 0 and the mean rests on rare, enormous ones`,
    });
}

/** One strict object per kind, whose unknown-key message lists the keys this kind does take. */
function kind<const D extends DistributionName, S extends z.ZodRawShape>(
  dist: D,
  shape: S,
  description: string,
) {
  const takes = Object.keys(shape).join(', ');
  return z
    .strictObject(
      { dist: z.literal(dist), ...shape },
      {
        error: (issue) => {
          if (issue.code !== 'unrecognized_keys') return undefined;
          const keys = issue.keys.map((k) => `"${k}"`).join(', ');
          return `unknown key ${keys} for dist ${dist}, which takes ${takes} (check the spelling)`;
        },
      },
    )
    .describe(description);
}

/**
 * A bare number or one of the distribution objects, with messages in the words of `q`.
 *
 * When neither branch fits and the problem is not a simple range check (an unknown key, an
 * unknown `dist`, a missing or non-numeric field), zod reports one `invalid_union` issue for
 * the whole distribution. Its message is built here from what went wrong inside the object,
 * since "Invalid input" tells a coach nothing.
 */
export function distributionOf(q: Quantity) {
  const constant = kind('constant', { value: atLeastZero('value', q) }, 'Always exactly `value`.');

  const exponential = kind(
    'exponential',
    { mean: greaterThanZero('mean', q) },
    'Memoryless: independent arrivals (Poisson) or highly variable work; cv = 1.',
  );

  const uniform = kind(
    'uniform',
    { min: atLeastZero('min', q), max: atLeastZero('max', q) },
    'Any time between min and max, equally likely.',
  ).refine((d) => d.min <= d.max, { error: 'min must not exceed max', path: ['min'] });

  const triangular = kind(
    'triangular',
    { min: atLeastZero('min', q), mode: atLeastZero('mode', q), max: atLeastZero('max', q) },
    'A quick estimate: shortest, most likely and longest time.',
  ).superRefine((d, ctx) => {
    if (d.min > d.max) ctx.addIssue({ code: 'custom', path: ['min'], message: 'min must not exceed max' });
    else if (d.min === d.max)
      ctx.addIssue({
        code: 'custom',
        path: ['max'],
        message: `max must be greater than min (for a fixed ${q.noun} use a constant)`,
      });
    else if (d.mode < d.min || d.mode > d.max)
      ctx.addIssue({ code: 'custom', path: ['mode'], message: 'mode must lie between min and max' });
  });

  const normal = kind(
    'normal',
    { mean: atLeastZero('mean', q), sd: atLeastZero('sd', q) },
    'Bell curve around mean; times below 0 are redrawn, so with a large sd the actual mean is higher.',
  );

  const lognormal = kind(
    'lognormal',
    { mean: greaterThanZero('mean', q), cv: variability('cv', q) },
    'Right-skewed: most items are quick, a few take much longer. cv = sd / mean.',
  );

  const gamma = kind(
    'gamma',
    { mean: greaterThanZero('mean', q), cv: variability('cv', q) },
    'Right-skewed with any variability: cv < 1 is steadier than exponential, cv > 1 burstier.',
  );

  const erlang = kind(
    'erlang',
    {
      mean: greaterThanZero('mean', q),
      k: z
        .number({ error: 'k must be a whole number of at least 1' })
        .int({ error: 'k must be a whole number of at least 1' })
        .min(1, { error: 'k must be a whole number of at least 1' })
        .max(MAX_ERLANG_K, {
          error: `k must be at most ${MAX_ERLANG_K.toLocaleString('en')} (cv = 1 / sqrt(k) = 0.01); for a steadier ${q.noun} use a constant`,
        }),
    },
    'Work of k equal exponential phases: cv = 1 / sqrt(k).',
  );

  const weibull = kind(
    'weibull',
    {
      shape: numberField('shape', `a number from ${MIN_WEIBULL_SHAPE} to ${MAX_WEIBULL_SHAPE}`)
        .min(MIN_WEIBULL_SHAPE, {
          error: `shape must be at least ${MIN_WEIBULL_SHAPE}: below that the tail is so long that almost every ${q.noun} is near 0 and the mean rests on rare, enormous ones`,
        })
        .max(MAX_WEIBULL_SHAPE, {
          error: `shape must be at most ${MAX_WEIBULL_SHAPE}; for ${q.one} that hardly varies use a constant`,
        }),
      scale: greaterThanZero('scale', q),
    },
    'Reliability-style times: shape < 1 has a long tail, shape = 1 is exponential.',
  );

  const empirical = kind(
    'empirical',
    {
      values: z
        .array(atLeastZero('every value', q), { error: `values must be a list of measured ${q.many}` })
        .min(1, { error: `values must list at least one measured ${q.noun}` })
        .max(MAX_EMPIRICAL_VALUES, {
          error: `values must list at most ${MAX_EMPIRICAL_VALUES.toLocaleString('en')} measured ${q.many}`,
        }),
    },
    'Measured times, replayed by picking one at random each time.',
  );

  const distributionObject = z.discriminatedUnion(
    'dist',
    [constant, exponential, uniform, triangular, normal, lognormal, gamma, erlang, weibull, empirical],
    {
      error: (issue) =>
        issue.code === 'invalid_union' ? `dist must be one of ${DISTRIBUTION_NAMES.join(', ')}` : undefined,
    },
  );

  const bareNumber = z
    .number()
    .min(0, { error: `${q.one} must not be negative (a bare number means ${q.bare})` })
    .max(MAX_TIME, { error: tooLarge(q.one, q) })
    .describe('A constant time.');

  return z
    .union([bareNumber, distributionObject], {
      error: (issue) => {
        if (issue.code !== 'invalid_union') return undefined;
        const input = issue.input;
        const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
        const inner = isObject ? issue.errors[1] : undefined;
        if (!inner?.length) return `must be a number (${q.bare}) or a distribution such as ${q.example}`;
        return [...new Set(inner.map((i) => i.message))].join('; ');
      },
    })
    .describe('A time: a bare number for a constant, or an object with `dist` and its parameters.');
}

/** A time: a service time, a time between arrivals. */
export const distributionSchema = distributionOf(TIME);

export type Distribution = z.infer<typeof distributionSchema>;

/** Theoretical mean. For `normal` this is the mean after truncation at 0. */
export function distributionMean(d: Distribution): number {
  return moments(d).mean;
}

/** Theoretical variance. For `normal` this is the variance after truncation at 0. */
export function distributionVariance(d: Distribution): number {
  return moments(d).variance;
}

function moments(d: Distribution): { mean: number; variance: number } {
  if (typeof d === 'number') return { mean: d, variance: 0 };
  switch (d.dist) {
    case 'constant':
      return { mean: d.value, variance: 0 };
    case 'exponential':
      return { mean: d.mean, variance: d.mean * d.mean };
    case 'uniform':
      return { mean: (d.min + d.max) / 2, variance: (d.max - d.min) ** 2 / 12 };
    case 'triangular': {
      // Var = (a^2 + b^2 + c^2 - ab - ac - bc) / 18, written as a sum of squares so that
      // rounding cannot make it negative when min and max are nearly equal.
      const { min: a, mode: c, max: b } = d;
      return { mean: (a + b + c) / 3, variance: ((b - a) ** 2 + (c - a) ** 2 + (b - c) ** 2) / 36 };
    }
    case 'normal':
      return truncatedNormalMoments(d.mean, d.sd);
    case 'lognormal':
    case 'gamma':
      return { mean: d.mean, variance: (d.cv * d.mean) ** 2 };
    case 'erlang':
      return { mean: d.mean, variance: (d.mean * d.mean) / d.k };
    case 'weibull': {
      // E[X^n] = scale^n Gamma(1 + n / shape); the variance is written as a ratio so that
      // a huge Gamma gives Infinity rather than Infinity - Infinity = NaN, and clamped at 0
      // against rounding for a very large shape (almost constant times).
      const logG1 = logGamma(1 + 1 / d.shape);
      const logG2 = logGamma(1 + 2 / d.shape);
      const mean = d.scale * exp(logG1);
      return { mean, variance: mean * mean * Math.max(0, expm1(logG2 - 2 * logG1)) };
    }
    case 'empirical': {
      // Resampling the listed values uniformly: population moments (divide by n, not n - 1).
      const n = d.values.length;
      const mean = d.values.reduce((s, v) => s + v, 0) / n;
      return { mean, variance: d.values.reduce((s, v) => s + (v - mean) ** 2, 0) / n };
    }
  }
}

/**
 * Normal(mean, sd) conditioned on being >= 0. With alpha = -mean / sd, lambda = phi(alpha) / (1 - Phi(alpha)):
 * E = mean + sd lambda, Var = sd^2 (1 + alpha lambda - lambda^2) (Johnson, Kotz & Balakrishnan, ch. 13).
 * Since mean >= 0, 1 - Phi(alpha) >= 1/2, so nothing here loses precision.
 */
function truncatedNormalMoments(mean: number, sd: number): { mean: number; variance: number } {
  if (sd === 0) return { mean, variance: 0 };
  const alpha = -mean / sd;
  // Eight sd above 0, the truncation moves nothing a double can hold (Phi(-8) ~ 6e-16); and
  // for a vanishing sd, alpha * lambda would be -Infinity * 0 = NaN.
  if (alpha < -8) return { mean, variance: sd * sd };
  const density = exp(-0.5 * alpha * alpha) / Math.sqrt(2 * Math.PI);
  const lambda = density / (0.5 * erfc(alpha / Math.SQRT2));
  return { mean: mean + sd * lambda, variance: sd * sd * (1 + alpha * lambda - lambda * lambda) };
}

/** Short text for tables and tooltips, e.g. "exponential, mean 1.6". */
export function describeDistribution(d: Distribution): string {
  if (typeof d === 'number') return `constant ${d}`;
  switch (d.dist) {
    case 'constant':
      return `constant ${d.value}`;
    case 'exponential':
      return `exponential, mean ${d.mean}`;
    case 'uniform':
      return `uniform, ${d.min} to ${d.max}`;
    case 'triangular':
      return `triangular, min ${d.min}, mode ${d.mode}, max ${d.max}`;
    case 'normal':
      return `normal, mean ${d.mean}, sd ${d.sd}${d.sd > 0 ? ', redrawn below 0' : ''}`;
    case 'lognormal':
    case 'gamma':
      return `${d.dist}, mean ${d.mean}, cv ${d.cv}`;
    case 'erlang':
      return `erlang, mean ${d.mean}, k ${d.k}`;
    case 'weibull':
      return `weibull, shape ${d.shape}, scale ${d.scale} (mean ${rounded(distributionMean(d))})`;
    case 'empirical':
      return `empirical, ${d.values.length} value${d.values.length === 1 ? '' : 's'}, mean ${rounded(distributionMean(d))}`;
  }
}

/** Three significant digits, without trailing zeros or exponent noise for everyday sizes. */
function rounded(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/**
 * The same distribution with every time multiplied by `factor` (a mean, a scale, the ends of
 * a range), its shape and variability kept: what slowing down or speeding up arrivals means.
 */
export function scaleDistribution(d: Distribution, factor: number): Distribution {
  if (typeof d === 'number') return d * factor;
  switch (d.dist) {
    case 'constant':
      return { ...d, value: d.value * factor };
    case 'exponential':
    case 'normal':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return d.dist === 'normal'
        ? { ...d, mean: d.mean * factor, sd: d.sd * factor }
        : { ...d, mean: d.mean * factor };
    case 'uniform':
      return { ...d, min: d.min * factor, max: d.max * factor };
    case 'triangular':
      return { ...d, min: d.min * factor, mode: d.mode * factor, max: d.max * factor };
    case 'weibull':
      return { ...d, scale: d.scale * factor };
    case 'empirical':
      return { ...d, values: d.values.map((v) => v * factor) };
  }
}
