/**
 * Confidence intervals across replications: 95% t-intervals, for the mean of independent
 * replications and for the paired differences of a comparison.
 */
import { exp, log } from '../engine/math.ts';

/**
 * t(0.975, df), Student's t quantile that a 95% interval needs, for df = 1 to 9: the exact
 * quantiles rounded to the nearest double (computed to 40 digits by root-finding on the
 * regularized incomplete beta, P(T > t) = I_x(df/2, 1/2) / 2 with x = df / (df + t^2);
 * A&S 26.7.1). df = 1 is cot(pi / 40), df = 2 is 0.95 / sqrt(0.04875).
 */
const T975 = [
  Number.NaN,
  12.706204736174705,
  4.302652729749464,
  3.1824463052837095,
  2.7764451051977943,
  2.5705818356363155,
  2.44691185114497,
  2.3646242515927853,
  2.3060041352041667,
  2.2621571627982053,
];

/**
 * From df = 10 up, t(0.975, df) as a polynomial in 1/df, interpolated at 13 Chebyshev nodes
 * of [0, 1/10] in 40-digit arithmetic: within 2e-19 (relative) of the exact quantile there,
 * far below a double's rounding. Its constant term is the normal quantile z = 1.95996..., and
 * its next ones are those of the Cornish-Fisher expansion about z (A&S 26.7.5:
 * z (z^2 + 1) / 4, z (5 z^4 + 16 z^2 + 3) / 96, ...), as they must be.
 */
const T975_BY_INVERSE_DF = [
  1.9599639845400543, 2.372271230298563, 2.82249861573952, 2.5558496795230234, 1.589534052500534,
  0.7328981891680122, 0.6274865742050554, 0.12842407316156543, -1.7001521109068634, 1.632204280080157,
  18.799934930858, -74.37697967239058, 96.4158701558102,
];

/**
 * t(0.975, df) for a whole number of degrees of freedom df >= 1: the half-width of a 95%
 * interval in standard errors, within an ulp or two of the exact quantile
 * (tests/metrics/confidence.test.ts checks it against the general quantile for df up to 9,999).
 */
export function t975(df: number): number {
  if (!(Number.isInteger(df) && df >= 1))
    throw new RangeError(`degrees of freedom must be a whole number of at least 1, got ${df}`);
  if (df < T975.length) return T975[df];
  const x = 1 / df;
  let t = 0;
  for (let i = T975_BY_INVERSE_DF.length - 1; i >= 0; i--) t = t * x + T975_BY_INVERSE_DF[i];
  return t;
}

/** Arithmetic mean; NaN for no values. */
export function meanOf(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (n - 1), two-pass for accuracy; NaN below two values. */
export function sdOf(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  const mean = meanOf(values);
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  return Math.sqrt(ss / (n - 1));
}

/** 95% t-interval for the mean of independent replications; null below two values. */
export function ci95(values: readonly number[]): [number, number] | null {
  const n = values.length;
  if (n < 2) return null;
  const mean = meanOf(values);
  const half = (t975(n - 1) * sdOf(values)) / Math.sqrt(n);
  return [mean - half, mean + half];
}

export interface PairedComparison {
  /** Mean paired difference, mean(b - a). */
  diff: number;
  /** 95% t-interval of the mean paired difference; null below two pairs. */
  ci95: [number, number] | null;
  /** diff / mean(a); null when mean(a) is 0. */
  relative: number | null;
  /** ci95 divided by mean(a); null when ci95 or relative is null. */
  relativeCi95: [number, number] | null;
}

/**
 * Compares variant b against baseline a run with common random numbers: replication i of both
 * shares its random streams, so the paired differences b[i] - a[i] cancel most of the shared
 * noise and give a much tighter interval than comparing two independent means.
 *
 * The relative difference is mean(b) / mean(a) - 1. Where both means are positive (lead
 * times, throughputs), its interval comes from the log of the ratio by the delta method for
 * paired samples, var(log R) ~ (s_b^2 / m_b^2 - 2 s_ab / (m_a m_b) + s_a^2 / m_a^2) / n, so it
 * counts the uncertainty of the baseline too and can never say "more than 100% lower".
 * Otherwise it falls back to the paired interval divided by mean(a).
 */
export function ratioCi95(a: readonly number[], b: readonly number[]): PairedComparison {
  if (a.length !== b.length) {
    throw new Error(`paired comparison needs as many values in b (${b.length}) as in a (${a.length})`);
  }
  if (a.length === 0) throw new Error('paired comparison needs at least one pair');
  const differences = b.map((v, i) => v - a[i]);
  const diff = meanOf(differences);
  const interval = ci95(differences);
  const base = meanOf(a);
  if (base === 0) return { diff, ci95: interval, relative: null, relativeCi95: null };
  const relative = diff / base;
  if (!interval) return { diff, ci95: interval, relative, relativeCi95: null };
  const other = base + diff;
  if (base > 0 && other > 0) {
    return { diff, ci95: interval, relative, relativeCi95: logRatioInterval(a, b, base, other) };
  }
  const ends = [interval[0] / base, interval[1] / base];
  return { diff, ci95: interval, relative, relativeCi95: [Math.min(...ends), Math.max(...ends)] };
}

/** exp(log(m_b / m_a) -/+ t * se) - 1, the delta-method interval on the log of the ratio. */
function logRatioInterval(
  a: readonly number[],
  b: readonly number[],
  ma: number,
  mb: number,
): [number, number] {
  const n = a.length;
  let va = 0;
  let vb = 0;
  let cab = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    va += da * da;
    vb += db * db;
    cab += da * db;
  }
  const variance = (vb / (mb * mb) - (2 * cab) / (ma * mb) + va / (ma * ma)) / (n - 1);
  const se = Math.sqrt(Math.max(0, variance) / n);
  const half = t975(n - 1) * se;
  const logRatio = log(mb / ma);
  return [exp(logRatio - half) - 1, exp(logRatio + half) - 1];
}
