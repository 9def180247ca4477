/**
 * What happens when work finishes at a node: did it fail (rework, escalation), which node
 * takes the next step (routing, affinity), is there room there (WIP limits: if not, the
 * item blocks, holding its server), the handoff on the way, and completion. Entering the
 * system is a move too (from no node): the CONWIP backlog lets items in as others leave, so
 * commitment lives here with completion rather than with arrivals.
 */
import { recordEconomics } from './economics.ts';
import { HANDOFF } from './events.ts';
import { partDone, releasePart, split } from './forks.ts';
import { HOLDS_SERVER } from './items.ts';
import { accrue, changeWip, endParallelStep, endStep } from './observe.ts';
import { deployed, type Releases, releaseDone } from './releases.ts';
import { recordService } from './reliability.ts';
import { multitasks, UNLIMITED } from './rules.ts';
import type { ReplicationState } from './state.ts';
import { serveIndex } from './topology.ts';
import {
  expectWork,
  preemptFor,
  shareRebalance,
  shareUpdate,
  startItem,
  startUnit,
  tryStart,
} from './work.ts';

/** Keeps `items.capability` in step with the item's step and detour: -1 once no step is left. */
function updateCapability(r: ReplicationState, slot: number): void {
  const items = r.items;
  const detour = items.detour[slot];
  items.capability[slot] =
    detour >= 0 ? detour : r.stepList[r.stepStart[items.demandClass[slot]] + items.step[slot]];
}

/**
 * Can take the item's next step now: up, gate open, servers at all, and room under its WIP
 * limit. The node the item is at (`from`) has room for it whatever its count: the item is
 * counted there already and holds its own place. (Counting it against that limit sent an
 * item finishing one step at a full cross-functional team to another full team, where it
 * blocked; two such teams blocked each other for ever.)
 */
function usable(r: ReplicationState, n: number, from: number): boolean {
  return r.available[n] === 1 && r.capacity[n] > 0 && (n === from || r.nodeWip[n] < r.wipLimit[n]);
}

/** Servers the item frees at its node when it leaves: its own, or its batch's if it is the last of it there. */
function serversFreed(r: ReplicationState, slot: number): number {
  const unit = r.items.unit[slot];
  return unit === HOLDS_SERVER || (unit >= 0 && r.units.left[unit] === 1) ? 1 : 0;
}

/** Node n serves capability cap. */
function serves(r: ReplicationState, n: number, cap: number): boolean {
  return serveIndex(r, n, cap) >= 0;
}

/**
 * The node for the item's next step. With affinity, the node that did the previous step
 * keeps the item if it serves this one and can take it. Fixed routing always takes the
 * first node that serves the step (the token ring does not route around anything); the
 * dynamic strategies choose among the nodes that are usable, or among all when none is.
 */
export function chooseNode(r: ReplicationState, slot: number, from: number): number {
  const cap = r.items.capability[slot];
  if (r.rules.affinity && from >= 0 && serves(r, from, cap) && usable(r, from, from)) return from;
  const fixed = r.fixedNode[cap];
  if (fixed >= 0) return fixed;
  const first = r.candidateStart[cap];
  const count = r.candidateStart[cap + 1] - first;
  r.view.from = from;
  r.view.freedAtFrom = from >= 0 ? serversFreed(r, slot) : 0;
  if (!r.rules.nodesCanBeUnavailable) return r.route(r.view, r.candidates, first, count, cap);
  const choice = r.scratch;
  let k = 0;
  for (let i = first; i < first + count; i++)
    if (usable(r, r.candidates[i], from)) choice[k++] = r.candidates[i];
  if (k === 1) return choice[0];
  if (k > 1) return r.route(r.view, choice, 0, k, cap);
  // None can take it now (its own node, if it serves the step, has no servers or is down).
  const dest = r.route(r.view, r.candidates, first, count, cap);
  // Rather than block at a full node, holding its server there, the item waits at its own
  // node in the place it holds: it cannot be part of a circle of full nodes that way.
  return from >= 0 && dest !== from && r.nodeWip[dest] >= r.wipLimit[dest] && serves(r, from, cap)
    ? from
    : dest;
}

/**
 * Moves the item from node `from` (-1: it has just arrived; below -1: a part of an item that
 * forked at node -2 - from, or at arrival) to `dest`, or blocks it if dest is full.
 */
export function moveTo(r: ReplicationState, slot: number, from: number, dest: number): void {
  // Staying at the same node needs no room: the item is already counted there.
  if (dest !== from && r.nodeWip[dest] >= r.wipLimit[dest]) blockOrReject(r, slot, from, dest);
  else admit(r, slot, from, dest);
}

/** No room at dest: blocking after service (the item waits where it is, holding its server), or rejection. */
function blockOrReject(r: ReplicationState, slot: number, from: number, dest: number): void {
  if (from === -1 && r.rules.rejectWhenFull[r.items.demandClass[slot]] === 1) {
    reject(r, slot);
    return;
  }
  r.items.target[slot] = dest;
  r.waitingForRoom[dest].push(slot);
  r.blocked++;
  if (r.trace) r.trace('block', r.now, slot, from >= 0 ? from : -1, r.items.capability[slot], dest);
  if (from >= 0) {
    accrue(r, from);
    r.blockedHere[from]++;
  }
}

/** The item takes its place at dest (WIP counted there from now) and leaves `from`. */
function admit(r: ReplicationState, slot: number, from: number, dest: number): void {
  const items = r.items;
  if (items.target[slot] >= 0) unblock(r, from);
  r.nodeWip[dest]++;
  if (r.trace) r.trace('admit', r.now, slot, dest, -1, 0);
  r.entered[r.items.capability[slot]]++;
  if (items.arrival[slot] >= r.warmup) r.moves.add(origin(r, from) * (r.nodeCount + 1) + dest);
  if (from < 0) {
    // A part of an item that forked at another node is handed off from there.
    if (
      from < -1 &&
      forkedFrom(r, from) < r.nodeCount &&
      forkedFrom(r, from) !== dest &&
      handOff(r, slot, dest)
    )
      return;
    joinQueue(r, slot, dest);
    return;
  }
  const unit = items.unit[slot];
  items.unit[slot] = -1;
  if (from !== dest && handOff(r, slot, dest)) {
    leave(r, slot, from, unit);
    return;
  }
  joinQueue(r, slot, dest);
  leave(r, slot, from, unit);
}

/** Where a move from `from` is counted from: the node, the arrival, or where a part's item forked. */
function origin(r: ReplicationState, from: number): number {
  return from >= 0 ? from : from === -1 ? r.nodeCount : forkedFrom(r, from);
}

/** A part's `from` (below -1) as the node its item forked at, or the arrival. */
function forkedFrom(r: ReplicationState, from: number): number {
  const n = -2 - from;
  return n < r.nodeCount ? n : r.nodeCount;
}

function unblock(r: ReplicationState, from: number): void {
  r.blocked--;
  if (from >= 0) {
    accrue(r, from);
    r.blockedHere[from]--;
  }
}

/** Counts a handoff between two nodes; with a handoff delay, puts the item in transit (returns true). */
function handOff(r: ReplicationState, slot: number, dest: number): boolean {
  const items = r.items;
  items.handoffs[slot]++;
  if (!r.rules.handoff) return false;
  items.node[slot] = dest;
  items.target[slot] = dest;
  r.inTransit++;
  const at = r.now + r.rules.handoff(r.handoffStream);
  if (r.trace) r.trace('handoff', r.now, slot, dest, items.capability[slot], at);
  r.calendar.schedule(at, HANDOFF, slot);
  return true;
}

export function arriveFromHandoff(r: ReplicationState, slot: number): void {
  r.inTransit--;
  joinQueue(r, slot, r.items.target[slot]);
}

function joinQueue(r: ReplicationState, slot: number, n: number): void {
  const items = r.items;
  items.node[slot] = n;
  items.target[slot] = -1;
  items.enqueued[slot] = r.now;
  if (r.queued[n] === 0 && r.busy[n] < r.capacity[n]) {
    // A free server and nobody waiting: straight into service, if no mechanism holds it.
    if (r.rules.plain[n] === 1) {
      startItem(r, n, slot);
      return;
    }
    if (
      r.available[n] === 1 &&
      r.rules.batchSize[n] === 1 &&
      !multitasks(r.rules, n) &&
      r.gateBatchPending[n] === 0
    ) {
      startUnit(r, n, 1, slot);
      return;
    }
  }
  accrue(r, n);
  r.queues.push(n, slot, items.level[slot]);
  expectWork(r, r.queuedWork, n, r.items.capability[slot], 1);
  if (r.rules.preemption) preemptFor(r, n, slot);
  // With every server busy nothing can start (preemption aside, handled above).
  if (r.busy[n] < r.capacity[n] || multitasks(r.rules, n)) tryStart(r, n);
  if (r.queued[n] > r.queueMax[n] && r.now >= r.warmup && r.now <= r.duration) r.queueMax[n] = r.queued[n];
}

/** The item has left node n: its server is freed once its whole unit has gone, and there is room. */
function leave(r: ReplicationState, slot: number, n: number, unit: number): void {
  if (r.trace) r.trace('leave', r.now, slot, n, -1, 0);
  r.nodeWip[n]--;
  if (unit === HOLDS_SERVER || (unit >= 0 && --r.units.left[unit] === 0)) {
    accrue(r, n);
    r.busy[n]--;
    if (unit >= 0) r.units.release(unit);
    if (r.queued[n] > 0) tryStart(r, n);
  }
  roomAt(r, n);
}

/**
 * There may be room at node n (an item has left it, or one put aside there no longer counts
 * against its limit): work waiting for room there comes in, then work waiting elsewhere that
 * n could take.
 */
export function roomAt(r: ReplicationState, n: number): void {
  if (r.waitingForRoom[n].length > 0) admitWaiting(r, n);
  if (r.blocked > 0) offerRoom(r, n);
}

/** Room at node n: let in the items waiting for it, first come first served. */
function admitWaiting(r: ReplicationState, n: number): void {
  const waiting = r.waitingForRoom[n];
  while (waiting.length > 0 && r.nodeWip[n] < r.wipLimit[n]) {
    const slot = waiting.shift();
    admit(r, slot, r.items.node[slot], n);
  }
}

/**
 * Node n can take work (room has appeared, or it is back up or staffed again): under
 * dynamic routing, items waiting for room at another, full node that serves the same step
 * take it, in the order they wait at each node. Their node was chosen when none could take
 * them; holding to that choice left work waiting at a full node beside an idle one, and
 * could stop a run as a deadlock while a node that could take the work stood empty.
 */
export function offerRoom(r: ReplicationState, n: number): void {
  if (r.routing === 'fixed') return;
  for (let m = 0; m < r.nodeCount; m++) {
    if (m === n || r.waitingForRoom[m].length === 0 || !sharesStep(r, n, m)) continue;
    for (let slot = takeWaiting(r, m, n); slot >= 0; slot = takeWaiting(r, m, n)) {
      r.items.target[slot] = n;
      admit(r, slot, r.items.node[slot], n);
    }
  }
}

/** Nodes n and m serve a capability in common. */
function sharesStep(r: ReplicationState, n: number, m: number): boolean {
  for (let c = 0; c < r.capCount; c++) if (serves(r, n, c) && serves(r, m, c)) return true;
  return false;
}

/** While n can take work, the first item waiting for room at m whose next step n serves (removed), else -1. */
function takeWaiting(r: ReplicationState, m: number, n: number): number {
  if (!usable(r, n, -1)) return -1;
  const waiting = r.waitingForRoom[m];
  for (let i = 0; i < waiting.length; i++) {
    const slot = waiting.at(i);
    if (serves(r, n, r.items.capability[slot])) {
      waiting.removeAt(i);
      return slot;
    }
  }
  return -1;
}

/** A service unit's work is done (a DONE event): decide each item's fate, then move them on. */
export function finishService(r: ReplicationState, u: number): void {
  const units = r.units;
  const items = r.items;
  if (r.calendar.tag !== units.generation[u]) return; // paused, preempted or re-timed since
  const n = units.node[u];
  const sharing = multitasks(r.rules, n);
  if (sharing) shareUpdate(r, n);
  accrue(r, n);
  units.doneAt[u] = -1;
  if (r.rules.listsServing[n] === 1) r.serving[n].remove(u, units.position);
  r.servicesInProgress--;
  expectWork(r, r.busyWork, n, units.capability[u], -1);
  if (!sharing) r.working[n]--;

  const first = units.first[u];
  const size = units.size[u];
  if (size === 1 && r.rules.settles[n] === 0 && items.detour[first] < 0 && !r.trace) {
    // The common case, kept short: one item that cannot fail moves to its next step.
    if (items.arrival[first] >= r.warmup) r.served[n]++;
    endStep(r, first);
    items.step[first]++;
    updateCapability(r, first);
  } else settleUnit(r, u, n);

  if (sharing) {
    // People who multitask hold no server for a finished item: it just waits at the node.
    items.unit[first] = -1;
    units.release(u);
    r.busy[n]--;
    shareRebalance(r, n);
  }
  if (size === 1) moveOn(r, first, n);
  else
    for (let slot = first; slot >= 0; ) {
      const next = items.nextInUnit[slot];
      moveOn(r, slot, n);
      slot = next;
    }
}

/**
 * An item served alone at a plain node is done (an ITEM_DONE event): the short path of
 * finishService, for work that cannot fail, and moves it on.
 */
export function finishItem(r: ReplicationState, slot: number): void {
  const items = r.items;
  const n = items.node[slot];
  const cap = items.capability[slot];
  accrue(r, n);
  r.servicesInProgress--;
  expectWork(r, r.busyWork, n, cap, -1);
  r.working[n]--;
  if (r.trace) r.trace('finish', r.now, slot, n, cap, 0);
  if (items.arrival[slot] >= r.warmup) r.served[n]++;
  // No endStep: plain work is never paused, so it ends at the time `started` set the step's
  // time to run to (stepFrom), and the step waited nothing more.
  // The step is done, or the escalation that stood in for it (a detour): on to the next.
  items.detour[slot] = -1;
  const step = ++items.step[slot];
  items.capability[slot] = r.stepList[r.stepStart[items.demandClass[slot]] + step];
  moveOn(r, slot, n);
}

/**
 * Whether each item of the unit failed, and its next step. Each item fails with the node's
 * probability; with batch scope one failed item sends the whole batch back (the blast
 * radius), so a bigger batch both fails more often and sends more work back when it does.
 * `failures` counts the items that failed, so rework per failure shows the blast radius.
 */
function settleUnit(r: ReplicationState, u: number, n: number): void {
  const units = r.units;
  const items = r.items;
  const p = r.rules.failureProbability[n];
  const stream = r.failureStreams[n];
  const wholeBatch = r.rules.failureScopeBatch[n] === 1;
  let batchFailed = false;
  if (p > 0 && wholeBatch) {
    for (let slot = units.first[u]; slot >= 0; slot = items.nextInUnit[slot]) {
      if (items.detour[slot] >= 0 || !(stream() < p * items.failureFactor[slot])) continue;
      batchFailed = true;
      if (items.arrival[slot] >= r.warmup) r.out.nodes.failures[n]++;
    }
  }
  // What the items' later chances of failing are multiplied by (an approval's failureReduction):
  // at 1, the most nodes, their factors are left as they are, unread and unwritten.
  const factor = r.rules.failureFactor[n];
  const releases = r.releases;
  const releasing = releases !== undefined && units.capability[u] === releases.capability;
  let anyFailed = false;
  for (let slot = units.first[u]; slot >= 0; slot = items.nextInUnit[slot]) {
    // An approval's failureReduction makes failures at later steps less likely: 1 leaves p as it is.
    const failed =
      p > 0 &&
      items.detour[slot] < 0 &&
      (wholeBatch ? batchFailed : stream() < p * items.failureFactor[slot]);
    anyFailed ||= failed;
    if (r.trace) r.trace('finish', r.now, slot, n, units.capability[u], failed ? 1 : 0);
    if (items.arrival[slot] >= r.warmup) {
      r.served[n]++;
      if (failed && !wholeBatch) r.out.nodes.failures[n]++;
    }
    if (releases !== undefined && (releasing || releasedByEscalation(r, releases, slot)))
      releaseDone(
        releases,
        r.out.releases!,
        slot,
        r.now,
        items.arrival[slot],
        items.committed[slot],
        r.warmup,
        failed,
      );
    if (factor !== 1) items.failureFactor[slot] *= factor;
    endStep(r, slot);
    advanceStep(r, slot, n, failed);
    updateCapability(r, slot);
  }
  if (releasing) deployed(r.out.releases!, r.now, r.warmup, r.duration, anyFailed);
  if (p > 0) recordService(r.view.reliability, n, anyFailed);
}

/** Whether the item's escalation, just done, stood in for its release step. */
function releasedByEscalation(r: ReplicationState, releases: Releases, slot: number): boolean {
  const items = r.items;
  return (
    items.detour[slot] >= 0 &&
    r.stepList[r.stepStart[items.demandClass[slot]] + items.step[slot]] === releases.capability
  );
}

/** Failed work goes to a person (escalation) or back to an earlier step (rework); else the next step. */
function advanceStep(r: ReplicationState, slot: number, n: number, failed: boolean): void {
  const items = r.items;
  if (items.detour[slot] >= 0) {
    // The person who took the escalation has done the step the agent failed.
    items.detour[slot] = -1;
    items.step[slot]++;
    return;
  }
  if (!failed) {
    items.step[slot]++;
    return;
  }
  items.failures[slot]++;
  const counted = items.arrival[slot] >= r.warmup;
  const escalateTo = r.rules.escalateTo[n];
  if (escalateTo >= 0) {
    items.detour[slot] = escalateTo;
    if (counted) r.out.escalations++;
    return;
  }
  if (counted) r.out.reworks++;
  // Reworked, it is a new change: no approval has passed it yet, so it is screened again only
  // by passing an approval again (else each pass through the same board would compound).
  items.failureFactor[slot] = 1;
  const back = r.rules.reworkTo[n];
  if (back < 0) return; // the same step again
  const steps = r.steps[items.demandClass[slot]];
  for (let k = items.step[slot] - 1; k >= 0; k--)
    if (steps[k] === back) {
      items.step[slot] = k;
      return;
    }
}

/** After updateCapability: on to the next step's node, a fork, or done. */
function moveOn(r: ReplicationState, slot: number, n: number): void {
  const cap = r.items.capability[slot];
  if (cap >= 0) moveTo(r, slot, n, chooseNode(r, slot, n));
  else if (cap === -1) complete(r, slot, n);
  else fork(r, slot, n);
}

function complete(r: ReplicationState, slot: number, n: number): void {
  const unit = r.items.unit[slot];
  r.items.unit[slot] = -1;
  if (r.items.whole[slot] >= 0) {
    join(r, slot, n, unit);
    return;
  }
  recordDone(r, slot, n);
  leave(r, slot, n, unit);
  releaseBacklog(r);
}

/**
 * The item reaches a parallel step at node n (-1: on arrival): it leaves n, and its parts go
 * each to a node that serves its branch, chosen as for the item's next step from n. A part
 * finding its node full waits for room there, as an arrival does, holding nothing upstream.
 */
function fork(r: ReplicationState, slot: number, n: number): void {
  const items = r.items;
  if (n >= 0) {
    const unit = items.unit[slot];
    items.unit[slot] = -1;
    leave(r, slot, n, unit);
  }
  items.node[slot] = -1;
  // A part's `from` says where its item forked (moveTo): below -1, so it leaves no node.
  const from = -2 - (n >= 0 ? n : r.nodeCount);
  for (let part = split(r, slot, items.capability[slot], from); part >= 0; ) {
    const next = items.waiting[part];
    items.waiting[part] = -1;
    if (r.trace) r.trace('fork', r.now, part, n, items.capability[part], slot);
    moveTo(r, part, from, chooseNode(r, part, n));
    part = next;
  }
}

/**
 * Part `part` is done at node n, holding `unit` there. Until the last part, it just leaves.
 * The last carries its item on from n: the item takes the part's place and server there and
 * moves on as from a step done at n, and the moves of the parts done before it are counted
 * from their nodes to where the item went.
 */
function join(r: ReplicationState, part: number, n: number, unit: number): void {
  const items = r.items;
  const whole = items.whole[part];
  if (r.trace) r.trace('join', r.now, part, n, r.forkBranches[items.demandClass[part] - r.classCount], whole);
  if (!partDone(r, part)) {
    // Its slot is kept until the join (items.ts `waiting`), still naming node n.
    leave(r, part, n, unit);
    return;
  }
  items.node[whole] = n;
  items.unit[whole] = unit;
  releasePart(r, part);
  // Read before the item moves on: that can free its slot, and a fork can take it again.
  const early = items.waiting[whole];
  items.waiting[whole] = -1;
  endParallelStep(r, whole);
  items.step[whole]++;
  updateCapability(r, whole);
  const next = items.capability[whole];
  const counted = items.arrival[whole] >= r.warmup;
  moveOn(r, whole, n);
  // Where the item went: done, a node (or on its way there, or blocked before it), or on
  // to another fork, counted as from n.
  let to = n;
  if (next === -1) to = r.nodeCount;
  else if (next >= 0) to = items.target[whole] >= 0 ? items.target[whole] : items.node[whole];
  for (let done = early; done >= 0; ) {
    const after = items.waiting[done];
    if (counted) r.moves.add(items.node[done] * (r.nodeCount + 1) + to);
    releasePart(r, done);
    done = after;
  }
}

/**
 * The item's last step is done at node n: its lead and cycle times and the WIP are counted,
 * and its slot is given back. It still holds its place at n, which the caller then frees.
 */
export function recordDone(r: ReplicationState, slot: number, n: number): void {
  const items = r.items;
  const out = r.out;
  const now = r.now;
  changeWip(r, -1);
  r.doneTotal++;
  if (now >= r.warmup && now <= r.duration) out.completedInWindow++;
  const arrival = items.arrival[slot];
  if (arrival >= r.warmup) {
    const lead = now - arrival;
    const cycle = now - items.committed[slot];
    const c = items.demandClass[slot];
    out.completed++;
    out.leadTime.add(lead);
    out.leadTimeHistogram.add(lead);
    out.cycleTime.add(cycle);
    out.cycleTimeHistogram.add(cycle);
    // With one class, its statistics are the overall ones (aggregate.ts reads them there).
    if (r.topology.classIds.length > 1) {
      out.classes[c].leadTime.add(lead);
      out.classes[c].leadTimeHistogram.add(lead);
      out.classes[c].cycleTime.add(cycle);
    }
    out.touchTime += items.touch[slot];
    out.leadTimeTotal += lead;
    if (out.blockers) out.blockers.completed += items.blockedTime[slot];
    out.handoffs += items.handoffs[slot];
    if (items.failures[slot] === 0) out.firstTimeRight++;
    r.moves.add(n * (r.nodeCount + 1) + r.nodeCount);
    out.cycleTimes.offer(now, cycle);
    if (r.economics) recordEconomics(r.economics, out.economics!, c, lead, r.valueStreams[c]);
  }
  if (r.trace) r.trace('complete', now, slot, n, -1, 0);
  items.release(slot);
}

/** An arrival whose first node is full, for a class that is turned away rather than waiting. */
function reject(r: ReplicationState, slot: number): void {
  if (r.items.arrival[slot] >= r.warmup) {
    r.out.rejected++;
    if (r.out.economics) r.out.economics.turnedAway[r.items.demandClass[slot]]++;
  }
  if (r.trace) r.trace('reject', r.now, slot, -1, -1, 0);
  changeWip(r, -1);
  r.items.release(slot);
  releaseBacklog(r);
}

/** The item enters the system: with CONWIP, this is its commitment point. */
export function commit(r: ReplicationState, slot: number): void {
  r.committedWip++;
  const items = r.items;
  const conwip = r.rules.systemWipLimit !== UNLIMITED;
  // The time in the backlog is before any step: a step's time starts at commitment.
  const waited = r.now - items.stepFrom[slot];
  if (conwip) {
    items.committed[slot] = r.now;
    items.stepFrom[slot] = r.now;
  }
  if (items.capability[slot] >= 0) moveTo(r, slot, -1, chooseNode(r, slot, -1));
  else fork(r, slot, -1);
  // Unless its first node turned it away: then it never entered, and its wait is no part of
  // any lead time. (Its slot is free then, or taken again by a part of an item let in from the
  // backlog in its place and forked at once; no part is ever turned away.)
  if (conwip && items.live[slot] === 1 && items.whole[slot] < 0 && items.arrival[slot] >= r.warmup)
    r.out.backlogTime += waited;
}

/** An item is done (or turned away): the backlog lets in as many as the limit allows. */
function releaseBacklog(r: ReplicationState): void {
  r.committedWip--;
  while (r.backlog.length[0] > 0 && r.committedWip < r.rules.systemWipLimit) {
    changeWip(r, 0);
    commit(r, r.backlog.shift(0));
  }
}
