/**
 * Routing strategies: how the next node is chosen for a step among the nodes that serve it.
 *
 * Each strategy is a small function with one signature, looked up by name (as in Ciw's
 * routing objects). They read the live state through a `RoutingView` and return a node
 * index from the list of candidates they are given: the nodes that serve the step, less
 * those that are down or full when the network has such nodes (the caller filters).
 * A node is judged as the item would find it: the node the item is leaving is judged
 * without the server the item frees there, for the item holds its own place, not another's.
 * Ties are broken at random (from the seeded `routing` stream, so runs stay reproducible):
 * sending every tie to the node listed first would load it more than its equals, the
 * more so the lighter the load, when ties are most common.
 */
import type { Random } from '../engine/random.ts';
import type { RoutingStrategy } from '../model/scenario.ts';
import { type Reliability, unreliability } from './reliability.ts';
import { serveIndex } from './topology.ts';

export interface RoutingView {
  readonly capacity: Int32Array;
  /** Servers busy at each node. */
  readonly busy: Int32Array;
  /** Items waiting in each node's queue. */
  readonly queued: Int32Array;
  /** Sum of the expected service times of the items waiting at each node. */
  readonly queuedWork: Float64Array;
  /** Sum of the expected service times of the items in service at each node. */
  readonly busyWork: Float64Array;
  /** What each node serves and its mean service time for each (topology.ts, `serveIndex`). */
  readonly serveStart: Int32Array;
  readonly servedCapability: Int32Array;
  readonly serviceMean: Float64Array;
  /** Per capability: the candidate round-robin gives the next item to. */
  readonly roundRobin: Int32Array;
  readonly random: Random;
  readonly reliability: Reliability;
  /** The node the item being routed is leaving (-1: it has just arrived), set before each choice. */
  from: number;
  /** Servers the item frees at `from` when it leaves (1, or 0 if it holds none of its own). */
  freedAtFrom: number;
}

/**
 * Chooses a node for capability `cap` among `list[first .. first + count)` (count >= 2),
 * in file order.
 */
export type Route = (
  view: RoutingView,
  list: Int32Array,
  first: number,
  count: number,
  cap: number,
) => number;

/** The token ring: always the first node in the file that serves the step. */
const fixed: Route = (_v, list, first) => list[first];

const random: Route = (v, list, first, count) => list[first + Math.floor(v.random() * count)];

const roundRobin: Route = (v, list, first, count, cap) => {
  const turn = v.roundRobin[cap] % count;
  v.roundRobin[cap] = turn + 1;
  return list[first + turn];
};

/** Servers held at n by other items than the one being routed. */
function busyBesides(v: RoutingView, n: number): number {
  return n === v.from ? v.busy[n] - v.freedAtFrom : v.busy[n];
}

/** Items waiting or in service per server: an idle server scores below any busy one. */
function occupancy(v: RoutingView, n: number): number {
  return (v.queued[n] + busyBesides(v, n)) / Math.max(1, v.capacity[n]);
}

/** The candidate with the lowest score; a tie goes to any of the tied, each equally likely. */
function lowest(
  v: RoutingView,
  list: Int32Array,
  first: number,
  count: number,
  cap: number,
  score: (v: RoutingView, n: number, cap: number) => number,
): number {
  const end = first + count;
  let best = list[first];
  let bestScore = score(v, best, cap);
  let tied = 1;
  for (let i = first + 1; i < end; i++) {
    const n = list[i];
    const s = score(v, n, cap);
    if (s < bestScore) {
      best = n;
      bestScore = s;
      tied = 1;
    } else if (s === bestScore && v.random() * ++tied < 1) {
      // Reservoir sampling: the k-th tied candidate replaces the choice with chance 1/k.
      best = n;
    }
  }
  return best;
}

const shortestQueue: Route = (v, list, first, count, cap) => lowest(v, list, first, count, cap, occupancy);

/** Least expected work waiting or in service, per server. */
const leastWork: Route = (v, list, first, count, cap) =>
  lowest(
    v,
    list,
    first,
    count,
    cap,
    (v, n) => (v.queuedWork[n] + v.busyWork[n]) / Math.max(1, v.capacity[n]),
  );

/**
 * Earliest expected completion of this item: no wait if a server is free, otherwise the
 * work ahead of it shared by the node's servers; plus this node's own mean for this step
 * (so a fast agent can beat an idle but slow team).
 */
const fastest: Route = (v, list, first, count, cap) => lowest(v, list, first, count, cap, expectedCompletion);

function expectedCompletion(v: RoutingView, n: number, c: number): number {
  const wait =
    busyBesides(v, n) < v.capacity[n] ? 0 : (v.queuedWork[n] + v.busyWork[n]) / Math.max(1, v.capacity[n]);
  return wait + v.serviceMean[serveIndex(v, n, c)];
}

/**
 * Reliability-aware: the expected completion, stretched by how unreliable the node has
 * been lately. A node that fails a share p of its work needs 1 / (1 - p) attempts on
 * average, and one that has been down a share d of the recent past delivers 1 - d of
 * its time; both come from exponentially weighted records (reliability.ts).
 */
const reliability: Route = (v, list, first, count, cap) =>
  lowest(
    v,
    list,
    first,
    count,
    cap,
    (v, n, c) => expectedCompletion(v, n, c) * unreliability(v.reliability, n),
  );

/** Power of two choices (Mitzenmacher): sample two distinct candidates, take the less occupied. */
const powerOfTwo: Route = (v, list, first, count) => {
  const i = Math.floor(v.random() * count);
  let j = Math.floor(v.random() * (count - 1));
  if (j >= i) j++;
  const a = list[first + Math.min(i, j)];
  const b = list[first + Math.max(i, j)];
  return occupancy(v, b) < occupancy(v, a) ? b : a;
};

/**
 * The strategies that read the expected work at each node (`queuedWork`, `busyWork`): the
 * run keeps those sums up to date only for them.
 */
export const READS_WORK: ReadonlySet<RoutingStrategy> = new Set(['least-work', 'fastest', 'reliability']);

export const ROUTES: Record<RoutingStrategy, Route> = {
  fixed,
  random,
  'round-robin': roundRobin,
  'shortest-queue': shortestQueue,
  'least-work': leastWork,
  'power-of-two': powerOfTwo,
  fastest,
  reliability,
};
