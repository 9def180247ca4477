/**
 * What blockers held up, folded over replications: per node with a blocker, the share of
 * items blocked there, the mean blocked time of those, and the blocked time as a share of
 * lead time; and in total, blocked time as a share of lead time (the items done: their own
 * blocked time over their lead time), with 95% intervals over replications, and each
 * replication's own, for paired comparisons.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import type { Scenario } from '../model/scenario.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import type { Topology } from '../network/topology.ts';
import type { BlockerResult } from './result.ts';

export function blockersOf(
  scenario: Scenario,
  topology: Topology,
  outcomes: readonly ReplicationOutcome[],
): BlockerResult {
  const meanAndCi = (
    each: (o: ReplicationOutcome, b: NonNullable<ReplicationOutcome['blockers']>) => number,
  ) => {
    const values = outcomes.filter((o) => o.completed > 0).map((o) => each(o, o.blockers!));
    return { mean: values.length > 0 ? meanOf(values) : 0, ci95: ci95(values) };
  };
  const nodes: BlockerResult['nodes'] = {};
  scenario.nodes.forEach((node, n) => {
    if (!node.blocker) return;
    const count = outcomes.reduce((s, o) => s + o.blockers!.count[n], 0);
    const time = outcomes.reduce((s, o) => s + o.blockers!.time[n], 0);
    const served = outcomes.reduce((s, o) => s + o.nodes.waitCount[n], 0);
    nodes[topology.nodeIds[n]] = {
      policy: node.blocker.policy,
      ...(node.blocker.countsAgainstWip === false && { countsAgainstWip: false as const }),
      blocked: served > 0 ? count / served : 0,
      time: count > 0 ? time / count : 0,
      share: meanAndCi((o, b) => (o.leadTimeTotal > 0 ? b.time[n] / o.leadTimeTotal : 0)),
    };
  });
  const perItem = (o: ReplicationOutcome) => (o.completed > 0 ? o.blockers!.completed / o.completed : 0);
  const share = (o: ReplicationOutcome) =>
    o.leadTimeTotal > 0 ? o.blockers!.completed / o.leadTimeTotal : 0;
  return {
    perItem: meanAndCi((o) => perItem(o)),
    share: meanAndCi((o) => share(o)),
    nodes,
    runs: { perItem: outcomes.map(perItem), share: outcomes.map(share) },
  };
}
