/**
 * Work at a node: starting service (one item, or a batch), pausing and resuming it when the
 * node goes down or a gate closes, preemption by more urgent work, and multitasking, where
 * people start every item at once and share their time, losing some of it to switching.
 */

import { blockItem, drawBlocker } from './blockers.ts';
import { BATCH_TIMEOUT, DONE, ITEM_DONE, ROOM } from './events.ts';
import { HOLDS_SERVER } from './items.ts';
import { accrue } from './observe.ts';
import { multitasks } from './rules.ts';
import type { ReplicationState } from './state.ts';
import { serveIndex } from './topology.ts';

/** Starts as much queued work as the node's free servers, batch rule and availability allow. */
export function tryStart(r: ReplicationState, n: number): void {
  if (r.rules.plain[n] === 1) {
    while (r.busy[n] < r.capacity[n] && r.queued[n] > 0) startItem(r, n, takeFromQueue(r, n));
    return;
  }
  if (r.available[n] === 0) return;
  if (multitasks(r.rules, n)) {
    startSharing(r, n);
    return;
  }
  const size = r.rules.batchSize[n];
  while (r.busy[n] < r.capacity[n] && r.queued[n] > 0) {
    if (r.gateBatchPending[n] === 1) {
      // A gate that meets on a schedule takes everything waiting as one batch.
      r.gateBatchPending[n] = 0;
      startUnit(r, n, r.queued[n]);
    } else if (size === 1) startUnit(r, n, 1);
    else if (r.queued[n] >= size) startUnit(r, n, size);
    else {
      const oldest = r.queues.oldest(n, r.items.enqueued);
      const due = r.items.enqueued[oldest] + r.rules.batchTimeout[n];
      if (r.now >= due) startUnit(r, n, r.queued[n]);
      else {
        if (due !== r.batchTimeoutAt[n] && due < Number.POSITIVE_INFINITY) {
          r.batchTimeoutAt[n] = due;
          r.calendar.schedule(due, BATCH_TIMEOUT, n);
        }
        return;
      }
    }
  }
}

/**
 * The expected work routing reads (least-work, fastest, reliability: `r.tracksWork`): adds
 * (sign 1) or takes away (-1) one item's mean service time for capability cap at node n,
 * waiting (`r.queuedWork`) or in service (`r.busyWork`).
 */
export function expectWork(
  r: ReplicationState,
  work: Float64Array,
  n: number,
  cap: number,
  sign: number,
): void {
  if (r.tracksWork) work[n] += sign * r.serviceMean[serveIndex(r, n, cap)];
}

/** The oldest item of a part-filled batch has waited its timeout. */
export function batchTimeout(r: ReplicationState, n: number): void {
  if (r.now !== r.batchTimeoutAt[n]) return;
  r.batchTimeoutAt[n] = -1;
  tryStart(r, n);
}

function takeFromQueue(r: ReplicationState, n: number): number {
  const slot = r.queues.shift(n);
  expectWork(r, r.queuedWork, n, r.items.capability[slot], -1);
  return slot;
}

/** Node n's next service time for capability cap (drawn ahead where n serves only that one). */
function serviceTime(r: ReplicationState, n: number, cap: number): number {
  return r.serviceAhead.has(n)
    ? r.serviceAhead.draw(n)
    : r.serviceSampler[serveIndex(r, n, cap)](r.serviceStreams[n]);
}

/**
 * Some of the work starts now, or resumes after preemption: wait statistics, commitment,
 * the trace. A node's wait is per visit: every stretch an item spends in the node's queue
 * adds to the total, but a resume is the same visit, so only a first start counts one.
 * Then the mean wait is the one Little's law relates to the queue: queue length = visits
 * per unit of time x mean wait per visit.
 */
function started(
  r: ReplicationState,
  slot: number,
  n: number,
  cap: number,
  work: number,
  resumed: boolean,
  size: number,
): void {
  const items = r.items;
  // The clock read once: each read is bytecode, and what V8 inlines into a start of work is
  // bounded by the bytecode of all it inlines.
  const now = r.now;
  items.touch[slot] += work;
  if (items.committed[slot] < 0) items.committed[slot] = now;
  if (items.arrival[slot] >= r.warmup) {
    r.waitTotal[n] += now - items.enqueued[slot];
    if (!resumed) r.waitCount[n]++;
    // A part's time is its item's, counted at the join (observe.ts `endParallelStep`).
    if (items.whole[slot] < 0) {
      const step = items.capability[slot];
      r.stepWait[step] += now - items.stepFrom[slot];
      r.stepWork[step] += work;
    }
  }
  // The step's time is work until the work's own end; past it (a pause) waiting (endStep).
  items.stepFrom[slot] = now + work;
  if (r.trace) r.trace('start', now, slot, n, cap, size);
}

/**
 * A server of a plain node starts on one item: the short path of startUnit. The work is
 * never paused, shared or redone, so it needs no service unit: the item holds the server
 * itself, and its ITEM_DONE event names the item.
 */
export function startItem(r: ReplicationState, n: number, slot: number): void {
  const items = r.items;
  accrue(r, n);
  const cap = items.capability[slot];
  const work = serviceTime(r, n, cap);
  items.unit[slot] = HOLDS_SERVER;
  started(r, slot, n, cap, work, false, 1);
  r.busy[n]++;
  r.working[n]++;
  r.servicesInProgress++;
  expectWork(r, r.busyWork, n, cap, 1);
  r.calendar.schedule(r.now + work, ITEM_DONE, slot);
}

/**
 * One server starts on k items as one unit (k = 1: a single item): the next k queued, or
 * `arriving` and nothing else when an item finds a free server and no queue.
 */
export function startUnit(r: ReplicationState, n: number, k: number, arriving = -1): void {
  const items = r.items;
  const units = r.units;
  accrue(r, n);
  const first = arriving >= 0 ? arriving : takeFromQueue(r, n);
  const cap = r.items.capability[first];
  // An item interrupted by more urgent work, or put aside by a blocker, resumes with the work
  // it had left; a blocker is found only when work on an item first starts.
  const resumed = items.remaining[first];
  const blocked = resumed === 0 && r.rules.blockerProbability[n] > 0 ? drawBlocker(r, n) : -1;
  if (blocked >= 0 && r.rules.blockerAside[n] === 1) {
    setAside(r, n, first, cap, blocked);
    return;
  }
  const u = units.take(n, first, k, cap);
  items.remaining[first] = 0;
  const work = k === 1 && resumed > 0 ? resumed : serviceTime(r, n, cap);
  items.unit[first] = u;
  started(r, first, n, cap, resumed > 0 ? 0 : work, resumed > 0, k);
  if (blocked >= 0) blockItem(r, n, first, cap, blocked);
  let previous = first;
  for (let i = 1; i < k; i++) {
    const slot = takeFromQueue(r, n);
    items.unit[slot] = u;
    items.nextInUnit[previous] = slot;
    // A batch is served in one service time: each of its items is worked on for all of it.
    started(r, slot, n, cap, work, false, k);
    // A batch held by a blocker waits as one.
    if (blocked >= 0) blockItem(r, n, slot, cap, blocked);
    previous = slot;
  }
  items.nextInUnit[previous] = -1;
  r.busy[n]++;
  r.working[n]++;
  r.servicesInProgress++;
  if (r.rules.listsServing[n] === 1) r.serving[n].add(u, units.position);
  expectWork(r, r.busyWork, n, cap, 1);
  // Held by a blocker, the server waits for it before the work can go on.
  const done = blocked > 0 ? r.now + blocked + work : r.now + work;
  units.doneAt[u] = done;
  r.calendar.schedule(done, DONE, u, units.generation[u]);
}

/**
 * A blocked item is put aside: it has started (commitment, its wait, its work drawn) but
 * takes no server, keeps its place at the node, and waits for the blocker to clear. Where it
 * does not count against the node's WIP limit meanwhile, the limit is raised by one until it
 * clears, and the room is offered to work waiting for it once this event is handled (a ROOM
 * event now: admitting work here would start it inside the start of another).
 */
function setAside(r: ReplicationState, n: number, slot: number, cap: number, time: number): void {
  const items = r.items;
  const work = serviceTime(r, n, cap);
  // Resumes with all its work left (at least the least double, so that it reads as a resume).
  items.remaining[slot] = Math.max(work, Number.MIN_VALUE);
  started(r, slot, n, cap, work, false, 1);
  r.setAside++;
  blockItem(r, n, slot, cap, time);
  if (r.rules.blockerFreesWip[n] === 1) {
    r.wipLimit[n]++;
    if (r.blocked > 0) r.calendar.schedule(r.now, ROOM, n);
  }
}

/**
 * A blocker clears. An item held by its server just carries on (its service was timed with
 * the blocked time in it); one put aside goes to the front of its node's queue and resumes
 * on the next free server.
 */
export function unblock(r: ReplicationState, slot: number): void {
  const items = r.items;
  if (r.calendar.tag !== items.blocker[slot]) return; // the item has left, its slot reused
  items.blocker[slot] = 0;
  const n = items.node[slot];
  if (r.trace) r.trace('unblocked', r.now, slot, n, items.capability[slot], 0);
  if (r.rules.blockerAside[n] === 0) return;
  r.setAside--;
  // It counts again, and resumes even when that puts the node over its limit: it was started
  // and is never turned away; the node takes no new work until it is back under.
  if (r.rules.blockerFreesWip[n] === 1) r.wipLimit[n]--;
  accrue(r, n);
  r.queues.pushFront(n, slot, items.level[slot]);
  expectWork(r, r.queuedWork, n, items.capability[slot], 1);
  items.enqueued[slot] = r.now;
  tryStart(r, n);
  if (r.queued[n] > r.queueMax[n] && r.now >= r.warmup && r.now <= r.duration) r.queueMax[n] = r.queued[n];
}

/**
 * The node goes down, or its gate closes (available 0), or comes back: pause or resume its
 * work. True when it has just come back, so the caller can offer its room to blocked work.
 */
export function updateAvailability(r: ReplicationState, n: number): boolean {
  const available = r.up[n] & r.open[n];
  if (available === r.available[n]) return false;
  accrue(r, n);
  r.available[n] = available;
  if (r.trace) r.trace(available ? 'available' : 'unavailable', r.now, -1, n, -1, 0);
  if (multitasks(r.rules, n)) {
    shareUpdate(r, n);
    shareRebalance(r, n);
    if (available) startSharing(r, n);
    return available === 1;
  }
  const units = r.units;
  const list = r.serving[n];
  for (let i = 0; i < list.length; i++) {
    const u = list.units[i];
    if (available === 0) {
      units.remaining[u] = units.doneAt[u] - r.now;
      units.doneAt[u] = -1;
      units.generation[u]++;
      r.working[n]--;
    } else {
      units.doneAt[u] = r.now + units.remaining[u];
      units.remaining[u] = 0;
      r.calendar.schedule(units.doneAt[u], DONE, u, units.generation[u]);
      r.working[n]++;
    }
  }
  if (available) tryStart(r, n);
  return available === 1;
}

/**
 * With preemption, an urgent item arriving at a node whose servers are all busy interrupts
 * the least urgent single item in service; that one goes back to the front of its line and
 * later resumes the work it had left (preempt-resume).
 */
export function preemptFor(r: ReplicationState, n: number, slot: number): void {
  if (r.available[n] === 0 || r.busy[n] < r.capacity[n]) return;
  if (r.rules.batchSize[n] > 1 || multitasks(r.rules, n)) return;
  const items = r.items;
  const units = r.units;
  const list = r.serving[n];
  let victim = -1;
  let leastUrgent = items.level[slot];
  for (let i = 0; i < list.length; i++) {
    const u = list.units[i];
    const level = items.level[units.first[u]];
    if (units.size[u] === 1 && level > leastUrgent) {
      leastUrgent = level;
      victim = u;
    }
  }
  if (victim < 0) return;
  accrue(r, n);
  const interrupted = units.first[victim];
  items.remaining[interrupted] = Math.max(units.doneAt[victim] - r.now, Number.MIN_VALUE);
  list.remove(victim, units.position);
  r.servicesInProgress--;
  r.working[n]--;
  r.busy[n]--;
  const cap = units.capability[victim];
  expectWork(r, r.busyWork, n, cap, -1);
  units.release(victim);
  items.unit[interrupted] = -1;
  r.queues.pushFront(n, interrupted, items.level[interrupted]);
  expectWork(r, r.queuedWork, n, cap, 1);
  items.enqueued[interrupted] = r.now;
  if (r.trace) r.trace('preempt', r.now, interrupted, n, cap, 0);
}

/**
 * Multitasking: people start everything queued at once. k items shared by c people each
 * progress at rate 1 while k <= c; beyond that each person holds k / c items and loses
 * `switchCost` of their time per item beyond the first, so each item progresses at
 * c * max(0.1, 1 - switchCost (k/c - 1)) / k (the floor keeps work moving at all).
 */
export function startSharing(r: ReplicationState, n: number): void {
  if (r.queued[n] === 0 || r.available[n] === 0) return;
  const items = r.items;
  const units = r.units;
  shareUpdate(r, n);
  accrue(r, n);
  while (r.queued[n] > 0) {
    const slot = takeFromQueue(r, n);
    const cap = r.items.capability[slot];
    const u = units.take(n, slot, 1, cap);
    items.unit[slot] = u;
    items.nextInUnit[slot] = -1;
    units.remaining[u] = serviceTime(r, n, cap);
    started(r, slot, n, cap, units.remaining[u], false, 1);
    r.serving[n].add(u, units.position);
    r.busy[n]++;
    r.servicesInProgress++;
    expectWork(r, r.busyWork, n, cap, 1);
  }
  shareRebalance(r, n);
}

/** Brings each shared item's remaining work up to now at the current rate. */
export function shareUpdate(r: ReplicationState, n: number): void {
  const elapsed = r.now - r.shareSince[n];
  r.shareSince[n] = r.now;
  const rate = r.shareRate[n];
  if (!(elapsed > 0 && rate > 0)) return;
  const units = r.units;
  const list = r.serving[n];
  for (let i = 0; i < list.length; i++) {
    const u = list.units[i];
    units.remaining[u] = Math.max(0, units.remaining[u] - rate * elapsed);
  }
}

/** Sets the shared rate for the items now in service and schedules the first to finish. */
export function shareRebalance(r: ReplicationState, n: number): void {
  accrue(r, n);
  const units = r.units;
  const list = r.serving[n];
  const k = list.length;
  const c = r.capacity[n];
  const on = r.available[n] === 1 && c > 0 && k > 0;
  const efficiency = Math.max(0.1, 1 - r.rules.switchCost[n] * (k / c - 1));
  const rate = on ? (k <= c ? 1 : (c * efficiency) / k) : 0;
  r.shareRate[n] = rate;
  r.working[n] = on ? Math.min(k, c) : 0;
  let first = -1;
  for (let i = 0; i < k; i++) {
    const u = list.units[i];
    units.generation[u]++;
    units.doneAt[u] = -1;
    if (first < 0 || units.remaining[u] < units.remaining[first]) first = u;
  }
  if (rate > 0 && first >= 0) {
    units.doneAt[first] = r.now + units.remaining[first] / rate;
    r.calendar.schedule(units.doneAt[first], DONE, first, units.generation[first]);
  }
}
