/**
 * Changing the mean of a time distribution while keeping its shape.
 *
 * The form lets a coach type "2 items a day" or "review takes 3 days" without caring whether
 * the time is exponential or lognormal. Multiplying every time parameter by the same factor
 * scales the mean by that factor and leaves the variability (cv) unchanged, so the only
 * thing that changes is the thing the coach typed.
 */
import type { Distribution } from '../../src/index.ts';
import { distributionMean } from '../../src/runner.ts';

/** Mean of a distribution written in a document, or NaN when it is not a valid one. */
export function meanOf(value: unknown): number {
  try {
    const mean = distributionMean(value as Distribution);
    return typeof mean === 'number' ? mean : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** A short name for the shape: "exponential", "constant", … */
export function shapeOf(value: unknown): string {
  if (typeof value === 'number') return 'constant';
  if (value && typeof value === 'object' && typeof (value as { dist?: unknown }).dist === 'string')
    return (value as { dist: string }).dist;
  return 'unknown';
}

/**
 * The same distribution with its mean set to `mean`. Where the current mean is 0 or unknown
 * the shape cannot be scaled, so an exponential with that mean is the honest fallback.
 */
export function withMean(value: unknown, mean: number): unknown {
  const current = meanOf(value);
  if (typeof value === 'number') return mean;
  if (!(current > 0) || !value || typeof value !== 'object') return { dist: 'exponential', mean };
  const f = mean / current;
  const d = value as Record<string, unknown>;
  const scale = (key: string) => (typeof d[key] === 'number' ? { [key]: (d[key] as number) * f } : {});
  switch (d.dist) {
    case 'constant':
      return { ...d, value: mean };
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return { ...d, mean };
    case 'uniform':
      return { ...d, ...scale('min'), ...scale('max') };
    case 'triangular':
      return { ...d, ...scale('min'), ...scale('mode'), ...scale('max') };
    case 'normal':
      // Scaling mean and sd together scales the truncated mean too: truncation at 0 is scale-free.
      return { ...d, ...scale('mean'), ...scale('sd') };
    case 'weibull':
      return { ...d, ...scale('scale') };
    case 'empirical':
      return { ...d, values: (d.values as number[]).map((v) => v * f) };
    default:
      return { dist: 'exponential', mean };
  }
}

/** Rounds a value typed or derived for display so the document does not fill with 0.30000000000000004. */
export function tidy(x: number): number {
  return Number(x.toPrecision(10));
}
