/**
 * The run loop of a plain network: every node plain (one item per server, nothing that
 * pauses, shares, re-times or redoes work; see Rules.plain), and nothing that holds work
 * between nodes (no WIP limits, no CONWIP, no handoff delays) nor watches it (no trace).
 * The token ring, the M/M/c tandem and most networks a coach first builds are such.
 *
 * In such a network an item's stay at a node is always the same: it joins the node's queue
 * or a free server at once, is served, and leaves for its next step's node, freeing its
 * server for the next in the queue. The general loop walks that through the handlers of
 * every mechanism (finishItem → moveOn → chooseNode → moveTo → admit → joinQueue →
 * startItem, then leave), asking at each turn about batches, gates, blocking, handoffs and
 * escalations that cannot happen here. This loop does the same steps in the same order,
 * fused into one handler per event kind, with those questions left out.
 *
 * "The same steps in the same order" is the whole contract: the same draws from the same
 * streams, the same events scheduled in the same order (so ties on time break alike), the
 * same statistics accrued at the same moments. Results are the same bytes as the general
 * loop's, which tests/network/plain-loop.test.ts checks over generated networks and presets.
 */

import { changeDemand, scheduleArrival } from './arrivals.ts';
import { stuck } from './deadlock.ts';
import { AGE_SNAPSHOT, ARRIVAL, DEMAND_CHANGE, ITEM_DONE, WINDOW_END } from './events.ts';
import { recordDone } from './moves.ts';
import { accrueServing, changeWip, closeWindow, recordSeries, snapshotAges } from './observe.ts';
import type { StopReason } from './outcome.ts';
import type { ReplicationState } from './state.ts';
import { serveIndex } from './topology.ts';

/** Whether the replication's network is plain, so that `runPlain` gives the general loop's results. */
export function isPlainNetwork(r: ReplicationState): boolean {
  // Both conditions are derived from what each mechanism declares it needs (mechanisms.ts).
  return !r.trace && r.rules.plain.every((p) => p === 1) && !r.rules.holdsWork;
}

/**
 * Handles up to `maxEvents` events of a plain network; returns why the replication stops,
 * or undefined if it has not stopped. The checks around each event are the general loop's.
 */
export function runPlain(r: ReplicationState, maxEvents: number, maxWip: number): StopReason | undefined {
  const stop = handle(r, maxEvents, maxWip);
  // The items at each node, which WIP limits count as they move (moves.ts `admit`, `leave`):
  // here only those queued and in service, so they are counted once the events are handled
  // rather than at every move. Nothing the plain loop calls reads them.
  for (let n = 0; n < r.nodeCount; n++) r.nodeWip[n] = r.queued[n] + r.busy[n];
  return stop;
}

/** The loop over events itself (see `runPlain`). */
function handle(r: ReplicationState, maxEvents: number, maxWip: number): StopReason | undefined {
  const calendar = r.calendar;
  const series = r.out.series;
  // Two rare moments in one comparison per event: the time cap, and the next point of the series.
  let watch = Math.min(r.maxTime, series.nextDue);
  for (let budget = maxEvents; budget > 0; budget--) {
    const t = calendar.peekTime();
    if (t === Number.POSITIVE_INFINITY) return r.wip > 0 ? 'deadlock' : 'drained';
    if (t >= watch) {
      if (t > r.maxTime) return 'time-cap';
      if (t >= series.nextDue) recordSeries(r, t);
      watch = Math.min(r.maxTime, series.nextDue);
    }
    calendar.takeKindAndSubject();
    r.now = t;
    r.events++;
    const subject = calendar.subject;
    const kind = calendar.kind;
    if (kind === ITEM_DONE) finish(r, subject);
    else if (kind === ARRIVAL) arrive(r, subject);
    else if (kind === WINDOW_END) closeWindow(r, subject);
    else if (kind === AGE_SNAPSHOT) snapshotAges(r);
    else if (kind === DEMAND_CHANGE) changeDemand(r, subject);
    else throw new Error(`event kind ${kind} in a plain network`);
    calendar.settle();
    if (r.wip >= maxWip) return 'overflow';
    // r.now, not t: a double still wanted after a call is boxed for the call (an allocation per event).
    if (r.now >= r.duration && r.wip === 0) return 'drained';
    if (r.servicesInProgress === 0 && r.wip > 0 && stuck(r)) return 'deadlock';
  }
  return undefined;
}

/** An item of class c arrives (arrivals.ts `arrive`, then `commit` with no CONWIP limit). */
function arrive(r: ReplicationState, c: number): void {
  const now = r.now;
  // An arrival drawn before a change of demand is superseded by the one drawn after it.
  if (now !== r.nextArrivalAt[c]) return;
  const cap = r.steps[c][0];
  const slot = r.items.take(c, r.rules.level[c], now, cap);
  r.arrivedTotal++;
  if (now >= r.warmup) r.out.arrived++;
  changeWip(r, 1);
  scheduleArrival(r, c);
  r.committedWip++;
  const dest = choose(r, -1, cap);
  r.entered[cap]++;
  if (now >= r.warmup) {
    // Counted as move-counts.ts `add` does, written out (V8 did not inline the call here).
    const moves = r.moves;
    const key = r.nodeCount * (r.nodeCount + 1) + dest;
    if (moves.dense === true) moves.counts[key]++;
    else moves.add(key);
  }
  join(r, slot, dest, cap);
}

/**
 * An item's service at node n ends: on to its next step's node (moves.ts `finishItem`,
 * `moveOn`, `chooseNode`, `admit`, `joinQueue`), or done; then it leaves n (`leave`).
 */
function finish(r: ReplicationState, slot: number): void {
  const items = r.items;
  const n = items.node[slot];
  accrueServing(r, n);
  r.servicesInProgress--;
  if (r.tracksWork) r.busyWork[n] -= r.serviceMean[serveIndex(r, n, items.capability[slot])];
  r.working[n]--;
  const counted = items.arrival[slot] >= r.warmup;
  if (counted) r.served[n]++;
  const step = ++items.step[slot];
  const cap = r.stepList[r.stepStart[items.demandClass[slot]] + step];
  items.capability[slot] = cap;
  if (cap < 0) {
    recordDone(r, slot, n);
    // The item leaves the system (arrivals.ts `releaseBacklog`: there is no backlog here).
    r.committedWip--;
  } else {
    const dest = choose(r, n, cap);
    r.entered[cap]++;
    if (counted) {
      // Counted as move-counts.ts `add` does, written out (V8 did not inline the call here).
      const moves = r.moves;
      const key = n * (r.nodeCount + 1) + dest;
      if (moves.dense === true) moves.counts[key]++;
      else moves.add(key);
    }
    if (dest !== n) items.handoffs[slot]++;
    join(r, slot, dest, cap);
  }
  // The item has left n: its server is free for the next in n's queue. (n's areas are
  // accrued to now already, above.)
  r.busy[n]--;
  if (r.queued[n] > 0) startQueued(r, n);
}

/**
 * The node for capability cap, for an item leaving node `from` (-1: arriving), which frees
 * its server there (moves.ts `chooseNode`: no node is ever down or full here).
 */
function choose(r: ReplicationState, from: number, cap: number): number {
  if (r.rules.affinity && from >= 0 && r.capacity[from] > 0 && serveIndex(r, from, cap) >= 0) return from;
  const fixed = r.fixedNode[cap];
  if (fixed >= 0) return fixed;
  const first = r.candidateStart[cap];
  r.view.from = from;
  r.view.freedAtFrom = from >= 0 ? 1 : 0;
  return r.route(r.view, r.candidates, first, r.candidateStart[cap + 1] - first, cap);
}

/** The item joins node n for capability cap: a free server with nobody waiting, or the queue. */
function join(r: ReplicationState, slot: number, n: number, cap: number): void {
  const items = r.items;
  items.node[slot] = n;
  items.enqueued[slot] = r.now;
  accrueServing(r, n);
  if (r.queued[n] === 0 && r.busy[n] < r.capacity[n]) {
    start(r, n, slot, cap);
    return;
  }
  r.queues.push(n, slot, items.level[slot]);
  if (r.tracksWork) r.queuedWork[n] += r.serviceMean[serveIndex(r, n, cap)];
  if (r.busy[n] < r.capacity[n]) startQueued(r, n);
  const queued = r.queued[n];
  if (queued > r.queueMax[n] && r.now >= r.warmup && r.now <= r.duration) r.queueMax[n] = queued;
}

/** Node n's free servers take the items at the head of its queue (work.ts `tryStart`). */
function startQueued(r: ReplicationState, n: number): void {
  while (r.busy[n] < r.capacity[n] && r.queued[n] > 0) {
    const slot = r.queues.shift(n);
    const cap = r.items.capability[slot];
    if (r.tracksWork) r.queuedWork[n] -= r.serviceMean[serveIndex(r, n, cap)];
    start(r, n, slot, cap);
  }
}

/**
 * A server of node n starts on the item (work.ts `startItem` and `started`). The caller has
 * accrued n's areas to now: every path here changes n before it starts work there.
 */
function start(r: ReplicationState, n: number, slot: number, cap: number): void {
  const items = r.items;
  const now = r.now;
  const work = r.serviceAhead.has(n)
    ? r.serviceAhead.draw(n)
    : r.serviceSampler[serveIndex(r, n, cap)](r.serviceStreams[n]);
  items.touch[slot] += work;
  if (items.committed[slot] < 0) items.committed[slot] = now;
  if (items.arrival[slot] >= r.warmup) {
    // The wait is the step's too (work.ts `started`): the item joined this queue as its
    // previous service ended, and its work here is never paused.
    const wait = now - items.enqueued[slot];
    r.waitTotal[n] += wait;
    r.waitCount[n]++;
    r.stepWait[cap] += wait;
    r.stepWork[cap] += work;
  }
  r.busy[n]++;
  r.working[n]++;
  r.servicesInProgress++;
  if (r.tracksWork) r.busyWork[n] += r.serviceMean[serveIndex(r, n, cap)];
  r.calendar.schedule(now + work, ITEM_DONE, slot);
}
