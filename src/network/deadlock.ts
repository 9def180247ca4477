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
