/**
 * Blockers: an item whose work starts at a node can be blocked, waiting on something outside
 * the stream (a vendor, another department, a decision), found as work on it starts. Under
 * `hold` the person keeps the item and waits, so the service lasts the blocked time plus the
 * work; under `aside` the item is put aside at its node (keeping its place there, and its WIP
 * slot unless `countsAgainstWip` is false) and its server takes other work, and when it is
 * unblocked it goes to the front of the node's queue and resumes on the next free server
 * (work.ts `startUnit`, `setAside`, `unblock`). Draws come
 * from each node's own stream (`blocker:<node>`), so every other draw is the same as without.
 */
import { UNBLOCK } from './events.ts';
import type { ReplicationState } from './state.ts';

/** The blocked time of an item starting at node n, or -1 when it is not blocked. */
export function drawBlocker(r: ReplicationState, n: number): number {
  const stream = r.blockerStreams[n];
  if (stream === undefined || stream() >= r.rules.blockerProbability[n]) return -1;
  const sampler = r.rules.blockerTime[n];
  return sampler === undefined ? -1 : Math.max(0, sampler(stream));
}

/**
 * Item `slot` at node n is blocked for `time` from now: counted (for items the statistics
 * describe), traced, and its unblocking put on the calendar. The event carries a tag of its
 * own, so one for an item that has since left, its slot given to another, is recognised.
 */
export function blockItem(r: ReplicationState, n: number, slot: number, cap: number, time: number): void {
  const items = r.items;
  items.blockedTime[slot] += time;
  const out = r.out.blockers;
  if (out !== undefined && items.arrival[slot] >= r.warmup) {
    out.time[n] += time;
    out.count[n]++;
  }
  const tag = ++r.blockerTags;
  items.blocker[slot] = tag;
  items.blockedSince[slot] = r.now;
  if (r.trace) r.trace('blocked', r.now, slot, n, cap, time);
  r.calendar.schedule(r.now + time, UNBLOCK, slot, tag);
}
