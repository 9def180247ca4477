/**
 * Elementary functions that give the same bits in every JavaScript engine.
 *
 * `Math.log`, `Math.exp` and the trigonometric functions are not required to be correctly
 * rounded, and engines differ in the last bit (below). A simulation feeds millions of them
 * into its clock, so one last-bit difference soon becomes a different run. flowlab promises
 * the same result for the same scenario and seed in Node and in the browser, so everything on
 * the result path computes these functions here, from `+ - * /` and `Math.sqrt` alone, which
 * IEEE 754 defines exactly.
 *
 * Measured on a million inputs each, Chromium 156 and Node 20 give different bits for about
 * 7% of logarithms, 10% of exponentials and powers, 3% of sines and cosines and 0.03% of
 * log1p; `Math.sqrt`, `x ** 2` and `Math.hypot` agree everywhere.
 *
 * The algorithms and their minimax coefficients are those of fdlibm 5.3 (e_log.c, e_exp.c,
 * s_log1p.c, e_pow.c), which documents an error below 1 ulp for each. Node
 * 20's V8 computes log, exp and log1p by the same algorithms, so there those equal `Math.*`
 * bit for bit; its pow is another sub-ulp algorithm, 1 ulp away for about 4% of inputs. The
 * words of a double are read through one shared typed-array view (little-endian, as on every
 * platform JavaScript runs on), so no call allocates; the histogram reads a double's exponent
 * through the same view (`highWord`, `powerOfTwo`). fdlibm's notice, which its licence asks
 * to be kept with the code derived from it:
 *
 *   Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *   Developed at SunSoft, a Sun Microsystems, Inc. business.
 *   Permission to use, copy, modify, and distribute this software is freely granted,
 *   provided that this notice is preserved.
 */

const word = new Float64Array(1);
const half = new Uint32Array(word.buffer);
const HI = 1; // little-endian: the high word (sign, exponent, top of the mantissa) is second
const LO = 0;

/**
 * 2^e for -1024 <= e <= 1023, at POW2[e + 1024], all exact. Scaling by a power of two from
 * here, rather than by writing the exponent into the high word and reading the double back,
 * gives the same bits and spares the processor a stalled load (a read that spans two writes
 * of different sizes cannot be forwarded from them): log runs three times faster in a tight loop.
 */
const POW2 = new Float64Array(2048);
POW2[1024] = 1;
for (let e = 1; e <= 1023; e++) POW2[1024 + e] = POW2[1023 + e] * 2;
for (let e = -1; e >= -1024; e--) POW2[1024 + e] = POW2[1025 + e] / 2;

/** 2^e, exactly, for a whole number -1024 <= e <= 1023. */
export function powerOfTwo(e: number): number {
  return POW2[1024 + e];
}

/** The high 32 bits of x, unsigned: its sign, its exponent and the top 20 bits of its mantissa. */
export function highWord(x: number): number {
  word[0] = x;
  return half[HI];
}

// The constants below are fdlibm's, written in their shortest exact decimal form. `log`, which
// every exponential draw runs, declares its own (as fdlibm's e_log.c does): Node 20's V8 loads a
// module-level number from the module's context and checks its type at every use, ten loads
// and checks a logarithm that a local constant, folded into the code, does not need.
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
  const TWO54 = 2 ** 54;
  const LN2_HI = 0.6931471803691238;
  const LN2_LO = 1.9082149292705877e-10;
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  let scaled = x;
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // Subnormal: scale into the normal range first.
    k = -54;
    scaled = x * TWO54;
  }
  word[0] = scaled;
  let hx = half[HI] | 0;
  // x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2): e is the exponent of the scaled x,
  // one more when its mantissa is above sqrt(2).
  const i = (hx & 0x000fffff) + 0x95f64;
  const e = (hx >> 20) - 1023 + ((i & 0x100000) >> 20);
  k += e;
  hx &= 0x000fffff;
  const f = scaled * POW2[1024 - e] - 1;
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
  const L1 = 0.6666666666666735;
  const L2 = 0.3999999999940942;
  const L3 = 0.2857142874366239;
  const L4 = 0.22222198432149784;
  const L5 = 0.1818357216161805;
  const L6 = 0.15313837699209373;
  const L7 = 0.14798198605116586;
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
  // y 2^k, exactly while it is a normal double; rounded once deep in the subnormal range.
  if (k >= -1021) return k < 1024 ? y * POW2[1024 + k] : y * 2 * POW2[2047];
  return y * POW2[1024 + k + 1000] * TWO_M1000;
}

/**
 * e^x - 1, accurate for x near 0, where e^x - 1 would cancel: Kahan's (u - 1) x / ln u with
 * u = e^x rounded, whose errors in u - 1 and ln u cancel (Higham, Accuracy and Stability of
 * Numerical Algorithms, 2nd ed., 1.14.1); within a few ulp.
 */
export function expm1(x: number): number {
  const u = exp(x);
  if (u === 1) return x; // |x| below half an ulp of 1, and x = -0
  const um1 = u - 1;
  // Away from 0 nothing cancels (past 40, u - 1 is u), and (u - 1) x would overflow near 709.
  if (um1 === -1 || x > 40) return um1;
  return (um1 * x) / log(u);
}

// pow: log2(x) in two parts, t1 + t2, t1 with the low 32 bits of its mantissa cleared (as is
// y1, y's high part, so y1 t1 is exact); then 2^(y log2 x) = 2^n e^r with the exp polynomial.
// PL1..PL6 are the coefficients of (3/2)(ln x - 2s - (2/3)s^3), s = (x - 1) / (x + 1).
const PL1 = 0.5999999999999946;
const PL2 = 0.4285714285785502;
const PL3 = 0.33333332981837743;
const PL4 = 0.272728123808534;
const PL5 = 0.23066074577556175;
const PL6 = 0.20697501780033842;
const DP_H = 0.5849624872207642; // log2(1.5) in two parts
const DP_L = 1.350039202129749e-8;
const LG2 = Math.LN2;
const LG2_H = 0.6931471824645996;
const LG2_L = -1.904654299957768e-9;
const CP = 0.9617966939259756; // 2 / (3 ln 2)
const CP_H = 0.9617967009544373;
const CP_L = -7.028461650952758e-9;
const IVLN2_H = 1.4426950216293335;
const IVLN2_L = 1.9259629911266175e-8;
/** -(1024 - log2(largest double + half an ulp)). */
const OVT = 8.008566259537294e-17;
const TWO53 = 2 ** 53;

/** x with the low 32 bits of its mantissa cleared. */
function highPart(x: number): number {
  word[0] = x;
  half[LO] = 0;
  return word[0];
}

/**
 * x^y, with every special case of `Math.pow` (fdlibm's e_pow.c, whose special cases are the
 * ones ECMAScript adopted: 1^Infinity and 1^NaN are NaN).
 */
export function pow(x: number, y: number): number {
  word[0] = x;
  const hx = half[HI] | 0;
  const lx = half[LO];
  word[0] = y;
  const hy = half[HI] | 0;
  const ly = half[LO];
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^0, even for NaN
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;

  // For x < 0: is y an odd integer (1), an even one (2), or not an integer (0)?
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000)
      yIsInt = 2; // |y| >= 2^53: even
    else if (iy >= 0x3ff00000) {
      const k = (iy >> 20) - 0x3ff;
      if (k > 20) {
        const j = ly >>> (52 - k);
        if ((j << (52 - k)) >>> 0 === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - k);
        if (j << (20 - k) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y is +-Infinity.
      if (((ix - 0x3ff00000) | lx) === 0) return Number.NaN; // (+-1)^+-Infinity
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = +-1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = 0.5, x >= +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x is +-0, +-Infinity or +-1.
    let z = hy < 0 ? 1 / ax : ax;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0)
        z = Number.NaN; // (-1)^non-integer
      else if (yIsInt === 1) z = -z;
    }
    return z;
  }

  if (hx < 0 && yIsInt === 0) return Number.NaN; // (x < 0)^non-integer
  const sign = hx < 0 && yIsInt === 1 ? -1 : 1;

  // log2(|x|) = t1 + t2.
  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31: the result over- or underflows unless |x| is within 2^-20 of 1.
    if (iy > 0x43f00000) {
      if (ix <= 0x3fefffff) return hy < 0 ? Number.POSITIVE_INFINITY : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Number.POSITIVE_INFINITY : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? sign * Number.POSITIVE_INFINITY : sign * 0;
    if (ix > 0x3ff00000) return hy > 0 ? sign * Number.POSITIVE_INFINITY : sign * 0;
    // log(x) by x - x^2/2 + x^3/3 - x^4/4 for |x - 1| <= 2^-20.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * INV_LN2;
    t1 = highPart(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) {
      // Subnormal x.
      ax *= TWO53;
      n -= 53;
      word[0] = ax;
      ix = half[HI] | 0;
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    // |x| = 2^n m, with m in [1, sqrt(3/2)) (k = 0, around 1) or [sqrt(3/2), sqrt(3)) (k = 1, around 1.5).
    let k = 0;
    ix = j | 0x3ff00000;
    if (j <= 0x3988e) k = 0;
    else if (j < 0xbb67a) k = 1;
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    word[0] = ax;
    half[HI] = ix;
    ax = word[0];
    const bp = k === 0 ? 1 : 1.5;
    const dpH = k === 0 ? 0 : DP_H;
    const dpL = k === 0 ? 0 : DP_L;

    // ss = s_h + s_l = (m - bp) / (m + bp).
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = highPart(ss);
    word[0] = 0;
    half[HI] = ((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18);
    let tH = word[0]; // m + bp, high part
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(m / bp) = 2 ss + ss^3 R(ss^2).
    let s2 = ss * ss;
    let r = s2 * s2 * (PL1 + s2 * (PL2 + s2 * (PL3 + s2 * (PL4 + s2 * (PL5 + s2 * PL6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = highPart(3 + s2 + r);
    tL = r - (tH - 3 - s2);
    u = sH * tH;
    v = sL * tH + tL * ss;
    // log2(m / bp) = (2 / (3 ln 2)) (3 ss + ...), in two parts.
    const pH = highPart(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + dpL;
    t1 = highPart(zL + zH + dpH + n);
    t2 = zL - (t1 - n - dpH - zH);
  }

  // y log2(x) = (y1 + y2)(t1 + t2), y1 y's high part, so y1 t1 is exact.
  const y1 = highPart(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  const z = pL + pH;
  word[0] = z;
  const j = half[HI] | 0;
  const i = half[LO];
  if (j >= 0x40900000) {
    // z >= 1024.
    if (j - 0x40900000 !== 0 || i !== 0 || pL + OVT > z - pH) return sign * Number.POSITIVE_INFINITY;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z <= -1075.
    if (j !== (0xc090cc00 | 0) || i !== 0 || pL <= z - pH) return sign * 0;
  }

  // 2^(pH + pL) = 2^n e^((pH + pL - n) ln 2), n the nearest integer when |z| > 1/2.
  const abs = j & 0x7fffffff;
  let k = (abs >> 20) - 0x3ff;
  let n = 0;
  if (abs > 0x3fe00000) {
    n = j + (0x00100000 >> (k + 1));
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    word[0] = 0;
    half[HI] = n & ~(0x000fffff >> k);
    const t = word[0];
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = highPart(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  const r0 = u + v;
  const w = v - (r0 - u);
  const tt = r0 * r0;
  const c = r0 - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (r0 * c) / (c - 2) - (w + r0 * w);
  const e = 1 - (r - r0);
  word[0] = e;
  if (((half[HI] | 0) + (n << 20)) >> 20 <= 0) return sign * scaleDown(e, n);
  half[HI] += n << 20;
  return sign * word[0];
}

/** y 2^n for a subnormal result, rounded once (n < 0). */
function scaleDown(y: number, n: number): number {
  word[0] = 0;
  half[HI] = (n + 1000 + 1023) << 20; // 2^(n + 1000): normal, so y times it is exact
  const scaled = y * word[0];
  return scaled * TWO_M1000;
}
