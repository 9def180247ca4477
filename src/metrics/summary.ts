/**
 * Running summary of a stream of observations: count, mean, sample variance, min, max.
 *
 * Welford's update (Welford 1962, "Note on a method for calculating corrected sums of squares
 * and products"; Knuth TAOCP vol. 2, 4.2.2) keeps the mean and the sum of squared deviations
 * (m2) directly, so the variance does not suffer the catastrophic cancellation of the
 * textbook sum-of-squares formula. Constant memory, no allocation per observation.
 */

/** Plain-JSON snapshot. Statistics that are undefined for this count are null, never NaN. */
export interface SummaryJSON {
  count: number;
  mean: number | null;
  /** Sample variance (divides by n - 1); null below two observations. */
  variance: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
}

export class RunningSummary {
  private n = 0;
  private mu = 0;
  private m2 = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(x: number): void {
    const n = this.n + 1;
    const delta = x - this.mu;
    this.n = n;
    this.mu += delta / n;
    this.m2 += delta * (x - this.mu);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
  }

  /**
   * Folds another summary into this one, as if its observations had been added here.
   * Pairwise combination of Chan, Golub & LeVeque (1979), "Updating formulae and a pairwise
   * algorithm for computing sample variances": with delta = meanB - meanA,
   * m2 = m2A + m2B + delta^2 * nA * nB / n.
   */
  merge(other: RunningSummary): this {
    const nB = other.n;
    if (nB === 0) return this;
    const nA = this.n;
    const n = nA + nB;
    const delta = other.mu - this.mu;
    this.mu += (delta * nB) / n;
    this.m2 += other.m2 + ((delta * delta * nA) / n) * nB;
    this.n = n;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
    return this;
  }

  get count(): number {
    return this.n;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.n > 0 ? this.mu : Number.NaN;
  }

  /** Sample variance (n - 1 in the denominator); NaN below two observations. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : Number.NaN;
  }

  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : Number.NaN;
  }

  /** NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : Number.NaN;
  }

  toJSON(): SummaryJSON {
    return {
      count: this.n,
      mean: orNull(this.mean),
      variance: orNull(this.variance),
      sd: orNull(this.sd),
      min: orNull(this.min),
      max: orNull(this.max),
    };
  }

  /**
   * Rebuilds a summary from a snapshot, so summaries from other workers or processes can be
   * merged. m2 is recovered as variance * (n - 1), exact to a rounding error.
   */
  static fromJSON(json: SummaryJSON): RunningSummary {
    const summary = new RunningSummary();
    if (!Number.isInteger(json.count) || json.count < 0) {
      throw new Error(`summary count must be a whole number of at least 0, got ${json.count}`);
    }
    if (json.count === 0) return summary;
    if (json.mean === null || json.min === null || json.max === null) {
      throw new Error('a non-empty summary needs mean, min and max');
    }
    if (json.count > 1 && json.variance === null) {
      throw new Error('a summary of two or more observations needs a variance');
    }
    summary.n = json.count;
    summary.mu = json.mean;
    summary.m2 = json.count > 1 ? (json.variance as number) * (json.count - 1) : 0;
    summary.lo = json.min;
    summary.hi = json.max;
    return summary;
  }
}

function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}
