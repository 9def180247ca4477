/**
 * How many items were in a stage at once, over time: the time-weighted distribution of the
 * count, over the whole history and over the time items waited in the queue before it.
 */
import type { History } from './history.ts';

export interface Occupancy {
  /** time[n]: how long exactly n items were in the stage. */
  time: number[];
  /** time[n] restricted to when at least one item waited in the queue stages before it. */
  whileWaiting: number[];
  /** How long at least one item waited there. */
  waitingTime: number;
}

export function occupancy(history: History, stage: string, queue: readonly string[]): Occupancy {
  const events: { at: number; work: number; wait: number }[] = [];
  for (const item of history.items)
    for (const v of item.visits) {
      const isWork = v.stage === stage;
      if (!isWork && !queue.includes(v.stage)) continue;
      const out = Math.min(v.exitedAt ?? history.end, history.end);
      if (!(out > v.enteredAt)) continue;
      events.push({ at: v.enteredAt, work: isWork ? 1 : 0, wait: isWork ? 0 : 1 });
      events.push({ at: out, work: isWork ? -1 : 0, wait: isWork ? 0 : -1 });
    }
  events.sort((a, b) => a.at - b.at);
  const time: number[] = [0];
  const whileWaiting: number[] = [0];
  let work = 0;
  let wait = 0;
  let last = history.start;
  let waitingTime = 0;
  for (const e of events) {
    const span = e.at - last;
    if (span > 0) {
      time[work] = (time[work] ?? 0) + span;
      if (wait > 0) {
        whileWaiting[work] = (whileWaiting[work] ?? 0) + span;
        waitingTime += span;
      }
    }
    last = e.at;
    work += e.work;
    wait += e.wait;
  }
  time[0] += Math.max(0, history.end - last);
  return { time: dense(time), whileWaiting: dense(whileWaiting), waitingTime };
}

function dense(xs: number[]): number[] {
  return Array.from({ length: xs.length }, (_, i) => xs[i] ?? 0);
}

/** The smallest n with at least a share p of the time at n or fewer. */
export function weightedQuantile(time: readonly number[], p: number): number {
  const total = time.reduce((s, x) => s + x, 0);
  let seen = 0;
  for (let n = 0; n < time.length; n++) {
    seen += time[n];
    if (seen >= p * total - 1e-12) return n;
  }
  return time.length - 1;
}
