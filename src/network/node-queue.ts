/**
 * The queues in front of the nodes (and the CONWIP backlog in front of the system), by
 * class of service: each queue has one first-in-first-out line per priority level, and
 * the next item is always the oldest of the most urgent non-empty line. With a single
 * level (no priorities in the scenario) each queue is a plain FIFO line. A node with a
 * queue discipline (disciplines.ts) keeps one line instead: in arrival order (fifo), or
 * sorted by the rank each item gets as it joins (wsjf, edd, sjf), so the next item is
 * still the head of a line.
 *
 * The lines are linked lists threaded through the items (`Items.nextInLine`: an item
 * waits in one line at most), with each line's first and last item in typed arrays. So
 * joining or leaving a line touches a few numbers, allocates nothing and never grows, and
 * the run loop reaches a node's queue without going through an object per node.
 */
import { BY_PRIORITY, RANKED, type Rank, type RankView } from './disciplines.ts';
import type { Items } from './items.ts';

/** Each queue's discipline: how it keeps its lines, its rank if ranked, and what ranks read. */
export interface QueueOrder {
  mode: Uint8Array;
  ranks: (Rank | undefined)[];
  view: RankView;
}

export class Queues {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  /** Items in each queue, all levels together. */
  declare readonly length: Int32Array;
  /** First and last item of the line of queue q and level l, at q * levels + l; -1 when empty. */
  declare private readonly first: Int32Array;
  declare private readonly last: Int32Array;
  declare private readonly levels: number;
  declare private readonly items: Items;
  /** Per queue: BY_PRIORITY, ONE_LINE or RANKED (disciplines.ts). */
  declare private readonly mode: Uint8Array;
  declare private readonly order: QueueOrder | undefined;
  /** Some queue keeps one line, or a ranked one, rather than one per priority level. */
  declare private readonly ordered: boolean;

  /** Without an order, every queue keeps one line per priority level. */
  constructor(count: number, levels: number, items: Items, order?: QueueOrder) {
    this.length = new Int32Array(count);
    this.first = new Int32Array(count * levels).fill(-1);
    this.last = new Int32Array(count * levels).fill(-1);
    this.levels = levels;
    this.items = items;
    this.mode = order ? order.mode : new Uint8Array(count);
    this.order = order;
    this.ordered = this.mode.some((m) => m !== BY_PRIORITY);
  }

  /** The item joins queue q: the back of its level's line, or of the one line, or its place by rank. */
  push(q: number, item: number, level: number): void {
    // Queues without a discipline (most runs) go straight to their level's line.
    if (this.ordered) this.pushOrdered(q, item, level);
    else this.append(q, q * this.levels + level, item);
  }

  private pushOrdered(q: number, item: number, level: number): void {
    const mode = this.mode[q];
    if (mode === RANKED) this.insert(q, item);
    else this.append(q, q * this.levels + (mode === BY_PRIORITY ? level : 0), item);
  }

  /** The item joins the back of the line of queue q. */
  private append(q: number, line: number, item: number): void {
    const next = this.items.nextInLine;
    next[item] = -1;
    const last = this.last[line];
    if (last < 0) this.first[line] = item;
    else next[last] = item;
    this.last[line] = item;
    this.length[q]++;
  }

  /**
   * Back at the front of its line: an interrupted item, or one put aside by a blocker,
   * resumes first. (Preemption goes by class priority, so the scenario allows it only where
   * queues keep lines by priority; work put aside resumes first whatever the discipline.)
   */
  pushFront(q: number, item: number, level: number): void {
    const mode = this.mode[q];
    // In a ranked line the item goes first by rank too, so work joining later goes after it.
    if (mode === RANKED) this.items.rank[item] = Number.NEGATIVE_INFINITY;
    const line = q * this.levels + (mode === BY_PRIORITY ? level : 0);
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
    if (this.mode[q] === RANKED) {
      // A line sorted by rank is not in arrival order: every item is a candidate.
      const next = this.items.nextInLine;
      for (let item = this.first[q * this.levels]; item >= 0; item = next[item])
        if (best < 0 || enqueued[item] < enqueued[best]) best = item;
      return best;
    }
    for (let line = q * this.levels; line < (q + 1) * this.levels; line++) {
      const item = this.first[line];
      if (item >= 0 && (best < 0 || enqueued[item] < enqueued[best])) best = item;
    }
    return best;
  }

  /**
   * The item takes its place by rank in queue q's one line: after every item of lower or
   * equal rank, so equals keep arrival order. Work that joins in rank order (a constant
   * rank, or due dates of one deadline) goes to the back at once; otherwise the walk is
   * from the head, over the items that go first.
   */
  private insert(q: number, item: number): void {
    const order = this.order!;
    const key = order.ranks[q]!(order.view, item, q);
    const rank = this.items.rank;
    const next = this.items.nextInLine;
    rank[item] = key;
    const line = q * this.levels;
    const last = this.last[line];
    this.length[q]++;
    if (last < 0 || key >= rank[last]) {
      next[item] = -1;
      if (last < 0) this.first[line] = item;
      else next[last] = item;
      this.last[line] = item;
      return;
    }
    let before = this.first[line];
    if (key < rank[before]) {
      next[item] = before;
      this.first[line] = item;
      return;
    }
    while (rank[next[before]] <= key) before = next[before];
    next[item] = next[before];
    next[before] = item;
  }
}
