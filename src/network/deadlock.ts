/**
 * Where a deadlock is. Under blocking after service a finished item that cannot move on
 * keeps its server and its place at its node until there is room at the next; when work
 * comes back to a node it has left (a team that analyses and later builds, with an approval
 * elsewhere in between; rework to an earlier step), every node around such a circle can be
 * full of finished work waiting for the next, and nothing can move again. That is a true
 * deadlock of the rules, not of the engine: the result names the circle, so a coach can see
 * which limit to raise (or which system WIP limit rules it out).
 */
import type { ReplicationState } from './state.ts';

/**
 * A circle of nodes, each holding a finished item that waits for room at the next, as node
 * indices with the first repeated at the end; empty if there is none.
 */
export function circleOfFullNodes(r: ReplicationState): number[] {
  const items = r.items;
  // waitsFor[n]: a node some item blocked at n waits for room at (one is enough to follow).
  const waitsFor = new Int32Array(r.nodeCount).fill(-1);
  for (let slot = 0; slot < items.highWater; slot++) {
    const at = items.node[slot];
    const next = items.target[slot];
    // Blocked: finished at one node, headed for another (in transit it is already there).
    if (items.live[slot] === 1 && at >= 0 && next >= 0 && next !== at && waitsFor[at] < 0)
      waitsFor[at] = next;
  }
  // Follow the waits from each node: a walk that comes back to a node on it has found a circle.
  for (let start = 0; start < r.nodeCount; start++) {
    const path: number[] = [];
    for (let n = start; n >= 0; n = waitsFor[n]) {
      const seen = path.indexOf(n);
      if (seen >= 0) return [...path.slice(seen), n];
      path.push(n);
    }
  }
  return [];
}

/**
 * Called when nothing is in service or in transit, yet items are in the system: deadlock, unless some
 * node could still start work it has queued, now or later (its servers freed, its
 * capacity grown by schedule, its gate or outage over). Before arrivals stop, only a
 * circular wait of blocked items counts (new arrivals might yet fill a waiting batch);
 * after, a batch that can never fill counts as stuck too.
 */
export function stuck(r: ReplicationState): boolean {
  const arrivalsOver = r.now >= r.duration;
  if (!arrivalsOver && r.blocked === 0) return false;
  for (let n = 0; n < r.nodeCount; n++) {
    if (r.queued[n] === 0) continue;
    let servers = r.capacity[n];
    const schedule = r.rules.capacitySchedule[n];
    if (schedule)
      for (let i = r.capacityChangeIndex[n]; i < schedule.length; i++)
        servers = Math.max(servers, schedule[i].capacity);
    if (r.busy[n] >= servers) continue;
    const batchCannotFill =
      r.queued[n] < r.rules.batchSize[n] &&
      r.rules.batchTimeout[n] === Number.POSITIVE_INFINITY &&
      !r.rules.gate[n]?.batch;
    if (!(arrivalsOver && batchCannotFill)) return false;
  }
  return true;
}
