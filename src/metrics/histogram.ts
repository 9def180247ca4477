/**
 * Quantiles of a stream of non-negative values (lead times, cycle times) in bounded memory.
 *
 * Values are counted in log-linear buckets, as in HDR Histogram (Tene): each power of two is
 * split into SUB equal buckets, read straight from the bits of the double (its exponent and
 * the top bits of its mantissa), so counting a value takes no logarithm. A bucket spans at
 * most 1/SUB of its lower edge; reporting its midpoint is off by at most 1/(2 SUB) = 0.39%
 * relative to any value in it, inside the promised 0.5%.
 *
 * The layout is a module constant, so any two histograms can be merged exactly (bucket-wise sums),
 * across workers and processes via toJSON/fromJSON.
 */
import { highWord, powerOfTwo } from '../engine/math.ts';

/** Buckets per power of two (a power of two itself: the top 7 bits of the mantissa). */
const SUB_BITS = 7;
const SUB = 1 << SUB_BITS;
/** The layout's name, checked on load so incompatible histograms are never merged. */
const LAYOUT = `octave/${SUB}`;
/** Values below 2^-30 (about 1e-9) count as zero: far below any time unit a scenario uses. */
const MIN_EXPONENT = -30;
/** Values from 2^40 (about 1e12) up share the top bucket (still exact for min and max). */
const MAX_EXPONENT = 40;
const SMALLEST = powerOfTwo(MIN_EXPONENT);
/** 70 octaves of 128: 8,960 buckets, 70 KB of counts per histogram. */
const BUCKETS = (MAX_EXPONENT - MIN_EXPONENT) * SUB;

export interface HistogramBin {
  from: number;
  to: number;
  count: number;
}

/** Sparse, mergeable form. keys[i] is a bucket index in the layout named by `layout`. */
export interface HistogramJSON {
  /** Layout, checked on load so incompatible histograms are never merged. */
  layout: string;
  count: number;
  /** Observations below 1e-9, including exact zeros. */
  zeros: number;
  min: number | null;
  max: number | null;
  keys: number[];
  counts: number[];
}

/**
 * Rank (1-based) of the order statistic that quantile p of n values reports: ceil(p * n), at
 * least 1. The product is nudged down by a few ulps first, so that p = 0.07 with n = 100 gives
 * rank 7 rather than 8 (0.07 * 100 is 7.000000000000001 in floating point).
 */
export function quantileRank(p: number, n: number): number {
  return Math.max(1, Math.ceil(p * n * (1 - 4 * Number.EPSILON)));
}

export class QuantileHistogram {
  /** Counts are Float64 so they stay exact up to 2^53, far beyond Uint32's 4 billion. */
  private readonly counts = new Float64Array(BUCKETS);
  private n = 0;
  private zeros = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    if (!(x >= 0 && x <= Number.MAX_VALUE)) {
      throw new RangeError(`QuantileHistogram takes finite non-negative values, got ${x}`);
    }
    this.n++;
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    if (x < SMALLEST) this.zeros++;
    else this.counts[slotOf(x)]++;
  }

  /** Exact: the result equals one histogram fed every value of both. */
  merge(other: QuantileHistogram): this {
    if (other.n === 0) return this;
    const last = slotOf(other.hi);
    for (let slot = other.firstSlot(); slot <= last; slot++) this.counts[slot] += other.counts[slot];
    this.n += other.n;
    this.zeros += other.zeros;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  get count(): number {
    return this.n;
  }

  /** Exact smallest value seen; NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : Number.NaN;
  }

  /** Exact largest value seen; NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : Number.NaN;
  }

  /**
   * The value below which a fraction p of observations lie: the representative of the bucket
   * holding the quantileRank(p, n)-th smallest value, clamped to [min, max] (clamping only moves
   * it closer to that value). Within 0.5% of the exact order statistic for values in
   * [1e-9, 1e12]; exact for the smallest and largest; values below 1e-9 report as the minimum.
   * NaN when empty.
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile p must be between 0 and 1, got ${p}`);
    if (this.n === 0) return Number.NaN;
    const rank = quantileRank(p, this.n);
    // The extremes are known exactly.
    if (rank === 1) return this.lo;
    if (rank === this.n) return this.hi;
    let seen = this.zeros;
    if (rank <= seen) return this.lo;
    const last = slotOf(this.hi);
    for (let slot = this.firstSlot(); slot <= last; slot++) {
      seen += this.counts[slot];
      if (rank <= seen) return this.representative(slot);
    }
    return this.hi;
  }

  /**
   * At most maxBins equal-width bins from min to max, for drawing a histogram. Each bucket's
   * count goes to the bin holding its representative, so a bin edge may be off by the bucket
   * width (0.5%): fine for a picture, not for arithmetic.
   */
  bins(maxBins: number): HistogramBin[] {
    if (!Number.isInteger(maxBins) || maxBins < 1) {
      throw new RangeError(`maxBins must be a whole number of at least 1, got ${maxBins}`);
    }
    if (this.n === 0) return [];
    const { lo, hi } = this;
    if (lo === hi) return [{ from: lo, to: hi, count: this.n }];
    const width = (hi - lo) / maxBins;
    const bins: HistogramBin[] = [];
    for (let i = 0; i < maxBins; i++) {
      bins.push({ from: lo + i * width, to: i === maxBins - 1 ? hi : lo + (i + 1) * width, count: 0 });
    }
    bins[0].count += this.zeros;
    const last = slotOf(hi);
    for (let slot = this.firstSlot(); slot <= last; slot++) {
      const c = this.counts[slot];
      if (c === 0) continue;
      const bin = Math.min(maxBins - 1, Math.floor((this.representative(slot) - lo) / width));
      bins[bin].count += c;
    }
    return bins;
  }

  toJSON(): HistogramJSON {
    const keys: number[] = [];
    const counts: number[] = [];
    if (this.n > 0) {
      const last = slotOf(this.hi);
      for (let slot = this.firstSlot(); slot <= last; slot++) {
        if (this.counts[slot] === 0) continue;
        keys.push(slot);
        counts.push(this.counts[slot]);
      }
    }
    const empty = this.n === 0;
    return {
      layout: LAYOUT,
      count: this.n,
      zeros: this.zeros,
      min: empty ? null : this.lo,
      max: empty ? null : this.hi,
      keys,
      counts,
    };
  }

  /** Inverse of toJSON; throws if the data is inconsistent or was written with another layout. */
  static fromJSON(json: HistogramJSON): QuantileHistogram {
    if (json.layout !== LAYOUT) {
      throw new Error(`histogram was written with bucket layout ${json.layout}, this build uses ${LAYOUT}`);
    }
    if (json.keys.length !== json.counts.length)
      throw new Error('histogram keys and counts differ in length');
    const h = new QuantileHistogram();
    let total = json.zeros;
    for (let i = 0; i < json.keys.length; i++) {
      const slot = json.keys[i];
      const c = json.counts[i];
      if (!Number.isInteger(slot) || slot < 0 || slot >= BUCKETS) {
        throw new Error(`histogram bucket key ${json.keys[i]} is out of range`);
      }
      if (!Number.isInteger(c) || c < 0) throw new Error(`histogram bucket count ${c} is not a whole number`);
      h.counts[slot] += c;
      total += c;
    }
    if (total !== json.count) throw new Error(`histogram counts add up to ${total}, expected ${json.count}`);
    if (json.count > 0) {
      if (json.min === null || json.max === null) throw new Error('a non-empty histogram needs min and max');
      h.lo = json.min;
      h.hi = json.max;
    }
    h.n = json.count;
    h.zeros = json.zeros;
    return h;
  }

  /** First bucket that can hold a count; only valid when the histogram is not empty. */
  private firstSlot(): number {
    return this.lo < SMALLEST ? 0 : slotOf(this.lo);
  }

  private representative(slot: number): number {
    const octave = Math.floor(slot / SUB);
    const sub = slot - octave * SUB;
    const mid = powerOfTwo(octave + MIN_EXPONENT) * (1 + (sub + 0.5) / SUB);
    return mid < this.lo ? this.lo : mid > this.hi ? this.hi : mid;
  }
}

/** Bucket index of x >= SMALLEST, from its exponent and top mantissa bits; past 2^40, the top bucket. */
function slotOf(x: number): number {
  const bits = highWord(x);
  const slot = ((bits >>> 20) - 1023 - MIN_EXPONENT) * SUB + ((bits >>> (20 - SUB_BITS)) & (SUB - 1));
  return slot < 0 ? 0 : slot >= BUCKETS ? BUCKETS - 1 : slot;
}
