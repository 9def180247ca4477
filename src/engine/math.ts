/**
 * Elementary functions that give the same bits in every JavaScript engine.
 *
 * `Math.log`, `Math.exp` and the trigonometric functions are not required to be correctly
 * rounded, and engines differ in the last bit: Chromium 156 and Node 20 disagree on about one
 * `Math.log` in twenty. A simulation feeds millions of them into its clock, so one last-bit
 * difference soon becomes a different run. flowlab promises the same result for the same
 * scenario and seed in Node and in the browser, so everything on the result path computes
 * these functions here, from `+ - * /` and `Math.sqrt` alone, which IEEE 754 defines exactly.
 *
 * The algorithms and their minimax coefficients are those of fdlibm (Sun Microsystems, 1993:
 * e_log.c, e_exp.c, s_log1p.c, k_sin.c, k_cos.c), which documents an error below 1 ulp for
 * each. The words of a double are read through one shared typed-array view (little-endian,
 * as on every platform JavaScript runs on), so no call allocates.
 */

const word = new Float64Array(1);
const half = new Uint32Array(word.buffer);
const HI = 1; // little-endian: the high word (sign, exponent, top of the mantissa) is second
const LO = 0;

// The constants below are fdlibm's, written in their shortest exact decimal form.
const TWO54 = 2 ** 54;
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

// ln(1 + f) = 2s + s R(s^2), s = f / (2 + f): R's minimax coefficients on [0, 0.1716].
const L1 = 0.6666666666666735;
const L2 = 0.3999999999940942;
const L3 = 0.2857142874366239;
const L4 = 0.22222198432149784;
const L5 = 0.1818357216161805;
const L6 = 0.15313837699209373;
const L7 = 0.14798198605116586;

/** Natural logarithm. */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  word[0] = x;
  let hx = half[HI] | 0;
  let k = 0;
  if (hx < 0x00100000) {
    // Subnormal: scale into the normal range first.
    k = -54;
    word[0] = x * TWO54;
    hx = half[HI] | 0;
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  // Normalise to x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2).
  const i = (hx + 0x95f64) & 0x100000;
  half[HI] = hx | (i ^ 0x3ff00000);
  k += i >> 20;
  const f = word[0] - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // |f| < 2^-20: two terms of the series suffice.
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - (1 / 3) * f);
    return k === 0 ? f - r : k * LN2_HI - (r - k * LN2_LO - f);
  }
  return k * LN2_HI + logOnePlus(f, hx, k * LN2_LO);
}

/** ln(1 + f) - k ln2_hi for the reduced f, with `tail` = k ln2_lo folded in. */
function logOnePlus(f: number, hx: number, tail: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (L2 + w * (L4 + w * L6));
  const t2 = z * (L1 + w * (L3 + w * (L5 + w * L7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    return f - (hfsq - (s * (hfsq + r) + tail));
  }
  return f - (s * (f - r) - tail);
}

/** ln(1 + x), accurate for x near 0. */
export function log1p(x: number): number {
  word[0] = x;
  const hx = half[HI] | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // x < sqrt(2) - 1 (every negative x too: the high word is read signed).
    if (ax >= 0x3ff00000) return x === -1 ? Number.NEGATIVE_INFINITY : Number.NaN;
    if (ax < 0x3e200000) return ax < 0x3c900000 ? x : x - x * x * 0.5; // |x| < 2^-29
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // 1 - sqrt(2)/2 < x < sqrt(2) - 1: 1 + x is already in range, f = x exactly.
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // +Infinity, NaN
  if (k !== 0) {
    let u = x;
    if (hx < 0x43400000) {
      // 1 + x rounded loses the low bits of x; c / u puts them back.
      u = 1 + x;
      word[0] = u;
      k = ((half[HI] | 0) >> 20) - 1023;
      c = (k > 0 ? 1 - (u - x) : x - (u - 1)) / u;
    } else {
      word[0] = u;
      k = ((half[HI] | 0) >> 20) - 1023;
    }
    hu = (half[HI] | 0) & 0x000fffff;
    if (hu < 0x6a09e) half[HI] = hu | 0x3ff00000;
    else {
      k += 1;
      half[HI] = hu | 0x3fe00000;
      hu = (0x00100000 - hu) >> 2;
    }
    f = word[0] - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20.
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + (c + k * LN2_LO);
    const r = hfsq * (1 - (2 / 3) * f);
    return k === 0 ? f - r : k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (L1 + z * (L2 + z * (L3 + z * (L4 + z * (L5 + z * (L6 + z * L7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

// exp(r) on |r| <= ln2/2 through R(r^2) = r (e^r + 1) / (e^r - 1), minimax coefficients.
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;
const INV_LN2 = Math.LOG2E; // 1 / ln 2: fdlibm's invln2, to the bit
const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019411;
const TWO_M1000 = 9.332636185032189e-302;

/** e^x. */
export function exp(x: number): number {
  word[0] = x;
  const hx = (half[HI] | 0) & 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| >= 709.78: overflow, underflow, Infinity or NaN.
    if (Number.isNaN(x)) return x;
    if (x > OVERFLOW) return Number.POSITIVE_INFINITY;
    if (x < UNDERFLOW) return 0;
  }
  // x = k ln2 + r, |r| <= ln2 / 2, with ln2 in two parts so that k ln2_hi is exact.
  let k = 0;
  let hi = x;
  let lo = 0;
  if (hx > 0x3fd62e42) {
    k = hx < 0x3ff0a2b2 ? (x > 0 ? 1 : -1) : (INV_LN2 * x + (x > 0 ? 0.5 : -0.5)) | 0;
    hi = x - k * LN2_HI;
    lo = k * LN2_LO;
  } else if (hx < 0x3e300000) return 1 + x; // |x| < 2^-28
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  // y * 2^k, by adding k to the exponent (in two steps deep in the subnormal range).
  word[0] = y;
  if (k >= -1021) {
    half[HI] += k << 20;
    return word[0];
  }
  half[HI] += (k + 1000) << 20;
  return word[0] * TWO_M1000;
}

/** x^y for x > 0, as e^(y ln x): within a few ulp, the same everywhere. */
export function pow(x: number, y: number): number {
  if (x === 1 || y === 0) return 1;
  if (x === 0) return y > 0 ? 0 : Number.POSITIVE_INFINITY;
  return exp(y * log(x));
}

// sin and cos on |x| <= pi/4 as odd and even minimax polynomials.
const S1 = -0.16666666666666632;
const S2 = 0.00833333333332249;
const S3 = -0.0001984126982985795;
const S4 = 2.7557313707070068e-6;
const S5 = -2.5050760253406863e-8;
const S6 = 1.58969099521155e-10;
const C1 = 0.0416666666666666;
const C2 = -0.001388888888887411;
const C3 = 2.480158728947673e-5;
const C4 = -2.7557314351390663e-7;
const C5 = 2.087572321298175e-9;
const C6 = -1.1359647557788195e-11;
const PIO2_HI = 1.5707963267948966;
const PIO2_LO = 6.123233995736766e-17;

/** sin(x + y) for |x| <= pi/4, y a tail of x below its last bit. */
function sinKernel(x: number, y: number): number {
  if (Math.abs(x) < 2 ** -27) return x; // the polynomial's terms are below x's last bit
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return y === 0 ? x + v * (S1 + z * r) : x - (z * (0.5 * y - v * r) - y - v * S1);
}

/** cos(x + y) for |x| <= pi/4. */
function cosKernel(x: number, y: number): number {
  word[0] = x;
  const ix = (half[HI] | 0) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 - qx and 0.5 z - qx are exact: subtracting qx first keeps the rounding small.
  let qx: number;
  if (ix > 0x3fe90000)
    qx = 0.28125; // |x| > 0.78125
  else {
    half[HI] = ix - 0x00200000; // |x| / 4, its low word dropped
    half[LO] = 0;
    qx = word[0];
  }
  return 1 - qx - (0.5 * z - qx - (z * r - x * y));
}

/** cot(pi q) for 0 < q < 1/2: the upper q quantile of the Cauchy (Student's t with 1 df). */
export function cotPi(q: number): number {
  const theta = Math.PI * q;
  if (theta <= Math.PI / 4) return cosKernel(theta, 0) / sinKernel(theta, 0);
  // cot(theta) = tan(pi/2 - theta); pi/2 - theta is formed exactly, with pi/2's tail.
  const hi = PIO2_HI - theta;
  return sinKernel(hi, PIO2_LO) / cosKernel(hi, PIO2_LO);
}
