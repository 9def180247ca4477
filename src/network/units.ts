/**
 * Service units: what one server works on at once, a single item or a batch of items.
 *
 * A unit is created when a server starts, and given back when its last item has left
 * the node (an item that has finished but cannot move on because the next node is full
 * keeps its server: blocking after service). Columns of typed arrays with a free list,
 * like the items, so nothing is allocated per service.
 *
 * A plain node (Rules.plain), whose work is never batched, paused, shared or redone,
 * needs no unit: there an item holds its server by itself (Items.unit is HOLDS_SERVER).
 */
export class Units {
  // Columns are `declare`d so that allocate() stores each first (see Replication's fields).
  declare node: Int32Array;
  /** First item of the unit; the rest follow through `Items.nextInUnit`. */
  declare first: Int32Array;
  declare size: Int32Array;
  /** Items of the unit still at the node. */
  declare left: Int32Array;
  /** Capability being served (the unit's first item's). */
  declare capability: Int32Array;
  /** When its service ends; -1 while paused. */
  declare doneAt: Float64Array;
  /**
   * Bumped whenever the unit's scheduled end is called off (paused, preempted, re-timed,
   * released): a DONE event tagged with an older generation is stale and ignored.
   */
  declare generation: Int32Array;
  /** Work left while paused (outage, closed gate, preemption), or at a multitasking node. */
  declare remaining: Float64Array;
  /** Index in its node's UnitList while in service, else -1. */
  declare position: Int32Array;
  declare private free: Int32Array;
  private freeCount = 0;
  private used = 0;

  constructor(initialCapacity = 64) {
    this.allocate(initialCapacity);
    this.free = new Int32Array(initialCapacity);
  }

  take(node: number, first: number, size: number, capability: number): number {
    let u: number;
    if (this.freeCount > 0) u = this.free[--this.freeCount];
    else {
      if (this.used === this.node.length) {
        this.allocate(this.node.length * 2);
        const free = new Int32Array(this.node.length);
        free.set(this.free);
        this.free = free;
      }
      u = this.used++;
    }
    this.node[u] = node;
    this.first[u] = first;
    this.size[u] = size;
    this.left[u] = size;
    this.capability[u] = capability;
    this.doneAt[u] = -1;
    this.remaining[u] = 0;
    this.position[u] = -1;
    return u;
  }

  release(u: number): void {
    this.generation[u]++;
    this.free[this.freeCount++] = u;
  }

  private allocate(n: number): void {
    const ints = (a: Int32Array | undefined) => {
      const b = new Int32Array(n);
      if (a) b.set(a);
      return b;
    };
    const floats = (a: Float64Array | undefined) => {
      const b = new Float64Array(n);
      if (a) b.set(a);
      return b;
    };
    this.node = ints(this.node);
    this.first = ints(this.first);
    this.size = ints(this.size);
    this.left = ints(this.left);
    this.capability = ints(this.capability);
    this.doneAt = floats(this.doneAt);
    this.remaining = floats(this.remaining);
    this.position = ints(this.position);
    this.generation = ints(this.generation);
  }
}

/** A node's units in service, with O(1) add and remove (swap with the last). */
export class UnitList {
  units = new Int32Array(4);
  length = 0;

  add(u: number, position: Int32Array): void {
    if (this.length === this.units.length) {
      const bigger = new Int32Array(this.units.length * 2);
      bigger.set(this.units);
      this.units = bigger;
    }
    position[u] = this.length;
    this.units[this.length++] = u;
  }

  remove(u: number, position: Int32Array): void {
    const i = position[u];
    const last = this.units[--this.length];
    this.units[i] = last;
    position[last] = i;
    position[u] = -1;
  }
}
