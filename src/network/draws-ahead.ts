/**
 * Service times, drawn ahead in blocks for the nodes that serve a single capability.
 *
 * Such a node's stream (`service:<node>`) feeds one sampler and nothing else, so drawing
 * its next BLOCK times at once gives exactly the numbers, in exactly the order, that
 * drawing each as its service starts would: results do not change. What changes is where
 * the draws happen. A block is drawn in a small loop that V8 compiles with the sampler and
 * its logarithm inlined, where a draw in the middle of the run loop is a call that boxes
 * its double argument and result (an allocation each) once the busy handlers around it
 * have used up V8's inlining budget. A node that serves several capabilities picks the
 * sampler by the item, so it draws each time as it is needed.
 */
import type { Sampler } from '../engine/distributions.ts';
import type { Random } from '../engine/random.ts';

/** Draws per block: enough to make the refill's call rare, few enough to cost little memory. */
const BLOCK = 64;

export class ServiceTimes {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  /** Node n's times drawn ahead, at n * BLOCK; the next unused one at `next[n]` (BLOCK: none left). */
  declare private readonly ahead: Float64Array;
  declare private readonly next: Int32Array;
  /** The one capability node n serves, or -1 when it serves several. */
  declare private readonly onlyCapability: Int32Array;
  declare private readonly service: (Sampler | undefined)[];
  declare private readonly streams: Random[];
  declare private readonly capCount: number;

  /** `service[n * capCount + c]`: node n's sampler for capability c (topology.ts). */
  constructor(service: (Sampler | undefined)[], capCount: number, streams: Random[]) {
    const nodes = streams.length;
    this.ahead = new Float64Array(nodes * BLOCK);
    this.next = new Int32Array(nodes).fill(BLOCK);
    this.onlyCapability = Int32Array.from({ length: nodes }, (_, n) => {
      const served = [];
      for (let c = 0; c < capCount; c++) if (service[n * capCount + c]) served.push(c);
      return served.length === 1 ? served[0] : -1;
    });
    this.service = service;
    this.streams = streams;
    this.capCount = capCount;
  }

  /** The next service time of node n, for an item that needs capability cap. */
  draw(n: number, cap: number): number {
    if (this.onlyCapability[n] < 0) return this.service[n * this.capCount + cap]!(this.streams[n]);
    let i = this.next[n];
    if (i === BLOCK) {
      this.refill(n);
      i = 0;
    }
    this.next[n] = i + 1;
    return this.ahead[n * BLOCK + i];
  }

  private refill(n: number): void {
    const sampler = this.service[n * this.capCount + this.onlyCapability[n]]!;
    const stream = this.streams[n];
    const ahead = this.ahead;
    for (let i = n * BLOCK; i < (n + 1) * BLOCK; i++) ahead[i] = sampler(stream);
  }
}
