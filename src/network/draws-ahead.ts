/**
 * Random times drawn ahead, in blocks, from streams that feed a single sampler: the
 * service times of a node that serves one capability, and the gaps between arrivals of a
 * class whose demand does not change over the run.
 *
 * Such a stream (`service:<node>`, `arrivals:<class>`) is read by that one sampler and
 * nothing else, so drawing its next BLOCK times at once gives exactly the numbers, in
 * exactly the order, that drawing each when it is needed would: results do not change.
 * What changes is where the draws happen. A block is drawn in a small loop that V8
 * compiles with the sampler and its logarithm inlined, where a draw in the middle of the
 * run loop is a call that boxes its double argument and result (an allocation each), once
 * the busy handlers around it have used up V8's inlining budget. An exponential stream's
 * block (arrivals and service of an M/M/c station) is drawn by a loop of its own that also
 * steps the stream's generator itself (`refillExponential`).
 *
 * A node that serves several capabilities picks its sampler by the item, and a demand
 * schedule swaps a class's sampler mid-run, so those keep drawing each time as needed.
 */
import { exponentialMean, type Sampler } from '../engine/distributions.ts';
import { log } from '../engine/math.ts';
import { type Random, streamState } from '../engine/random.ts';

/** Draws per block: enough to make the refill rare, few enough to cost little memory. */
const BLOCK = 64;

export class DrawsAhead {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  /** Stream i's times drawn ahead, at i * BLOCK; the next unused one at `next[i]` (BLOCK: none left). */
  declare private readonly ahead: Float64Array;
  declare private readonly next: Int32Array;
  declare private readonly samplers: (Sampler | undefined)[];
  declare private readonly streams: Random[];
  /** The mean of stream i's sampler where it is exponential, else NaN. */
  declare private readonly exponentialMeans: Float64Array;
  /**
   * For an exponential stream i, its generator's state (s0, s1, s2, c at 4 i) once its
   * draws are made here (`owned[i]` 1), after its first block.
   */
  declare private readonly generators: Float64Array;
  declare private readonly owned: Uint8Array;
  /** 1 where stream i is drawn ahead: read at every draw, so a byte rather than a sampler compared with undefined. */
  declare private readonly drawnAhead: Uint8Array;

  /** `samplers[i]` is the only sampler stream i feeds, or undefined where it is not drawn ahead. */
  constructor(samplers: (Sampler | undefined)[], streams: Random[]) {
    this.ahead = new Float64Array(streams.length * BLOCK);
    this.next = new Int32Array(streams.length).fill(BLOCK);
    this.samplers = samplers;
    this.streams = streams;
    this.exponentialMeans = Float64Array.from(samplers, (s) => (s && exponentialMean(s)) ?? Number.NaN);
    this.generators = new Float64Array(4 * streams.length);
    this.owned = new Uint8Array(streams.length);
    this.drawnAhead = Uint8Array.from(samplers, (s) => (s === undefined ? 0 : 1));
  }

  /** Whether stream i is drawn ahead (else its user draws from it directly). */
  has(i: number): boolean {
    return this.drawnAhead[i] === 1;
  }

  /** The next time from stream i, which must be drawn ahead. */
  draw(i: number): number {
    let k = this.next[i];
    if (k === BLOCK) {
      this.refill(i);
      k = 0;
    }
    this.next[i] = k + 1;
    return this.ahead[i * BLOCK + k];
  }

  private refill(i: number): void {
    const mean = this.exponentialMeans[i];
    if (!Number.isNaN(mean)) {
      this.refillExponential(i, -mean);
      return;
    }
    const sampler = this.samplers[i]!;
    const stream = this.streams[i];
    const ahead = this.ahead;
    const end = (i + 1) * BLOCK;
    for (let k = i * BLOCK; k < end; k++) ahead[k] = sampler(stream);
  }

  /**
   * The exponential sampler's draws, `negMean * log(1 - u)` (distributions.ts), with the
   * stream's Alea step (random.ts `StreamState`) done here on its state in locals: the same
   * numbers in the same order, without two calls per draw nor the generator's state read
   * from and written back to its object at each. The stream itself is never drawn from
   * again (it feeds this sampler only), so its state is taken over at the first block.
   */
  private refillExponential(i: number, negMean: number): void {
    const g = this.generators;
    const at = 4 * i;
    if (this.owned[i] === 0) {
      const state = streamState(this.streams[i]);
      g[at] = state.s0;
      g[at + 1] = state.s1;
      g[at + 2] = state.s2;
      g[at + 3] = state.c;
      this.owned[i] = 1;
    }
    let s0 = g[at];
    let s1 = g[at + 1];
    let s2 = g[at + 2];
    let c = g[at + 3];
    const ahead = this.ahead;
    // The end in a local: V8 would read BLOCK from the module's context at every draw.
    const end = (i + 1) * BLOCK;
    for (let k = i * BLOCK; k < end; k++) {
      const t = 2091639 * s0 + c * 2.3283064365386963e-10;
      s0 = s1;
      s1 = s2;
      c = t | 0;
      s2 = t - c;
      ahead[k] = negMean * log(1 - s2);
    }
    g[at] = s0;
    g[at + 1] = s1;
    g[at + 2] = s2;
    g[at + 3] = c;
  }
}
