import { lowest, type RoutingView, type Strategy } from '../routing.ts';

/** Expected work waiting or in service, per server. */
const workPerServer = (v: RoutingView, n: number) =>
  (v.queuedWork[n] + v.busyWork[n]) / Math.max(1, v.capacity[n]);

export const leastWork: Strategy = {
  route: (v, list, first, count, cap) => lowest(v, list, first, count, cap, workPerServer),
  readsWork: true,
  split: 'by-rate',
  help: 'the node with the least expected work waiting or in service per server',
};
