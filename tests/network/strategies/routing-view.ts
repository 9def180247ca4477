/**
 * A routing view built by hand, for testing a strategy's route on its own: every node serves
 * capability 0, with the given servers, items and expected work.
 */
import { randomStream } from '../../../src/engine/random.ts';
import { createReliability } from '../../../src/network/reliability.ts';
import type { RoutingView } from '../../../src/network/routing.ts';

export interface NodeState {
  capacity?: number;
  busy?: number;
  queued?: number;
  queuedWork?: number;
  busyWork?: number;
  /** Mean service time for capability 0. */
  mean?: number;
  /** The node's recent failure share (reliability.ts). */
  failure?: number;
}

export function viewOf(nodes: readonly NodeState[], seed = 1): RoutingView {
  const n = nodes.length;
  const reliability = createReliability(n, 1, { now: 0 });
  nodes.forEach((s, i) => {
    reliability.failure[i] = s.failure ?? 0;
  });
  return {
    capacity: Int32Array.from(nodes, (s) => s.capacity ?? 1),
    busy: Int32Array.from(nodes, (s) => s.busy ?? 0),
    queued: Int32Array.from(nodes, (s) => s.queued ?? 0),
    queuedWork: Float64Array.from(nodes, (s) => s.queuedWork ?? 0),
    busyWork: Float64Array.from(nodes, (s) => s.busyWork ?? 0),
    serveStart: Int32Array.from({ length: n + 1 }, (_, i) => i),
    servedCapability: new Int32Array(n),
    serviceMean: Float64Array.from(nodes, (s) => s.mean ?? 1),
    roundRobin: new Int32Array(1),
    random: randomStream(seed, 'routing'),
    reliability,
    from: -1,
    freedAtFrom: 0,
  };
}

/** Every node index, the candidate list a route chooses from. */
export const everyNode = (view: RoutingView) => Int32Array.from(view.capacity, (_, i) => i);

/** How often each node is chosen in `times` choices among all of them. */
export function choices(
  route: (v: RoutingView, list: Int32Array, first: number, count: number, cap: number) => number,
  view: RoutingView,
  times: number,
): number[] {
  const list = everyNode(view);
  const counts = new Array<number>(list.length).fill(0);
  for (let i = 0; i < times; i++) counts[route(view, list, 0, list.length, 0)]++;
  return counts;
}
