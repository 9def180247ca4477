/**
 * Special functions: ln Gamma and erfc for the scenario's theoretical moments
 * (model/distribution.ts), the normal CDF, the incomplete gamma, digamma and trigamma for
 * fitting distributions to measured times (history/fit-times.ts). Built on the engine's own
 * elementary functions (math.ts), so they give the same bits in Node and in the browser.
 */
import { exp, log } from './math.ts';

// Lanczos approximation, g = 7, n = 9 (the widely used Godfrey coefficients); relative error ~1e-15.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * log(2 * Math.PI);

/** ln Gamma(x) for x > 0 (Lanczos from 1/2 up; below, Gamma(x) = Gamma(x + 1) / x). */
export function logGamma(x: number): number {
  if (x < 0.5) return logGamma(x + 1) - log(x);
  const y = x - 1;
  let sum = LANCZOS[0];
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i] / (y + i);
  const t = y + 7.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * log(t) - t + log(sum);
}

/** Complementary error function, Chebyshev fit with relative error below 1.2e-7 (Numerical Recipes, erfcc). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
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
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** The standard normal CDF, Phi(z) = erfc(-z / sqrt 2) / 2 (relative error below 1.2e-7, as erfc's). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * The regularised lower incomplete gamma P(a, x): its series below a + 1, else its continued
 * fraction (Numerical Recipes, 3rd ed., 6.2).
 */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const front = -x + a * log(x) - logGamma(a);
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

/** psi(x) = d ln Gamma(x) / dx for x > 0: shifted up to 6 by psi(x) = psi(x + 1) - 1/x, then its asymptotic series. */
export function digamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result -= 1 / y;
    y++;
  }
  const f = 1 / (y * y);
  return result + log(y) - 0.5 / y - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f / 132))));
}

/** psi'(x) for x > 0, likewise shifted up to 6, then its asymptotic series. */
export function trigamma(x: number): number {
  let result = 0;
  let y = x;
  while (y < 6) {
    result += 1 / (y * y);
    y++;
  }
  const f = 1 / (y * y);
  return result + 1 / y + f / 2 + (f / y) * (1 / 6 - f * (1 / 30 - f * (1 / 42 - f / 30)));
}
