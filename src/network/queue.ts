/**
 * A first-in-first-out queue of item slots: a growable ring buffer on an Int32Array,
 * so taking the next item is O(1) and allocates nothing (no Array.prototype.shift).
 */
export class ItemQueue {
  // `declare`d, so the constructor's store is the first and V8 knows it is an Int32Array.
  declare private slots: Int32Array;
  private head = 0;
  length = 0;

  constructor(initialCapacity = 16) {
    this.slots = new Int32Array(initialCapacity);
  }

  push(item: number): void {
    if (this.length === this.slots.length) this.grow();
    this.slots[(this.head + this.length) & (this.slots.length - 1)] = item;
    this.length++;
  }

  /** Removes and returns the oldest item; the caller checks `length` first. */
  shift(): number {
    const item = this.slots[this.head];
    this.head = (this.head + 1) & (this.slots.length - 1);
    this.length--;
    return item;
  }

  /** Puts an item back at the front (an interrupted item resumes before the others). */
  unshift(item: number): void {
    if (this.length === this.slots.length) this.grow();
    this.head = (this.head - 1) & (this.slots.length - 1);
    this.slots[this.head] = item;
    this.length++;
  }

  /** The oldest item, without removing it; the caller checks `length` first. */
  peek(): number {
    return this.slots[this.head];
  }

  /** The i-th oldest item (0 is the oldest); the caller checks `i < length`. */
  at(i: number): number {
    return this.slots[(this.head + i) & (this.slots.length - 1)];
  }

  /** Removes the i-th oldest item, keeping the others' order (moves the i before it on by one). */
  removeAt(i: number): void {
    const mask = this.slots.length - 1;
    for (let j = i; j > 0; j--) this.slots[(this.head + j) & mask] = this.slots[(this.head + j - 1) & mask];
    this.head = (this.head + 1) & mask;
    this.length--;
  }

  private grow(): void {
    // Capacity stays a power of two so wrapping is a mask, not a division.
    const bigger = new Int32Array(this.slots.length * 2);
    for (let i = 0; i < this.length; i++) bigger[i] = this.slots[(this.head + i) & (this.slots.length - 1)];
    this.slots = bigger;
    this.head = 0;
  }
}
