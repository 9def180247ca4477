/**
 * The joins of parallel steps, folded over replications: how long an item waited at each
 * join for its slowest branch, how long the whole parallel step took, and which branch was
 * the last to be done (the one that made items wait), as shares of the items joined.
 */
import { ci95, meanOf } from '../metrics/confidence.ts';
import type { ReplicationOutcome } from '../network/outcome.ts';
import type { Topology } from '../network/topology.ts';
import type { JoinResult } from './result.ts';

export function joinsOf(topology: Topology, outcomes: readonly ReplicationOutcome[]): JoinResult[] {
  let branchStart = 0;
  return topology.forks.map((branches, f) => {
    const first = branchStart;
    branchStart += branches.length;
    const counted = outcomes.filter((o) => o.joins!.joined[f] > 0).map((o) => o.joins!);
    const joined = counted.reduce((s, j) => s + j.joined[f], 0);
    const meanAndCi = (total: (j: NonNullable<ReplicationOutcome['joins']>) => number) => {
      const means = counted.map((j) => total(j) / j.joined[f]);
      return { mean: means.length > 0 ? meanOf(means) : 0, ci95: ci95(means) };
    };
    const lastShare: Record<string, number> = {};
    branches.forEach((cap, k) => {
      const last = counted.reduce((s, j) => s + j.last[first + k], 0);
      lastShare[topology.capabilities[cap]] = joined > 0 ? last / joined : 0;
    });
    return {
      class: topology.classIds[topology.forkClass[f]],
      step: topology.forkStepIndex[f],
      branches: Array.from(branches, (cap) => topology.capabilities[cap]),
      joined: joined / outcomes.length,
      wait: meanAndCi((j) => j.waitTotal[f]),
      span: meanAndCi((j) => j.spanTotal[f]),
      lastShare,
    };
  });
}
