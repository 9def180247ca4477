/**
 * Items moved from node a to node b (a may be the arrival, b the exit), counted as a run goes.
 *
 * A matrix of every pair is the fastest to count into, and small networks keep one. But it
 * grows with the square of the nodes: 10,000 nodes would take 800 MB per replication, while
 * the pairs items actually move between are few (a chain of N nodes uses N + 1 of them). Past
 * DENSE_SIDE nodes the counts go into a hash table of the pairs seen, in typed arrays that
 * double when half full, so memory follows the moves made, not the nodes squared.
 *
 * A pair is the key `from * side + to`, side being nodes + 1 (node N stands for the arrival
 * as `from` and for done as `to`). The outcome holds the dense matrix as it is, or, for a
 * large network, the pairs seen as [key, count, key, count, ...] in increasing key order.
 */

/** Networks of up to this many nodes, plus one, keep the whole matrix (512 KB at most). */
export const DENSE_SIDE = 256;

/** Whether a network of `nodes` nodes counts its moves in the whole matrix. */
export function countsDense(nodes: number): boolean {
  return nodes + 1 <= DENSE_SIDE;
}

const EMPTY = -1;

export class MoveCounts {
  declare readonly dense: boolean;
  /** The whole matrix (dense), or the counts of the hash table's slots. */
  declare counts: Float64Array;
  /** The key in each slot of the hash table, or EMPTY (sparse only). */
  declare private keys: Float64Array;
  private used = 0;

  /** `matrix` is the outcome's own, counted into directly when the network is small. */
  constructor(nodes: number, matrix: Float64Array) {
    this.dense = countsDense(nodes);
    this.counts = this.dense ? matrix : new Float64Array(64);
    this.keys = new Float64Array(this.dense ? 0 : 64).fill(EMPTY);
  }

  add(key: number): void {
    // `=== true`: V8 tests a bare boolean field for every kind of value (calendar.ts `taken`).
    if (this.dense === true) this.counts[key]++;
    else this.addSparse(key);
  }

  /** The counts as the outcome keeps them (see the file's comment). */
  toOutcome(): Float64Array {
    if (this.dense) return this.counts;
    const order: number[] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) order.push(i);
    order.sort((a, b) => this.keys[a] - this.keys[b]);
    const pairs = new Float64Array(2 * order.length);
    order.forEach((slot, i) => {
      pairs[2 * i] = this.keys[slot];
      pairs[2 * i + 1] = this.counts[slot];
    });
    return pairs;
  }

  private addSparse(key: number): void {
    const mask = this.keys.length - 1;
    let slot = hash(key) & mask;
    while (this.keys[slot] !== key) {
      if (this.keys[slot] === EMPTY) {
        this.keys[slot] = key;
        if (++this.used * 2 > this.keys.length) {
          this.grow();
          this.addSparse(key);
          return;
        }
        break;
      }
      slot = (slot + 1) & mask;
    }
    this.counts[slot]++;
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.keys = new Float64Array(keys.length * 2).fill(EMPTY);
    this.counts = new Float64Array(keys.length * 2);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === EMPTY) continue;
      let slot = hash(keys[i]) & mask;
      while (this.keys[slot] !== EMPTY) slot = (slot + 1) & mask;
      this.keys[slot] = keys[i];
      this.counts[slot] = counts[i];
    }
  }
}

/** Fibonacci hashing of a key below 2^53: both halves mixed into 32 bits. */
function hash(key: number): number {
  const low = (key % 0x80000000) | 0;
  const high = (key / 0x80000000) | 0;
  return Math.imul(low ^ Math.imul(high, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

/** Items moved, summed over outcomes, for each pair with any, in increasing key order. */
export function movesOver(
  nodes: number,
  outcomes: readonly Float64Array[],
): { key: number; items: number }[] {
  const side = nodes + 1;
  const moved: { key: number; items: number }[] = [];
  if (countsDense(nodes)) {
    for (let key = 0; key < side * side; key++) {
      let items = 0;
      for (const o of outcomes) items += o[key];
      if (items > 0) moved.push({ key, items });
    }
    return moved;
  }
  const sums = new Map<number, number>();
  for (const o of outcomes)
    for (let i = 0; i < o.length; i += 2) sums.set(o[i], (sums.get(o[i]) ?? 0) + o[i + 1]);
  for (const [key, items] of sums) if (items > 0) moved.push({ key, items });
  return moved.sort((a, b) => a.key - b.key);
}
