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
import { digamma, gammaP, normalCdf, trigamma } from '../engine/special.ts';
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
