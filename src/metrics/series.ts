/**
 * Time series of k channels (WIP, each node's queue, ...) sampled on a regular grid, in memory
 * bounded by maxPoints however long the run.
 *
 * Samples are taken at start + i * interval. When the buffer fills up, every other point is
 * dropped and the interval doubles, so the kept points stay on the (coarser) grid and always
 * span the whole run. Which points survive depends only on the grid, never on event timing, so
 * the same run gives the same series.
 *
 * Usage in the run loop, before applying the event at time t (the state is piecewise constant,
 * so at every sample time that has passed it still held the values from before t):
 *
 *   while (series.due(t)) series.record(currentValues);
 */

export interface SeriesJSON {
  t: number[];
  /** channels[j][i] is channel j at time t[i]. */
  channels: number[][];
}

export class SeriesRecorder {
  /** Time of the next sample; due(t) is just `t >= nextDue`, public for the hottest loops. */
  declare nextDue: number;

  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  declare private readonly times: Float64Array;
  declare private readonly values: Float64Array;
  private points = 0;
  /** Grid position of the next sample, in units of the initial interval (an integer). */
  private nextStep = 0;
  /** Current spacing in units of the initial interval: a power of two. */
  private stride = 1;

  constructor(
    readonly start: number,
    private readonly baseInterval: number,
    readonly channels: number,
    readonly maxPoints = 1000,
  ) {
    if (!Number.isFinite(start)) throw new RangeError(`series start must be a finite time, got ${start}`);
    if (!(baseInterval > 0 && Number.isFinite(baseInterval))) {
      throw new RangeError(`series interval must be positive, got ${baseInterval}`);
    }
    if (!Number.isInteger(channels) || channels < 1) {
      throw new RangeError(`series needs a whole number of channels of at least 1, got ${channels}`);
    }
    if (!Number.isInteger(maxPoints) || maxPoints < 2) {
      throw new RangeError(`series maxPoints must be a whole number of at least 2, got ${maxPoints}`);
    }
    this.times = new Float64Array(maxPoints);
    this.values = new Float64Array(maxPoints * channels);
    this.nextDue = start;
  }

  /** Whether the next sample time has been reached at time t. */
  due(t: number): boolean {
    return t >= this.nextDue;
  }

  /** Records values (one per channel) at the due time, not at the current time. */
  record(values: ArrayLike<number>): void {
    const k = this.channels;
    const offset = this.points * k;
    for (let j = 0; j < k; j++) this.values[offset + j] = values[j];
    this.times[this.points++] = this.nextDue;
    this.nextStep += this.stride;
    if (this.points === this.maxPoints) this.halve();
    // From the integer step, not by adding intervals, so no rounding error accumulates.
    this.nextDue = this.start + this.nextStep * this.baseInterval;
  }

  /** Number of points held. */
  get length(): number {
    return this.points;
  }

  /** Current spacing between samples. */
  get interval(): number {
    return this.stride * this.baseInterval;
  }

  toJSON(): SeriesJSON {
    const t = Array.from(this.times.subarray(0, this.points));
    const channels: number[][] = [];
    for (let j = 0; j < this.channels; j++) {
      const channel = new Array<number>(this.points);
      for (let i = 0; i < this.points; i++) channel[i] = this.values[i * this.channels + j];
      channels.push(channel);
    }
    return { t, channels };
  }

  /**
   * Keeps the points on the doubled grid (even positions: point i sits at step i * stride)
   * and moves the next sample to the first doubled-grid step after the last kept point.
   */
  private halve(): void {
    const k = this.channels;
    const kept = Math.ceil(this.points / 2);
    for (let i = 1; i < kept; i++) {
      this.times[i] = this.times[2 * i];
      this.values.copyWithin(i * k, 2 * i * k, 2 * i * k + k);
    }
    this.points = kept;
    this.stride *= 2;
    this.nextStep = (kept - 1) * this.stride + this.stride;
  }
}
