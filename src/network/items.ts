/**
 * Work items in progress, kept as columns of typed arrays indexed by a slot number.
 *
 * A slot is taken when an item arrives and given back when it is done, so memory is
 * bounded by the work in progress, never by how many items a run simulates.
 */
/** In `Items.unit`: the item holds a server of a plain node by itself (see Rules.plain). */
export const HOLDS_SERVER = -2;

export class Items {
  // Columns are `declare`d so that allocate() stores each first (see Replication's fields).
  /** Demand class of the item. */
  declare demandClass: Int32Array;
  /** Priority level (0 is served first). */
  declare level: Int32Array;
  /** Index of the step the item is at (or waiting for). */
  declare step: Int32Array;
  /** The capability the item needs now: that of its step, or of its detour (kept up to date by moves.ts). */
  declare capability: Int32Array;
  /** A capability the item must visit before carrying on (an escalation), or -1. */
  declare detour: Int32Array;
  /** Node the item is at: queued, in service, or finished there and blocked; -1 before its first node. */
  declare node: Int32Array;
  /** Node the item is headed for while blocked or in transit, else -1. */
  declare target: Int32Array;
  declare arrival: Float64Array;
  /** Commitment: release from the backlog, or the first service start; -1 until then. */
  declare committed: Float64Array;
  /** Total time the item has been worked on (touch time). */
  declare touch: Float64Array;
  /** When the item joined its current queue. */
  declare enqueued: Float64Array;
  /**
   * When the time counted toward the item's current step began: its arrival, its commitment
   * (CONWIP), or the end of its previous service (observe.ts `endStep`). Kept by the general
   * loop only: in the plain loop an item joins its next queue as its service ends, so
   * `enqueued` is that time there.
   */
  declare stepFrom: Float64Array;
  /** Work left of a service interrupted by a more urgent item (preemption), else 0. */
  declare remaining: Float64Array;
  /**
   * The service unit (see units.ts) the item is part of while at a node after starting,
   * HOLDS_SERVER at a plain node (which needs no unit), or -1.
   */
  declare unit: Int32Array;
  /** Next member of the same batch, or -1. */
  declare nextInUnit: Int32Array;
  /** Next item in the same line of a queue (node-queue.ts), or -1 for the last. */
  declare nextInLine: Int32Array;
  /** The item's rank in a ranked queue (disciplines.ts), set as it joins one. */
  declare rank: Float64Array;
  declare failures: Int32Array;
  /** Time the item has been blocked on something outside the stream (a blocker). */
  declare blockedTime: Float64Array;
  /** The tag of the item's pending unblocking (blockers.ts), or 0. */
  declare blocker: Int32Array;
  /** When the item's current blocker began; read only while `blocker` is set (the aging-WIP snapshot). */
  declare blockedSince: Float64Array;
  /** What the item's chance of failing is multiplied by: the approvals it passed (failureReduction). */
  declare failureFactor: Float64Array;
  declare handoffs: Int32Array;
  /** 1 while the slot holds an item. */
  declare live: Uint8Array;

  // Fork and join (forks.ts). At a parallel step an item splits into parts, one per branch,
  // each a slot of its own that moves through the network as an item with one step. The
  // item's own slot stays taken, at no node, until the last part is done.
  /** For a part, the slot of the item it is part of; -1 for an item. */
  declare whole: Int32Array;
  /** For an item split at a fork, its parts not yet done. */
  declare pending: Int32Array;
  /** For an item split at a fork: when it split, and when its first part was done (-1 before). */
  declare forkedAt: Float64Array;
  declare firstDone: Float64Array;
  /** For an item split at a fork, the most work any of its parts done so far had (touch time). */
  declare branchTouch: Float64Array;
  /** For an item split at a fork, the longest blocked time any of its parts done so far had. */
  declare branchBlocked: Float64Array;
  /**
   * Parts done and waiting at the join: for an item the first such part, for a part the
   * next, -1 at the end (their slots are kept until the join, to record where they were).
   */
  declare waiting: Int32Array;

  declare private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(initialCapacity = 256) {
    this.allocate(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  /** Takes a slot for a new item. */
  take(demandClass: number, level: number, time: number, capability: number): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.used === this.arrival.length) this.grow();
      slot = this.used++;
    }
    this.demandClass[slot] = demandClass;
    this.level[slot] = level;
    this.step[slot] = 0;
    this.capability[slot] = capability;
    this.detour[slot] = -1;
    this.node[slot] = -1;
    this.target[slot] = -1;
    this.arrival[slot] = time;
    this.committed[slot] = -1;
    this.touch[slot] = 0;
    this.enqueued[slot] = time;
    this.remaining[slot] = 0;
    this.unit[slot] = -1;
    this.nextInUnit[slot] = -1;
    this.failures[slot] = 0;
    this.blockedTime[slot] = 0;
    this.blocker[slot] = 0;
    this.failureFactor[slot] = 1;
    this.handoffs[slot] = 0;
    this.live[slot] = 1;
    return slot;
  }

  release(slot: number): void {
    this.live[slot] = 0;
    this.free[this.freeCount++] = slot;
  }

  /** Slots ever handed out: a measure of peak work in progress. */
  get highWater(): number {
    return this.used;
  }

  private allocate(n: number): void {
    const old = this.arrival;
    const ints = (a: Int32Array | undefined) => copyInto(a, new Int32Array(n));
    const floats = (a: Float64Array | undefined) => copyInto(a, new Float64Array(n));
    this.demandClass = ints(this.demandClass);
    this.level = ints(this.level);
    this.step = ints(this.step);
    this.capability = ints(this.capability);
    this.detour = ints(this.detour);
    this.node = ints(this.node);
    this.target = ints(this.target);
    this.arrival = floats(old);
    this.committed = floats(this.committed);
    this.touch = floats(this.touch);
    this.enqueued = floats(this.enqueued);
    this.stepFrom = floats(this.stepFrom);
    this.remaining = floats(this.remaining);
    this.unit = ints(this.unit);
    this.nextInUnit = ints(this.nextInUnit);
    this.nextInLine = ints(this.nextInLine);
    this.rank = floats(this.rank);
    this.failures = ints(this.failures);
    this.blockedTime = floats(this.blockedTime);
    this.blocker = ints(this.blocker);
    this.blockedSince = floats(this.blockedSince);
    this.failureFactor = floats(this.failureFactor);
    this.handoffs = ints(this.handoffs);
    this.live = copyInto(this.live, new Uint8Array(n));
    // Every slot starts as no part; a part's slot is set back to -1 when it is given back.
    this.whole = copyInto(this.whole, new Int32Array(n).fill(-1));
    this.pending = ints(this.pending);
    this.forkedAt = floats(this.forkedAt);
    this.firstDone = floats(this.firstDone);
    this.branchTouch = floats(this.branchTouch);
    this.branchBlocked = floats(this.branchBlocked);
    this.waiting = ints(this.waiting);
  }

  private grow(): void {
    this.allocate(this.arrival.length * 2);
    this.free = copyInto(this.free, new Int32Array(this.arrival.length));
  }
}

function copyInto<T extends Int32Array | Float64Array | Uint8Array>(from: T | undefined, to: T): T {
  if (from) to.set(from);
  return to;
}
