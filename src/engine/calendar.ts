/**
 * The event calendar: a binary min-heap of pending events, kept in typed arrays.
 *
 * An event is four numbers: when it happens, what kind it is, whom it concerns
 * (`subject`, e.g. an item slot or a node index, interpreted by the kind's handler), and a
 * `tag` the handler may use to recognise an event that has since been superseded (for
 * example the generation of a service that was later paused).
 * Ties on time are broken by insertion order (`seq`), so two runs of the same scenario
 * pop events in the same order and give the same result.
 *
 * Nothing here allocates per event: the arrays grow by doubling and are reused, and
 * `pop()` reports the popped event through the `time`, `kind` and `subject` fields
 * instead of returning an object. The heap holds only pending events, so its size is
 * bounded by the work in progress, not by how many items a run simulates.
 *
 * Most events schedule another as they are handled (an arrival the next arrival, a service
 * that ends the next service). `take()` therefore exposes the earliest event as `pop()` does
 * but leaves it at the root, and the first event scheduled after it takes its place there and
 * sinks once, instead of the last event sinking from the root and the new one rising again.
 * `settle()` removes the taken event if nothing was scheduled in its place. The order in which
 * events come out is the same either way: (time, seq) orders them totally, whatever the heap's
 * shape.
 */
export class Calendar {
  /** Time of the event last popped. */
  time = 0;
  /** Kind of the event last popped. */
  kind = 0;
  /** Subject of the event last popped. */
  subject = 0;
  /** Tag of the event last popped. */
  tag = 0;

  // The heap orders event ids by (time, seq); sifting moves only a time and an id.
  // (The arrays are `declare`d so that the constructor's store is the first: a class field
  // without an initializer starts as undefined, and V8 would then check each array's type
  // on every read.)
  declare private heapTimes: Float64Array;
  declare private heapIds: Int32Array;
  // Each pending event's record, indexed by its id; ids are recycled through a free list.
  declare private seqs: Float64Array;
  declare private kinds: Int32Array;
  declare private subjects: Int32Array;
  declare private tags: Int32Array;
  declare private freeIds: Int32Array;
  private freeCount = 0;
  private count = 0;
  private nextSeq = 0;
  /**
   * The root is an event already taken (`take()`), to be replaced by the next one scheduled.
   * Tested with `=== true`: V8 (Node 20) does not track that a field holds only booleans, and
   * tests a bare `if (this.taken)` for every kind of value (string, number, bigint) at each event.
   */
  private taken = false;

  constructor(initialCapacity = 1024) {
    this.heapTimes = new Float64Array(initialCapacity);
    this.heapIds = new Int32Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.subjects = new Int32Array(initialCapacity);
    this.tags = new Int32Array(initialCapacity);
    this.freeIds = new Int32Array(initialCapacity);
    this.clear();
  }

  get size(): number {
    return this.count;
  }

  /** The time of the next event, or Infinity when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.heapTimes[0] : Number.POSITIVE_INFINITY;
  }

  schedule(time: number, kind: number, subject: number, tag = 0): void {
    if (this.taken === true) {
      this.taken = false;
      const root = this.heapIds[0];
      this.seqs[root] = this.nextSeq++;
      this.kinds[root] = kind;
      this.subjects[root] = subject;
      this.tags[root] = tag;
      this.sink(time, root);
      return;
    }
    if (this.count === this.heapTimes.length) this.grow();
    const id = this.freeIds[--this.freeCount];
    const seq = this.nextSeq++;
    this.seqs[id] = seq;
    this.kinds[id] = kind;
    this.subjects[id] = subject;
    this.tags[id] = tag;
    // Sift up: move parents down until the new event's place is found.
    const times = this.heapTimes;
    const ids = this.heapIds;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && this.seqs[ids[parent]] < seq)) break;
      times[i] = pt;
      ids[i] = ids[parent];
      i = parent;
    }
    times[i] = time;
    ids[i] = id;
  }

  /** Removes the earliest event and exposes it as `time`, `kind`, `subject`. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.heapTimes;
    const ids = this.heapIds;
    const top = ids[0];
    this.time = times[0];
    this.kind = this.kinds[top];
    this.subject = this.subjects[top];
    this.tag = this.tags[top];
    this.freeIds[this.freeCount++] = top;
    const last = --this.count;
    if (last === 0) return true;
    const lt = times[last];
    const lid = ids[last];
    const lseq = this.seqs[lid];
    // Sift down the last event from the root, through the smaller child. This is sink()
    // written out again on purpose: the general loop pops every event, and calling sink()
    // from here measured 2-4% slower on the bench's lean tandem (V8 did not inline it).
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last) {
        // The earlier child, chosen without a branch on the times: either is as likely, so a
        // branch would be mispredicted half the time. Equal times (rare) go by seq.
        const leftTime = times[child];
        const rightTime = times[right];
        let pick = +(rightTime < leftTime);
        if (rightTime === leftTime) pick = +(this.seqs[ids[right]] < this.seqs[ids[child]]);
        child += pick;
      }
      const ct = times[child];
      if (lt < ct || (lt === ct && lseq < this.seqs[ids[child]])) break;
      times[i] = ct;
      ids[i] = ids[child];
      i = child;
    }
    times[i] = lt;
    ids[i] = lid;
    return true;
  }

  /**
   * Exposes the earliest event as `pop()` does, leaving its place at the root to the next
   * event scheduled; `settle()` must follow, once the event has been handled. The caller
   * checks that an event is pending (`peekTime()`).
   */
  take(): void {
    this.expose();
    this.taken = true;
  }

  /**
   * `take()` for a loop that reads only the event's kind and subject (plain-loop.ts): the same,
   * without exposing its time (the caller has it from `peekTime()`) and tag.
   */
  takeKindAndSubject(): void {
    const top = this.heapIds[0];
    this.kind = this.kinds[top];
    this.subject = this.subjects[top];
    this.taken = true;
  }

  /** After `take()`: removes the taken event, unless an event scheduled since took its place. */
  settle(): void {
    if (this.taken === false) return;
    this.taken = false;
    this.removeTop();
  }

  private expose(): void {
    const top = this.heapIds[0];
    this.time = this.heapTimes[0];
    this.kind = this.kinds[top];
    this.subject = this.subjects[top];
    this.tag = this.tags[top];
  }

  private removeTop(): void {
    this.freeIds[this.freeCount++] = this.heapIds[0];
    const last = --this.count;
    if (last > 0) this.sink(this.heapTimes[last], this.heapIds[last]);
  }

  /** Places event `id` at `time` at the root and sifts it down through the earlier child. */
  private sink(time: number, id: number): void {
    const times = this.heapTimes;
    const ids = this.heapIds;
    const seq = this.seqs[id];
    const end = this.count;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= end) break;
      const right = child + 1;
      if (right < end) {
        // The earlier child, chosen without a branch on the times: either is as likely, so a
        // branch would be mispredicted half the time. Equal times (rare) go by seq.
        const leftTime = times[child];
        const rightTime = times[right];
        let pick = +(rightTime < leftTime);
        if (rightTime === leftTime) pick = +(this.seqs[ids[right]] < this.seqs[ids[child]]);
        child += pick;
      }
      const ct = times[child];
      if (time < ct || (time === ct && seq < this.seqs[ids[child]])) break;
      times[i] = ct;
      ids[i] = ids[child];
      i = child;
    }
    times[i] = time;
    ids[i] = id;
  }

  clear(): void {
    this.count = 0;
    this.taken = false;
    this.nextSeq = 0;
    const n = this.freeIds.length;
    for (let i = 0; i < n; i++) this.freeIds[i] = n - 1 - i;
    this.freeCount = n;
  }

  private grow(): void {
    const old = this.heapTimes.length;
    const n = old * 2;
    this.heapTimes = grown(this.heapTimes, new Float64Array(n));
    this.heapIds = grown(this.heapIds, new Int32Array(n));
    this.seqs = grown(this.seqs, new Float64Array(n));
    this.kinds = grown(this.kinds, new Int32Array(n));
    this.subjects = grown(this.subjects, new Int32Array(n));
    this.tags = grown(this.tags, new Int32Array(n));
    // Every id below `old` is in use (the heap was full), so the new ids are the free ones.
    this.freeIds = new Int32Array(n);
    for (let i = 0; i < old; i++) this.freeIds[i] = n - 1 - i;
    this.freeCount = old;
  }
}

function grown<T extends Float64Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
