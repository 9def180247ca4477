/**
 * Measuring while the simulation runs: time-weighted areas (queues, working servers,
 * capacity, blocked items, downtime, WIP) over the observation window [warmup, duration],
 * also per bottleneck window; the time series; item ages when arrivals stop.
 *
 * Each `accrue` adds the state held since the node's last change, so it must be called
 * just before anything that changes that state.
 */
import { WINDOW_END } from './events.ts';
import type { ReplicationState } from './state.ts';
import { forkOf } from './topology.ts';

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Adds node n's state since its last change to the areas. */
export function accrue(r: ReplicationState, n: number): void {
  const dt = accrueServing(r, n);
  if (!(dt > 0)) return;
  if (r.blockedHere[n] > 0) r.blockedArea[n] += r.blockedHere[n] * dt;
  if (r.up[n] === 0) r.downArea[n] += dt;
}

/**
 * The part of `accrue` that every node needs: its queue, working servers and capacity since
 * its last change. Returns the time added (0 if none). A node of a plain network is never
 * blocked nor down, so the plain loop (plain-loop.ts) needs no more than this.
 */
export function accrueServing(r: ReplicationState, n: number): number {
  const last = r.lastChange[n];
  const now = r.now;
  if (last === now) return 0;
  r.lastChange[n] = now;
  // Most changes fall inside the observation window; clip only those that do not.
  const dt =
    last >= r.warmup && now <= r.duration
      ? now - last
      : clamp(now, r.warmup, r.duration) - clamp(last, r.warmup, r.duration);
  if (!(dt > 0)) return 0;
  r.queueArea[n] += r.queued[n] * dt;
  r.busyArea[n] += r.working[n] * dt;
  r.capacityArea[n] += r.capacity[n] * dt;
  return dt;
}

/**
 * At the end of each bottleneck window: the areas so far, node by node, so that a
 * window's own areas are the difference from the previous boundary. (Keeping the split
 * here, once per window, keeps it out of `accrue`, which runs on every change.)
 */
export function closeWindow(r: ReplicationState, w: number): void {
  accrueAll(r);
  const win = r.out.windows;
  for (let n = 0; n < r.nodeCount; n++) {
    const i = w * r.nodeCount + n;
    win.busy[i] = r.busyArea[n] - r.windowStart[3 * n];
    win.capacity[i] = r.capacityArea[n] - r.windowStart[3 * n + 1];
    win.queue[i] = r.queueArea[n] - r.windowStart[3 * n + 2];
    r.windowStart[3 * n] = r.busyArea[n];
    r.windowStart[3 * n + 1] = r.capacityArea[n];
    r.windowStart[3 * n + 2] = r.queueArea[n];
  }
  r.windowsClosed = w + 1;
  if (w + 1 < win.count) r.calendar.schedule(r.warmup + (w + 2) * win.width, WINDOW_END, w + 1);
}

export function accrueAll(r: ReplicationState): void {
  for (let n = 0; n < r.nodeCount; n++) accrue(r, n);
}

/** Adds WIP and the backlog since their last change to their areas, then changes WIP by delta. */
export function changeWip(r: ReplicationState, delta: number): void {
  const from = clamp(r.wipLast, r.warmup, r.duration);
  const to = clamp(r.now, r.warmup, r.duration);
  if (to > from) {
    r.out.wipArea += r.wip * (to - from);
    r.out.backlogArea += r.backlog.length[0] * (to - from);
  }
  r.wipLast = r.now;
  r.wip += delta;
  if (r.wip > r.out.wipMax && r.now >= r.warmup && r.now <= r.duration) r.out.wipMax = r.wip;
}

/**
 * The item's service at its step (its capability) has ended. Work.ts `started` counted to the
 * step the wait before the work began (since the item's previous service ended, or it arrived
 * or was committed: waiting for room, a handoff, the queue) and the work; an end later than
 * the work alone would take (a pause for an outage or a closed gate, time shared by
 * multitasking, an interruption) waited the difference, 0 for plain work. From now on the
 * item waits for its next step.
 */
export function endStep(r: ReplicationState, slot: number): void {
  const items = r.items;
  // Work that was not paused ends when `started` said it would: the step waited nothing more
  // (most ends, and all on nodes whose work cannot pause).
  if (items.stepFrom[slot] === r.now) return;
  // A part's time is its item's, counted whole when the parallel step joins (endParallelStep).
  if (items.whole[slot] >= 0) return;
  if (items.arrival[slot] >= r.warmup) r.stepWait[items.capability[slot]] += r.now - items.stepFrom[slot];
  items.stepFrom[slot] = r.now;
}

/**
 * The last part of the item's parallel step is done: the step's time is the item's from the
 * fork, and its work the longest branch's, as forks.ts `partDone` adds to the item's touch
 * time (branches worked on at once take no more of the lead time than that). It is counted
 * after the capabilities, at capCount + the fork's number.
 */
export function endParallelStep(r: ReplicationState, whole: number): void {
  const items = r.items;
  if (items.arrival[whole] >= r.warmup) {
    const at = r.capCount + forkOf(items.capability[whole]);
    r.stepWait[at] += r.now - items.stepFrom[whole] - items.branchTouch[whole];
    r.stepWork[at] += items.branchTouch[whole];
  }
  items.stepFrom[whole] = r.now;
}

/** Records the state at every sample time up to t (the state has held since the last event). */
export function recordSeries(r: ReplicationState, t: number): void {
  const series = r.out.series;
  const sample = r.sample;
  const { nodes, capabilities, at } = r.seriesPlan;
  sample[at.wip] = r.wip;
  for (let k = 0; k < nodes.length; k++) {
    const i = nodes[k];
    sample[at.queue + k] = r.queued[i];
    sample[at.utilization + k] = r.capacity[i] > 0 ? Math.min(1, r.working[i] / r.capacity[i]) : 0;
  }
  sample[at.arrived] = r.arrivedTotal;
  for (let k = 0; k < capabilities.length; k++) sample[at.entered + k] = r.entered[capabilities[k]];
  sample[at.done] = r.doneTotal;
  while (t >= series.nextDue) series.record(sample);
}

/**
 * Work-item age of everything in progress when arrivals stop: what a coach sees on the board,
 * each item in the column of the step it is at or waits for (an item that has not entered
 * the system yet, in the CONWIP backlog, is at no node and headed for none), and, where a
 * node has a blocker, how long each has been blocked so far (-1: not blocked), as a board
 * marks its blocked cards.
 */
export function snapshotAges(r: ReplicationState): void {
  const items = r.items;
  const blocked = r.out.agingBlocked;
  const offer = (slot: number, capability: number, age: number) => {
    r.out.agingWip.offer(capability, age);
    blocked?.offer(capability, items.blocker[slot] !== 0 ? r.now - items.blockedSince[slot] : -1);
  };
  const ages: number[] = [];
  /** Items split at a parallel step that are shown already. */
  const shown = new Set<number>();
  for (let slot = 0; slot < items.highWater; slot++)
    if (items.live[slot]) {
      const whole = items.whole[slot];
      // An item split at a parallel step is one item, of its own age, shown at a branch still
      // in progress: the first of its parts found with its step still to do.
      if (whole >= 0) {
        if (items.capability[slot] >= 0 && !shown.has(whole)) {
          shown.add(whole);
          offer(slot, items.capability[slot], r.now - items.arrival[whole]);
        }
        continue;
      }
      const age = r.now - items.arrival[slot];
      ages.push(age);
      // At its join: shown by its parts above.
      if (items.pending[slot] > 0) continue;
      const inBacklog = items.node[slot] < 0 && items.target[slot] < 0;
      offer(slot, inBacklog ? -1 : items.capability[slot], age);
    }
  if (ages.length === 0) return;
  ages.sort((a, b) => a - b);
  const at = (p: number) => ages[Math.min(ages.length - 1, Math.max(0, Math.ceil(p * ages.length) - 1))];
  r.out.agesAtEnd = {
    count: ages.length,
    mean: ages.reduce((s, a) => s + a, 0) / ages.length,
    p50: at(0.5),
    p85: at(0.85),
    max: ages[ages.length - 1],
  };
}
