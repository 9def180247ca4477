/**
 * Routing: how the next node is chosen for a step among the nodes that serve it.
 *
 * Each strategy is one descriptor in `strategies/` (as in Ciw's routing objects): how it
 * routes, whether it reads the expected work at each node, how the offered-load estimate
 * splits a shared step for it, and what it means in a coach's words. `strategies/index.ts`
 * collects them against the schema's list, so a strategy without a descriptor, or a
 * descriptor missing one of these, does not compile.
 *
 * A route reads the live state through a `RoutingView` and returns a node index from the
 * list of candidates it is given: the nodes that serve the step, less those that are down or
 * full when the network has such nodes (the caller filters). A node is judged as the item
 * would find it: the node the item is leaving is judged without the server the item frees
 * there, for the item holds its own place, not another's. Ties are broken at random (from the
 * seeded `routing` stream, so runs stay reproducible): sending every tie to the node listed
 * first would load it more than its equals, the more so the lighter the load, when ties are
 * most common.
 */
import type { Random } from '../engine/random.ts';
import type { Reliability } from './reliability.ts';
import { serveIndex } from './topology.ts';

export interface RoutingView {
  readonly capacity: Int32Array;
  /** Servers busy at each node. */
  readonly busy: Int32Array;
  /** Items waiting in each node's queue. */
  readonly queued: Int32Array;
  /** Sum of the expected service times of the items waiting at each node (kept only for a strategy that `readsWork`). */
  readonly queuedWork: Float64Array;
  /** Sum of the expected service times of the items in service at each node (likewise). */
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

/**
 * How the offered-load estimate (load.ts) shares a step among the nodes that serve it:
 * - `first`: all of it to the first node in the file; exact.
 * - `even`: evenly among the nodes with servers; exact unless routing passes over nodes
 *   that are down, closed or full.
 * - `by-rate`: by the moment's queues as the run goes, which the estimate takes as a split
 *   in proportion to each node's service rate (servers x availability x batch size / mean
 *   service time); always an estimate.
 * - `by-reliable-rate`: as `by-rate`, each node's rate discounted by the share of its work
 *   that fails, for a strategy that prefers nodes that fail less.
 */
export type LoadSplit = 'first' | 'even' | 'by-rate' | 'by-reliable-rate';

/** Everything flowlab knows about one routing strategy, in one place. */
export interface Strategy {
  readonly route: Route;
  /**
   * Whether `route` reads `queuedWork` or `busyWork`: the run keeps those sums up to date
   * only when it does, so a strategy that reads them without saying so sees every node idle
   * (tests/network/strategies.test.ts catches that).
   */
  readonly readsWork: boolean;
  readonly split: LoadSplit;
  /**
   * What the next node for a step is, in a coach's words: the README's routing table and
   * the sandbox's routing picker show this text (a test keeps the README equal to it).
   */
  readonly help: string;
}

/** Servers held at n by other items than the one being routed. */
export function busyBesides(v: RoutingView, n: number): number {
  return n === v.from ? v.busy[n] - v.freedAtFrom : v.busy[n];
}

/** Items waiting or in service per server: an idle server scores below any busy one. */
export function occupancy(v: RoutingView, n: number): number {
  return (v.queued[n] + busyBesides(v, n)) / Math.max(1, v.capacity[n]);
}

/** The candidate with the lowest score; a tie goes to any of the tied, each equally likely. */
export function lowest(
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

/**
 * Earliest expected completion at node n of an item for capability c: no wait if a server
 * is free, otherwise the work ahead of it shared by the node's servers; plus this node's own
 * mean for this step (so a fast agent can beat an idle but slow team).
 */
export function expectedCompletion(v: RoutingView, n: number, c: number): number {
  const wait =
    busyBesides(v, n) < v.capacity[n] ? 0 : (v.queuedWork[n] + v.busyWork[n]) / Math.max(1, v.capacity[n]);
  return wait + v.serviceMean[serveIndex(v, n, c)];
}
