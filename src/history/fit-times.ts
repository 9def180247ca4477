/**
 * Fitting a distribution to measured times (the time items spent in a stage): lognormal,
 * gamma and exponential by maximum likelihood, the one closest to the data by the
 * Kolmogorov-Smirnov distance chosen, and the measured times themselves (empirical) when
 * even that one is further from them than a sample of its own would be (95% level).
 *
 * Times read from dates without a time of day are whole days, each the rounding of a true
 * time: the distance then compares the data with the fitted times rounded the same way, so
 * a good fit is not refused for its staircase.
 */
import { exp, log } from '../engine/math.ts';
import type { Distribution } from '../model/distribution.ts';
import { MAX_CV, MIN_TIME } from '../model/limits.ts';

export interface TimeFit {
  /** What the scenario gets. */
  distribution: Distribution;
  /** The family chosen, or "empirical" when none fits. */
  family: 'lognormal' | 'gamma' | 'exponential' | 'empirical' | 'constant';
  /** Each candidate's Kolmogorov-Smirnov distance from the data, closest first. */
  candidates: { family: 'lognormal' | 'gamma' | 'exponential'; distance: number }[];
  /** Above this distance a family is refused: 1.36 / sqrt(n), the 95% point. */
  critical: number;
  n: number;
  mean: number;
  cv: number;
}

/** Measured times replayed as they are, at most this many (quantiles, evenly spaced, beyond). */
const MAX_REPLAYED = 2_000;

/** A whole day measured as 0 (in and out on one date) is taken as half a day. */
export const SAME_DAY = 0.5;

export function fitTimes(raw: readonly number[], wholeDays: boolean): TimeFit {
  const times = raw
    .map((t) => (wholeDays && t === 0 ? SAME_DAY : Math.max(t, MIN_TIME)))
    .sort((a, b) => a - b);
  const n = times.length;
  const mean = times.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? times.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const cv = Math.sqrt(variance) / mean;
  const critical = 1.36 / Math.sqrt(n);
  if (n < 2 || !(cv > 1e-9))
    return {
      distribution: { dist: 'constant', value: round(mean) },
      family: 'constant',
      candidates: [],
      critical,
      n,
      mean,
      cv: 0,
    };
  const logs = times.map(log);
  const mu = logs.reduce((s, x) => s + x, 0) / n;
  const sigma2 = logs.reduce((s, x) => s + (x - mu) ** 2, 0) / n;
  const sigma = Math.sqrt(sigma2);
  const shape = gammaShape(log(mean) - mu);
  const scale = mean / shape;
  const cdfs = {
    lognormal: (x: number) => (x <= 0 ? 0 : normalCdf((log(x) - mu) / sigma)),
    gamma: (x: number) => (x <= 0 ? 0 : gammaP(shape, x / scale)),
    exponential: (x: number) => (x <= 0 ? 0 : 1 - exp(-x / mean)),
  };
  const candidates = (['lognormal', 'gamma', 'exponential'] as const)
    .map((family) => ({ family, distance: ksDistance(times, cdfs[family], wholeDays) }))
    .sort((a, b) => a.distance - b.distance);
  const best = candidates[0];
  const lognormalCv = Math.sqrt(exp(sigma2) - 1);
  const usable = (c: number) => c > 0 && c <= MAX_CV;
  if (best.distance <= critical) {
    if (best.family === 'lognormal' && usable(lognormalCv))
      return {
        distribution: { dist: 'lognormal', mean: round(exp(mu + sigma2 / 2)), cv: round(lognormalCv) },
        family: 'lognormal',
        candidates,
        critical,
        n,
        mean,
        cv,
      };
    if (best.family === 'gamma' && usable(1 / Math.sqrt(shape)))
      return {
        distribution: { dist: 'gamma', mean: round(mean), cv: round(1 / Math.sqrt(shape)) },
        family: 'gamma',
        candidates,
        critical,
        n,
        mean,
        cv,
      };
    if (best.family === 'exponential')
      return {
        distribution: { dist: 'exponential', mean: round(mean) },
        family: 'exponential',
        candidates,
        critical,
        n,
        mean,
        cv,
      };
  }
  return {
    distribution: { dist: 'empirical', values: replayed(times) },
    family: 'empirical',
    candidates,
    critical,
    n,
    mean,
    cv,
  };
}

/** Four significant digits: what a coach reads, and far below the data's own noise. */
export function round(x: number): number {
  return Number(x.toPrecision(4));
}

function replayed(sorted: readonly number[]): number[] {
  const pick =
    sorted.length <= MAX_REPLAYED
      ? sorted
      : Array.from(
          { length: MAX_REPLAYED },
          (_, i) => sorted[Math.floor(((i + 0.5) * sorted.length) / MAX_REPLAYED)],
        );
  return pick.map((x) => Number(x.toFixed(4)));
}

/**
 * The largest gap between the data's step function and a CDF. For whole days, a day d
 * stands for the true times in [d - 0.5, d + 0.5), so the steps are compared with F there.
 */
export function ksDistance(sorted: readonly number[], cdf: (x: number) => number, wholeDays = false): number {
  const n = sorted.length;
  let d = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    while (j < n && sorted[j] === sorted[i]) j++;
    const x = sorted[i];
    const below = wholeDays ? cdf(x === SAME_DAY ? 0 : x - 0.5) : cdf(x);
    const upTo = wholeDays ? cdf(x === SAME_DAY ? 0.5 : x + 0.5) : cdf(x);
    d = Math.max(d, Math.abs(i / n - below), Math.abs(j / n - upTo));
    i = j;
  }
  return d;
}

/**
 * The gamma shape k of the maximum-likelihood fit, from s = ln(mean) - mean(ln x): Minka's
 * starting point ("Estimating a Gamma distribution", 2002), then Newton's method on
 * ln k - psi(k) = s, which converges in a few steps.
 */
function gammaShape(s: number): number {
  if (!(s > 1e-12)) return 1e12;
  let k = (3 - s + Math.sqrt((s - 3) ** 2 + 24 * s)) / (12 * s);
  for (let step = 0; step < 20; step++) {
    const next = k - (log(k) - digamma(k) - s) / (1 / k - trigamma(k));
    if (!(next > 0)) break;
    if (Math.abs(next - k) < 1e-10 * k) return next;
    k = next;
  }
  return k;
}

function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result -= 1 / y;
    y++;
  }
  const f = 1 / (y * y);
  return result + log(y) - 0.5 / y - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

function trigamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result += 1 / (y * y);
    y++;
  }
  const f = 1 / (y * y);
  return result + 1 / y + f / 2 + (f / y) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}

/** The standard normal CDF, from erfc (Numerical Recipes' erfcc: relative error below 1.2e-7). */
export function normalCdf(z: number): number {
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const erfc =
    t *
    exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 +
                            t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return 0.5 * (x >= 0 ? erfc : 2 - erfc);
}

/** ln Gamma(x), Lanczos' approximation (Numerical Recipes' gammln, error below 2e-10). */
function lnGamma(x: number): number {
  const c = [
    76.18009172947146, -86.50532032941678, 24.01409824083091, -1.231739572450155, 0.1208650973866179e-2,
    -0.5395239384953e-5,
  ];
  let y = x;
  const tmp = x + 5.5 - (x + 0.5) * log(x + 5.5);
  let ser = 1.000000000190015;
  for (const coefficient of c) ser += coefficient / ++y;
  return -tmp + log((2.5066282746310007 * ser) / x);
}

/** The regularised lower incomplete gamma P(a, x): its series below a + 1, else its continued fraction. */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = -x + a * log(x) - lnGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-14; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return Math.min(1, sum * exp(front));
  }
  // Lentz's method for the continued fraction of Q(a, x).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return Math.max(0, 1 - exp(front) * h);
}
