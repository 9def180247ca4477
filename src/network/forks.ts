/**
 * Fork and join: the bookkeeping of parallel steps (`{ "all": [...] }`). At a fork the item
 * splits into one part per branch; each part is an item of its own to the rest of the engine
 * (queued, served, routed, blocked, failed and escalated like any other), of a class whose
 * only step is its branch. The item keeps its slot, at no node, until the last part is done:
 * then it carries on from the node where that part finished, as if it had done the step
 * there. moves.ts moves the parts and the item; this file only keeps their accounts, so it
 * needs nothing from moves.ts.
 *
 * Memory stays bounded by the work in progress: an item has at most one set of parts at a
 * time, and a part's slot is given back at the join.
 */
import type { ReplicationState } from './state.ts';
import { forkOf } from './topology.ts';

/**
 * Item `whole` splits at parallel step `step` (a fork code, topology.ts `forkStep`): takes a
 * slot for each branch's part, chained through `waiting` from the returned first part (the
 * chain is read once by the caller, then reused for parts done). `origin` is where each
 * part is counted as coming from (moves.ts `admit`).
 */
export function split(r: ReplicationState, whole: number, step: number, origin: number): number {
  const items = r.items;
  const f = forkOf(step);
  const first = r.forkBranchStart[f];
  const count = r.forkBranchStart[f + 1] - first;
  items.pending[whole] = count;
  items.forkedAt[whole] = r.now;
  items.firstDone[whole] = -1;
  items.branchTouch[whole] = 0;
  items.branchBlocked[whole] = 0;
  items.waiting[whole] = -1;
  let next = -1;
  // Taken last branch first, so the chain runs in the file's order.
  for (let k = count - 1; k >= 0; k--) {
    const b = first + k;
    const part = items.take(r.classCount + b, items.level[whole], items.arrival[whole], r.forkBranches[b]);
    items.enqueued[part] = r.now;
    items.failureFactor[part] = items.failureFactor[whole];
    items.whole[part] = whole;
    items.node[part] = origin;
    items.waiting[part] = next;
    next = part;
  }
  return next;
}

/**
 * Part `part` is done: its handoffs and failures count to its item, and the item is
 * committed when its first part was. True when it was the last part: the item has joined,
 * and its touch time has grown by the longest branch's: parts worked on at once are worked
 * on for no longer than that in the item's lead time, so flow efficiency stays a share of it.
 * Its blocked time grows the same way, by the longest any part was blocked: parts blocked at
 * once hold the item up no longer than that, so the blocked share stays a share of lead time.
 */
export function partDone(r: ReplicationState, part: number): boolean {
  const items = r.items;
  const whole = items.whole[part];
  if (items.touch[part] > items.branchTouch[whole]) items.branchTouch[whole] = items.touch[part];
  if (items.blockedTime[part] > items.branchBlocked[whole])
    items.branchBlocked[whole] = items.blockedTime[part];
  items.handoffs[whole] += items.handoffs[part];
  items.failures[whole] += items.failures[part];
  const committed = items.committed[part];
  if (committed >= 0 && (items.committed[whole] < 0 || committed < items.committed[whole]))
    items.committed[whole] = committed;
  if (items.firstDone[whole] < 0) items.firstDone[whole] = r.now;
  if (--items.pending[whole] > 0) {
    items.waiting[part] = items.waiting[whole];
    items.waiting[whole] = part;
    return false;
  }
  items.touch[whole] += items.branchTouch[whole];
  items.blockedTime[whole] += items.branchBlocked[whole];
  const joins = r.out.joins;
  if (joins && items.arrival[whole] >= r.warmup) {
    const b = items.demandClass[part] - r.classCount;
    const f = forkAt(r, b);
    joins.joined[f]++;
    joins.waitTotal[f] += r.now - items.firstDone[whole];
    joins.spanTotal[f] += r.now - items.forkedAt[whole];
    joins.last[b]++;
  }
  return true;
}

/** Gives back a part's slot. */
export function releasePart(r: ReplicationState, part: number): void {
  r.items.whole[part] = -1;
  r.items.waiting[part] = -1;
  r.items.release(part);
}

/** The fork branch b belongs to. */
function forkAt(r: ReplicationState, b: number): number {
  let f = 0;
  while (r.forkBranchStart[f + 1] <= b) f++;
  return f;
}
