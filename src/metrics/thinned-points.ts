/**
 * A bounded, evenly thinned record of (time, value) points, e.g. the cycle time of each
 * completed item for a scatterplot (or, with a step's index for the time, the age of each
 * item in progress). It keeps every `stride`-th point offered; when full
 * it drops every other point and doubles the stride. So it always holds at most
 * `maxPoints`, spread over the whole run, with no randomness and no unbounded memory.
 */
export class ThinnedPoints {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  declare private t: Float64Array;
  declare private v: Float64Array;
  private size = 0;
  private stride = 1;
  private skipped = 0;

  constructor(readonly maxPoints = 2000) {
    this.t = new Float64Array(maxPoints);
    this.v = new Float64Array(maxPoints);
  }

  offer(time: number, value: number): void {
    if (++this.skipped < this.stride) return;
    this.skipped = 0;
    if (this.size === this.maxPoints) {
      let kept = 0;
      for (let i = 1; i < this.size; i += 2) {
        this.t[kept] = this.t[i];
        this.v[kept] = this.v[i];
        kept++;
      }
      this.size = kept;
      this.stride *= 2;
    }
    this.t[this.size] = time;
    this.v[this.size] = value;
    this.size++;
  }

  toJSON(): { t: number[]; value: number[] } {
    return { t: Array.from(this.t.subarray(0, this.size)), value: Array.from(this.v.subarray(0, this.size)) };
  }
}
