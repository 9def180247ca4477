/**
 * Offered load: the utilisation each node would have in the long run if it kept up,
 * rho = sum over the steps routed to it of (arrival rate x mean service time) / capacity.
 * A node with rho >= 1 cannot keep up: its queue grows without bound, however long the
 * run, and its measured numbers only reflect how long the run was.
 *
 * With fixed routing the loads are exact. Random and round-robin routing split a step
 * evenly between the nodes that serve it, which is also exact on average. The adaptive
 * strategies (shortest-queue, least-work, fastest, power-of-two) balance work, so the
 * estimate splits each step in proportion to each node's service rate for it
 * (capacity / mean service time), which balances utilisation among those nodes.
 */
import { distributionMean } from '../model/distribution.ts';
import type { Scenario } from '../model/scenario.ts';
import type { Topology } from './topology.ts';

export function offeredLoad(scenario: Scenario, topology: Topology): Float64Array {
  const nc = topology.capabilities.length;
  const load = new Float64Array(topology.nodeIds.length);
  const { candidates, candidateStart, capacity, meanService } = topology;
  scenario.demand.forEach((d, c) => {
    const rate = 1 / distributionMean(d.interarrival);
    for (const cap of topology.steps[c]) {
      const first = candidateStart[cap];
      const end = candidateStart[cap + 1];
      if (scenario.routing === 'fixed' || end - first === 1) {
        const n = candidates[first];
        load[n] += (rate * meanService[n * nc + cap]) / capacity[n];
        continue;
      }
      const even = scenario.routing === 'random' || scenario.routing === 'round-robin';
      let totalServiceRate = 0;
      for (let i = first; i < end; i++)
        totalServiceRate += capacity[candidates[i]] / meanService[candidates[i] * nc + cap];
      for (let i = first; i < end; i++) {
        const n = candidates[i];
        const share = even ? 1 / (end - first) : capacity[n] / meanService[n * nc + cap] / totalServiceRate;
        load[n] += (rate * share * meanService[n * nc + cap]) / capacity[n];
      }
    }
  });
  return load;
}
