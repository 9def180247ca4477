import { unreliability } from '../reliability.ts';
import { expectedCompletion, lowest, type RoutingView, type Strategy } from '../routing.ts';

/**
 * The expected completion, stretched by how unreliable the node has been lately. A node that
 * fails a share p of its work needs 1 / (1 - p) attempts on average, and one that has been
 * down a share d of the recent past delivers 1 - d of its time; both come from exponentially
 * weighted records (reliability.ts).
 */
const reliableCompletion = (v: RoutingView, n: number, c: number) =>
  expectedCompletion(v, n, c) * unreliability(v.reliability, n);

export const reliability: Strategy = {
  route: (v, list, first, count, cap) => lowest(v, list, first, count, cap, reliableCompletion),
  readsWork: true,
  split: 'by-reliable-rate',
  help: "as fastest, stretched by the node's recent failure share and downtime",
};
