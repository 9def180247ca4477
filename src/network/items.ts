/**
 * Work items in progress, kept as columns of typed arrays indexed by a slot number.
 *
 * A slot is taken when an item arrives and given back when it is done, so memory is
 * bounded by the work in progress, never by how many items a run simulates.
 */
export class Items {
  /** Demand class of the item. */
  demandClass: Int32Array;
  /** Index of the step the item is at (or waiting for). */
  step: Int32Array;
  /** Node doing (or queued for) the current step. */
  node: Int32Array;
  arrival: Float64Array;
  /** When the item's first service started (commitment); -1 until then. */
  firstStart: Float64Array;
  /** Total time the item has been worked on (touch time). */
  touch: Float64Array;
  /** When the item joined its current queue. */
  enqueued: Float64Array;
  private free: Int32Array;
  private freeCount = 0;
  private used = 0;
  /** Items currently in the system. */
  inProgress = 0;

  constructor(initialCapacity = 256) {
    this.demandClass = new Int32Array(initialCapacity);
    this.step = new Int32Array(initialCapacity);
    this.node = new Int32Array(initialCapacity);
    this.arrival = new Float64Array(initialCapacity);
    this.firstStart = new Float64Array(initialCapacity);
    this.touch = new Float64Array(initialCapacity);
    this.enqueued = new Float64Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** Takes a slot for a new item. */
  take(demandClass: number, time: number): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.used === this.arrival.length) this.grow();
      slot = this.used++;
    }
    this.demandClass[slot] = demandClass;
    this.step[slot] = 0;
    this.node[slot] = -1;
    this.arrival[slot] = time;
    this.firstStart[slot] = -1;
    this.touch[slot] = 0;
    this.enqueued[slot] = time;
    this.inProgress++;
    return slot;
  }

  release(slot: number): void {
    this.free[this.freeCount++] = slot;
    this.inProgress--;
  }

  /** Slots ever handed out: a measure of peak work in progress. */
  get highWater(): number {
    return this.used;
  }

  private grow(): void {
    const n = this.arrival.length * 2;
    this.demandClass = copyInto(this.demandClass, new Int32Array(n));
    this.step = copyInto(this.step, new Int32Array(n));
    this.node = copyInto(this.node, new Int32Array(n));
    this.arrival = copyInto(this.arrival, new Float64Array(n));
    this.firstStart = copyInto(this.firstStart, new Float64Array(n));
    this.touch = copyInto(this.touch, new Float64Array(n));
    this.enqueued = copyInto(this.enqueued, new Float64Array(n));
    this.free = copyInto(this.free, new Int32Array(n));
  }
}

function copyInto<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
