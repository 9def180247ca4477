/**
 * The queue in front of a node, by class of service: one first-in-first-out line per
 * priority level, and the node always takes from the most urgent non-empty line.
 * With a single level (no priorities in the scenario) it is a plain FIFO queue.
 */
import { ItemQueue } from './queue.ts';

export class NodeQueue {
  // `declare`d fields are first stored by the constructor, so V8 knows their types.
  declare private readonly lines: ItemQueue[];
  /** The only line when there are no priorities: the common case, kept direct. */
  declare private readonly single: ItemQueue | undefined;
  length = 0;

  constructor(levels: number) {
    this.lines = Array.from({ length: levels }, () => new ItemQueue());
    this.single = levels === 1 ? this.lines[0] : undefined;
  }

  push(item: number, level: number): void {
    this.lines[level].push(item);
    this.length++;
  }

  /** Back at the front of its line: an interrupted item resumes first. */
  pushFront(item: number, level: number): void {
    this.lines[level].unshift(item);
    this.length++;
  }

  /** The next item to serve: the oldest of the most urgent level. */
  shift(): number {
    if (this.single) {
      this.length--;
      return this.single.shift();
    }
    const lines = this.lines;
    for (let l = 0; l < lines.length; l++)
      if (lines[l].length > 0) {
        this.length--;
        return lines[l].shift();
      }
    return -1;
  }

  /** The item that has waited longest of all, by the given enqueue times (for batch timeouts). */
  oldest(enqueued: Float64Array): number {
    let best = -1;
    for (const line of this.lines)
      if (line.length > 0 && (best < 0 || enqueued[line.peek()] < enqueued[best])) best = line.peek();
    return best;
  }
}
