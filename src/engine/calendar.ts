/**
 * The event calendar: a binary min-heap of pending events, kept in typed arrays.
 *
 * An event is three numbers: when it happens, what kind it is, and whom it concerns
 * (`subject`, e.g. an item slot or a node index, interpreted by the kind's handler).
 * Ties on time are broken by insertion order (`seq`), so two runs of the same scenario
 * pop events in the same order and give the same result.
 *
 * Nothing here allocates per event: the arrays grow by doubling and are reused, and
 * `pop()` reports the popped event through the `time`, `kind` and `subject` fields
 * instead of returning an object. The heap holds only pending events, so its size is
 * bounded by the work in progress, not by how many items a run simulates.
 */
export class Calendar {
  /** Time of the event last popped. */
  time = 0;
  /** Kind of the event last popped. */
  kind = 0;
  /** Subject of the event last popped. */
  subject = 0;

  private times: Float64Array;
  private seqs: Float64Array;
  private kinds: Int32Array;
  private subjects: Int32Array;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(initialCapacity);
    this.seqs = new Float64Array(initialCapacity);
    this.kinds = new Int32Array(initialCapacity);
    this.subjects = new Int32Array(initialCapacity);
  }

  get size(): number {
    return this.count;
  }

  /** The time of the next event, or Infinity when none is pending. */
  peekTime(): number {
    return this.count > 0 ? this.times[0] : Number.POSITIVE_INFINITY;
  }

  schedule(time: number, kind: number, subject: number): void {
    if (this.count === this.times.length) this.grow();
    const seq = this.nextSeq++;
    // Sift up: move parents down until the new event's place is found.
    let i = this.count++;
    const times = this.times;
    const seqs = this.seqs;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && seqs[parent] < seq)) break;
      this.move(parent, i);
      i = parent;
    }
    times[i] = time;
    seqs[i] = seq;
    this.kinds[i] = kind;
    this.subjects[i] = subject;
  }

  /** Removes the earliest event and exposes it as `time`, `kind`, `subject`. */
  pop(): boolean {
    if (this.count === 0) return false;
    const times = this.times;
    const seqs = this.seqs;
    this.time = times[0];
    this.kind = this.kinds[0];
    this.subject = this.subjects[0];
    const last = --this.count;
    if (last === 0) return true;
    const lt = times[last];
    const ls = seqs[last];
    const lk = this.kinds[last];
    const lsub = this.subjects[last];
    // Sift down the last event from the root.
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      const right = child + 1;
      if (
        right < last &&
        (times[right] < times[child] || (times[right] === times[child] && seqs[right] < seqs[child]))
      )
        child = right;
      const ct = times[child];
      if (lt < ct || (lt === ct && ls < seqs[child])) break;
      this.move(child, i);
      i = child;
    }
    times[i] = lt;
    seqs[i] = ls;
    this.kinds[i] = lk;
    this.subjects[i] = lsub;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.nextSeq = 0;
  }

  private move(from: number, to: number): void {
    this.times[to] = this.times[from];
    this.seqs[to] = this.seqs[from];
    this.kinds[to] = this.kinds[from];
    this.subjects[to] = this.subjects[from];
  }

  private grow(): void {
    const n = this.times.length * 2;
    this.times = grown(this.times, new Float64Array(n));
    this.seqs = grown(this.seqs, new Float64Array(n));
    this.kinds = grown(this.kinds, new Int32Array(n));
    this.subjects = grown(this.subjects, new Int32Array(n));
  }
}

function grown<T extends Float64Array | Int32Array>(old: T, bigger: T): T {
  bigger.set(old);
  return bigger;
}
