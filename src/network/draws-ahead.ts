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
 * the busy handlers around it have used up V8's inlining budget.
 *
 * A node that serves several capabilities picks its sampler by the item, and a demand
 * schedule swaps a class's sampler mid-run, so those keep drawing each time as needed.
 */
import type { Sampler } from '../engine/distributions.ts';
import type { Random } from '../engine/random.ts';

/** Draws per block: enough to make the refill rare, few enough to cost little memory. */
const BLOCK = 64;

export class DrawsAhead {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  /** Stream i's times drawn ahead, at i * BLOCK; the next unused one at `next[i]` (BLOCK: none left). */
  declare private readonly ahead: Float64Array;
  declare private readonly next: Int32Array;
  declare private readonly samplers: (Sampler | undefined)[];
  declare private readonly streams: Random[];

  /** `samplers[i]` is the only sampler stream i feeds, or undefined where it is not drawn ahead. */
  constructor(samplers: (Sampler | undefined)[], streams: Random[]) {
    this.ahead = new Float64Array(streams.length * BLOCK);
    this.next = new Int32Array(streams.length).fill(BLOCK);
    this.samplers = samplers;
    this.streams = streams;
  }

  /** Whether stream i is drawn ahead (else its user draws from it directly). */
  has(i: number): boolean {
    return this.samplers[i] !== undefined;
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
    const sampler = this.samplers[i]!;
    const stream = this.streams[i];
    const ahead = this.ahead;
    for (let k = i * BLOCK; k < (i + 1) * BLOCK; k++) ahead[k] = sampler(stream);
  }
}
