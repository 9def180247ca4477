/**
 * The queues in front of the nodes (and the CONWIP backlog in front of the system), by
 * class of service: each queue has one first-in-first-out line per priority level, and
 * the next item is always the oldest of the most urgent non-empty line. With a single
 * level (no priorities in the scenario) each queue is a plain FIFO line.
 *
 * The lines are linked lists threaded through the items (`Items.nextInLine`: an item
 * waits in one line at most), with each line's first and last item in typed arrays. So
 * joining or leaving a line touches a few numbers, allocates nothing and never grows, and
 * the run loop reaches a node's queue without going through an object per node.
 */
import type { Items } from './items.ts';

export class Queues {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  /** Items in each queue, all levels together. */
  declare readonly length: Int32Array;
  /** First and last item of the line of queue q and level l, at q * levels + l; -1 when empty. */
  declare private readonly first: Int32Array;
  declare private readonly last: Int32Array;
  declare private readonly levels: number;
  declare private readonly items: Items;

  constructor(count: number, levels: number, items: Items) {
    this.length = new Int32Array(count);
    this.first = new Int32Array(count * levels).fill(-1);
    this.last = new Int32Array(count * levels).fill(-1);
    this.levels = levels;
    this.items = items;
  }

  /** The item joins the back of its level's line in queue q. */
  push(q: number, item: number, level: number): void {
    const line = q * this.levels + level;
    const next = this.items.nextInLine;
    next[item] = -1;
    const last = this.last[line];
    if (last < 0) this.first[line] = item;
    else next[last] = item;
    this.last[line] = item;
    this.length[q]++;
  }

  /** Back at the front of its line: an interrupted item resumes first. */
  pushFront(q: number, item: number, level: number): void {
    const line = q * this.levels + level;
    const first = this.first[line];
    this.items.nextInLine[item] = first;
    if (first < 0) this.last[line] = item;
    this.first[line] = item;
    this.length[q]++;
  }

  /** Removes and returns the next item of queue q: the oldest of its most urgent line. The caller checks `length` first. */
  shift(q: number): number {
    let line = q * this.levels;
    while (this.first[line] < 0) line++;
    const item = this.first[line];
    const next = this.items.nextInLine[item];
    this.first[line] = next;
    if (next < 0) this.last[line] = -1;
    this.length[q]--;
    return item;
  }

  /** The item of queue q that has waited longest of all, by the given enqueue times (for batch timeouts). */
  oldest(q: number, enqueued: Float64Array): number {
    let best = -1;
    for (let line = q * this.levels; line < (q + 1) * this.levels; line++) {
      const item = this.first[line];
      if (item >= 0 && (best < 0 || enqueued[item] < enqueued[best])) best = item;
    }
    return best;
  }
}
