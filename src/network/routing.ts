/**
 * Routing strategies: how the next node is chosen for a step among the nodes that serve it.
 *
 * Each strategy is a small function with one signature, looked up by name (as in Ciw's
 * routing objects). They read the live state through a `RoutingView` and return a node
 * index. Ties always go to the node listed first in the file, so choices are deterministic.
 */
import type { Random } from '../engine/random.ts';
import type { RoutingStrategy } from '../model/scenario.ts';

export interface RoutingView {
  readonly candidates: Int32Array;
  readonly candidateStart: Int32Array;
  readonly capabilityCount: number;
  readonly capacity: Int32Array;
  /** Servers busy at each node. */
  readonly busy: Int32Array;
  /** Items waiting in each node's queue. */
  readonly queued: Int32Array;
  /** Sum of the expected service times of the items waiting at each node. */
  readonly queuedWork: Float64Array;
  /** Sum of the expected service times of the items in service at each node. */
  readonly busyWork: Float64Array;
  readonly meanService: Float64Array;
  /** Per capability: the candidate round-robin gives the next item to. */
  readonly roundRobin: Int32Array;
  readonly random: Random;
}

/** Chooses a node for capability `cap`; called only when two or more nodes serve it. */
export type Route = (view: RoutingView, cap: number) => number;

/** The token ring: always the first node in the file that serves the step. */
const fixed: Route = (v, cap) => v.candidates[v.candidateStart[cap]];

const random: Route = (v, cap) => {
  const first = v.candidateStart[cap];
  const count = v.candidateStart[cap + 1] - first;
  return v.candidates[first + Math.floor(v.random() * count)];
};

const roundRobin: Route = (v, cap) => {
  const first = v.candidateStart[cap];
  const count = v.candidateStart[cap + 1] - first;
  const turn = v.roundRobin[cap];
  v.roundRobin[cap] = (turn + 1) % count;
  return v.candidates[first + turn];
};

/** Items waiting or in service per server: an idle server scores below any busy one. */
function occupancy(v: RoutingView, n: number): number {
  return (v.queued[n] + v.busy[n]) / v.capacity[n];
}

/** The candidate with the lowest score; the first listed wins a tie. */
function lowest(
  v: RoutingView,
  cap: number,
  score: (v: RoutingView, n: number, cap: number) => number,
): number {
  const first = v.candidateStart[cap];
  const end = v.candidateStart[cap + 1];
  let best = v.candidates[first];
  let bestScore = score(v, best, cap);
  for (let i = first + 1; i < end; i++) {
    const n = v.candidates[i];
    const s = score(v, n, cap);
    if (s < bestScore) {
      best = n;
      bestScore = s;
    }
  }
  return best;
}

const shortestQueue: Route = (v, cap) => lowest(v, cap, occupancy);

/** Least expected work waiting or in service, per server. */
const leastWork: Route = (v, cap) =>
  lowest(v, cap, (v, n) => (v.queuedWork[n] + v.busyWork[n]) / v.capacity[n]);

/**
 * Earliest expected completion of this item: no wait if a server is free, otherwise the
 * work ahead of it shared by the node's servers; plus this node's own mean for this step
 * (so a fast agent can beat an idle but slow team).
 */
const fastest: Route = (v, cap) =>
  lowest(v, cap, (v, n, c) => {
    const wait = v.busy[n] < v.capacity[n] ? 0 : (v.queuedWork[n] + v.busyWork[n]) / v.capacity[n];
    return wait + v.meanService[n * v.capabilityCount + c];
  });

/** Power of two choices (Mitzenmacher): sample two distinct candidates, take the less occupied. */
const powerOfTwo: Route = (v, cap) => {
  const first = v.candidateStart[cap];
  const count = v.candidateStart[cap + 1] - first;
  const i = Math.floor(v.random() * count);
  let j = Math.floor(v.random() * (count - 1));
  if (j >= i) j++;
  const a = v.candidates[first + Math.min(i, j)];
  const b = v.candidates[first + Math.max(i, j)];
  return occupancy(v, b) < occupancy(v, a) ? b : a;
};

export const ROUTES: Record<RoutingStrategy, Route> = {
  fixed,
  random,
  'round-robin': roundRobin,
  'shortest-queue': shortestQueue,
  'least-work': leastWork,
  'power-of-two': powerOfTwo,
  fastest,
};
