/**
 * Student's t quantile for any p and df, the general one flowlab's intervals used before they
 * took t(0.975, df) from a table and a polynomial (src/metrics/confidence.ts). It stays here,
 * as a second, independent computation to check that one against, and for the validation
 * tests' wider intervals.
 *
 * It works from the exact distribution function: P(T > t) = I_x(df/2, 1/2) / 2 with
 * x = df / (df + t^2) (Abramowitz & Stegun 26.7.1 / 26.5.27), with the regularized incomplete
 * beta I_x from its continued fraction (DLMF 8.17.22, evaluated with the modified Lentz method
 * as in Numerical Recipes, 3rd ed., section 6.4). A safeguarded Newton iteration inverts it to
 * about 1e-12 relative, starting from the Cornish-Fisher expansion about the normal quantile
 * (A&S 26.7.5). For df above 1e5 that expansion alone is exact to double precision, and it
 * avoids the continued fraction's slow convergence for huge df.
 */
import { exp, log, log1p } from '../../src/engine/math.ts';

/** Newton is skipped above this df: the four-term expansion's error is O(df^-5). */
const EXPANSION_DF = 1e5;

/**
 * The p-quantile of Student's t distribution with df degrees of freedom (df > 0, need not be
 * whole; Infinity gives the normal quantile). Accurate to about 1e-12 relative.
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`t quantile p must be between 0 and 1, got ${p}`);
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be positive, got ${df}`);
  if (p === 0.5) return 0;
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  // Work with the smaller tail probability q so tiny tails keep their precision.
  const q = p < 0.5 ? p : 1 - p;
  const sign = p < 0.5 ? -1 : 1;
  return sign * upperTQuantile(q, df);
}

/** t > 0 with P(T > t) = q, for 0 < q < 1/2. */
function upperTQuantile(q: number, df: number): number {
  // Closed forms: Cauchy for df = 1, and P(T > t) = (1 - t / sqrt(2 + t^2)) / 2 for df = 2.
  if (df === 1) return 1 / Math.tan(Math.PI * q);
  if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  // -normalQuantile(q) rather than normalQuantile(1 - q): 1 - q would round away a tiny q.
  const expansion = cornishFisher(-normalQuantile(q), df);
  if (df > EXPANSION_DF) return expansion;
  // Newton on h(t) = ln P(T > t) - ln q keeps its accuracy deep in the tail; a bracket [lo, hi]
  // catches the steps that overshoot (small df, extreme q) and falls back to bisection.
  let lo = 0;
  let hi = Number.POSITIVE_INFINITY;
  let t = expansion > 0 ? expansion : 1;
  for (let i = 0; i < 200; i++) {
    const tail = tTail(t, df);
    if (tail > q) lo = t;
    else hi = t;
    let next = t + (tail * log(tail / q)) / tDensity(t, df);
    if (!(next > lo && next < hi)) next = hi === Number.POSITIVE_INFINITY ? 2 * t : (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-14 * t) return next;
    t = next;
  }
  return t;
}

/** A&S 26.7.5: t = z + g1/df + g2/df^2 + g3/df^3 + g4/df^4. */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/** P(T > t) for t >= 0, via I_x(df/2, 1/2) with x and 1 - x both formed without cancellation. */
function tTail(t: number, df: number): number {
  const t2 = t * t;
  const x = df / (df + t2);
  const y = t2 / (df + t2);
  const a = df / 2;
  // ln(x^a * y^(1/2) / B(a, 1/2)), with ln x = -log1p(t^2/df) exact for small t^2/df.
  const logFront = -a * log1p(t2 / df) + 0.5 * log(y) - logBeta(a, 0.5);
  // The fraction converges fast below x = (a + 1)/(a + b + 2); above, use I_x(a, b) = 1 - I_y(b, a).
  if (x < (a + 1) / (a + 2.5)) return (0.5 * exp(logFront) * betaFraction(a, 0.5, x)) / a;
  return 0.5 - exp(logFront) * betaFraction(0.5, a, y);
}

/** Density of Student's t: (1 + t^2/df)^(-(df+1)/2) / (sqrt(df) B(df/2, 1/2)). */
function tDensity(t: number, df: number): number {
  return exp(-((df + 1) / 2) * log1p((t * t) / df) - 0.5 * log(df) - logBeta(df / 2, 0.5));
}

/**
 * Continued fraction for I_x(a, b) (DLMF 8.17.22), by the modified Lentz method; converges
 * quickly for x < (a + 1) / (a + b + 2).
 */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    // Even step.
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    // Odd step.
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) <= Number.EPSILON) break;
  }
  return h;
}

/** Stirling series tail for ln Gamma(z), z >= 15 (DLMF 5.11.1); first omitted term < 3e-16. */
function stirlingTail(z: number): number {
  const w = 1 / (z * z);
  return (1 / 12 - w * (1 / 360 - w * (1 / 1260 - w * (1 / 1680 - w / 1188)))) / z;
}

/** ln Gamma(x) for x > 0: shift up to 15 with Gamma(x + 1) = x Gamma(x), then Stirling. */
function logGamma(x: number): number {
  let product = 1;
  while (x < 15) product *= x++;
  return (x - 0.5) * log(x) - x + 0.5 * log(2 * Math.PI) + stirlingTail(x) - log(product);
}

/**
 * ln B(a, b). When one argument is large, ln Gamma(big) - ln Gamma(big + small) is formed from
 * the Stirling series directly, since subtracting two huge logGammas would lose digits.
 */
function logBeta(a: number, b: number): number {
  const small = Math.min(a, b);
  const big = Math.max(a, b);
  if (big < 15) return logGamma(a) + logGamma(b) - logGamma(a + b);
  const sum = big + small;
  const ratio = -(big - 0.5) * log1p(small / big) - small * log(sum) + small;
  return logGamma(small) + ratio + stirlingTail(big) - stirlingTail(sum);
}

/**
 * Wichura's AS 241 coefficients (Applied Statistics 37(3), 1988), ascending powers; the
 * paper's 20-digit values written as the doubles they round to.
 */
const AS241_CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987,
  67265.7709270087, 33430.57558358813, 2509.0809287301227,
];
const AS241_CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271,
  28729.085735721943, 5226.495278852854,
];
const AS241_NEAR_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684,
  0.2417807251774506, 0.022723844989269184, 0.0007745450142783414,
];
const AS241_NEAR_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const AS241_FAR_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 0.000027115555687434876, 2.0103343992922881e-7,
];
const AS241_FAR_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133,
  0.000018463183175100548, 1.421511758316446e-7, 2.0442631033899397e-15,
];

/** Standard normal quantile by AS 241 (PPND16), accurate to about 1e-16, for 0 < p < 1. */
function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(AS241_CENTRAL_NUM, r)) / polynomial(AS241_CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-log(q < 0 ? p : 1 - p));
  const value =
    r <= 5
      ? polynomial(AS241_NEAR_NUM, r - 1.6) / polynomial(AS241_NEAR_DEN, r - 1.6)
      : polynomial(AS241_FAR_NUM, r - 5) / polynomial(AS241_FAR_DEN, r - 5);
  return q < 0 ? -value : value;
}

/** Horner evaluation of sum c[i] x^i. */
function polynomial(c: readonly number[], x: number): number {
  let value = 0;
  for (let i = c.length - 1; i >= 0; i--) value = value * x + c[i];
  return value;
}
