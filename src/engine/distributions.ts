/**
 * Compiling a distribution into a sampler for the run loop.
 *
 * A sampler is called for every arrival and every piece of work, millions of times a second,
 * so each distribution is compiled once into a small closure with its constants worked out
 * in advance, and a draw allocates nothing. Samples are never NaN and never negative.
 *
 * Uniforms are turned into times with `1 - random()`, which lies in (0, 1], so that a
 * logarithm of it is always finite.
 */
import type { Distribution } from '../model/distribution.ts';
import { exp, log, log1p, pow } from './math.ts';
import type { Random } from './random.ts';

/**
 * Below this cv a lognormal or gamma time is its mean: mean (1 + cv z) differs from the
 * mean by a few units in the last place of a double (which carries about 16 digits), while
 * the formulas break down on the way there (cv^2 underflows to 0 near cv 1e-154, and a
 * gamma's shape 1 / cv^2 becomes Infinity, its scale 0, and its draws NaN).
 */
const NEGLIGIBLE_CV = 1e-15;

/** Draws one time using the given stream. */
export type Sampler = (random: Random) => number;

export function makeSampler(d: Distribution): Sampler {
  if (typeof d === 'number') return constant(d);
  switch (d.dist) {
    case 'constant':
      return constant(d.value);
    case 'exponential':
      return exponential(d.mean);
    case 'uniform':
      return uniform(d.min, d.max);
    case 'triangular':
      return triangular(d.min, d.mode, d.max);
    case 'normal':
      return truncatedNormal(d.mean, d.sd);
    case 'lognormal':
      return d.cv < NEGLIGIBLE_CV ? constant(d.mean) : lognormal(d.mean, d.cv);
    case 'gamma': {
      if (d.cv < NEGLIGIBLE_CV) return constant(d.mean);
      const shape = 1 / (d.cv * d.cv);
      return gamma(shape, d.mean / shape);
    }
    case 'erlang':
      return gamma(d.k, d.mean / d.k);
    case 'weibull':
      return weibull(d.shape, d.scale);
    case 'empirical':
      return empirical(d.values);
  }
}

function constant(value: number): Sampler {
  return () => value;
}

/** Inverse CDF: -mean ln(1 - U). */
function exponential(mean: number): Sampler {
  const negMean = -mean;
  const sampler: Sampler = (random) => negMean * log(1 - random());
  exponentialMeans.set(sampler, mean);
  return sampler;
}

const exponentialMeans = new WeakMap<Sampler, number>();

/**
 * The mean of an exponential sampler made here, or undefined for any other sampler: its draw
 * is `-mean * log(1 - u)` for one uniform u, which lets a block of draws be made in one loop.
 */
export function exponentialMean(sampler: Sampler): number | undefined {
  return exponentialMeans.get(sampler);
}

function uniform(min: number, max: number): Sampler {
  const width = max - min;
  return (random) => min + width * random();
}

/**
 * Inverse CDF of the triangular distribution, split at the mode (where the CDF equals `split`).
 * Held within [min, max]: where the range is tiny (max 3.5e-162) its square underflows to a
 * subnormal with a few bits left, and the root of that can overshoot the range and go negative.
 */
function triangular(min: number, mode: number, max: number): Sampler {
  const split = (mode - min) / (max - min);
  const left = (max - min) * (mode - min);
  const right = (max - min) * (max - mode);
  return (random) => {
    const u = random();
    const x = u < split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
    return x < min ? min : x > max ? max : x;
  };
}

/** Normal(mean, sd) truncated at 0 by redrawing; mean >= 0, so at least half of all draws are kept. */
function truncatedNormal(mean: number, sd: number): Sampler {
  if (sd === 0) return constant(mean);
  const normal = standardNormal();
  return (random) => {
    let x: number;
    do x = mean + sd * normal(random);
    while (x < 0);
    return x;
  };
}

/** exp(mu + sigma Z) with sigma^2 = ln(1 + cv^2), mu = ln(mean) - sigma^2 / 2, so that E = mean and sd = cv mean. */
function lognormal(mean: number, cv: number): Sampler {
  const sigma2 = log1p(cv * cv);
  const mu = log(mean) - sigma2 / 2;
  const sigma = Math.sqrt(sigma2);
  const normal = standardNormal();
  return (random) => exp(mu + sigma * normal(random));
}

/**
 * Gamma(shape, scale) by Marsaglia & Tsang, "A simple method for generating gamma variables"
 * (ACM TOMS 26(3), 2000): a squeeze and a rejection test on a cubed normal, ~1.05 normals per draw
 * for any shape. For shape < 1 it samples Gamma(shape + 1) and multiplies by U^(1/shape) (their
 * section 6). Erlang is the whole-number case; shape 1 is the exponential, done directly.
 */
function gamma(shape: number, scale: number): Sampler {
  if (shape === 1) return exponential(scale);
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const dScale = d * scale;
  const invShape = 1 / shape;
  const normal = standardNormal();
  return (random) => {
    let v: number;
    for (;;) {
      const x = normal(random);
      v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = 1 - random();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) break;
      if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) break;
    }
    return boost ? dScale * v * pow(1 - random(), invShape) : dScale * v;
  };
}

/** Inverse CDF: scale (-ln(1 - U))^(1/shape). */
function weibull(shape: number, scale: number): Sampler {
  const invShape = 1 / shape;
  return (random) => scale * pow(-log(1 - random()), invShape);
}

/** One of the measured values, each equally likely. */
function empirical(values: readonly number[]): Sampler {
  const table = Float64Array.from(values);
  const n = table.length;
  return (random) => table[Math.floor(random() * n)];
}

/**
 * Standard normal draws by Marsaglia's polar method, which yields two per round. The second
 * is kept for the next call, but only if that call uses the same stream: samplers are shared
 * by every replication (and a node's capabilities may share a stream), and a spare carried
 * over into another stream would make that stream depend on what happened before it.
 */
function standardNormal(): Sampler {
  let spare = 0;
  let spareStream: Random | undefined;
  return (random) => {
    if (spareStream === random) {
      spareStream = undefined;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * random() - 1;
      v = 2 * random() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * log(s)) / s);
    spare = v * factor;
    spareStream = random;
    return u * factor;
  };
}
