/**
 * Offered load: the utilisation each node would have in the long run if it kept up,
 * rho = sum over the steps routed to it of (arrival rate x mean service time) / capacity.
 * A node with rho >= 1 cannot keep up: its queue grows without bound, however long the
 * run, and its measured numbers only reflect how long the run was.
 *
 * A node with outages is up a share mtbf / (mtbf + mttr) of the time, and its load is the
 * work it is offered over that share.
 *
 * With fixed routing the loads are exact. Random and round-robin routing split a step
 * evenly between the nodes that serve it, which is also exact on average. The adaptive
 * strategies (shortest-queue, least-work, fastest, power-of-two) balance work, so the
 * estimate splits each step in proportion to each node's service rate for it
 * (capacity / mean service time), which balances utilisation among those nodes.
 */
import { distributionMean } from '../model/distribution.ts';
import type { Scenario } from '../model/scenario.ts';
import { compileTopology, serveIndex, type Topology } from './topology.ts';

export function offeredLoad(scenario: Scenario, topology: Topology): Float64Array {
  const load = new Float64Array(topology.nodeIds.length);
  const { candidates, candidateStart, capacity } = topology;
  const mean = (n: number, c: number) => topology.serviceMean[serveIndex(topology, n, c)];
  scenario.demand.forEach((d, c) => {
    const rate = 1 / distributionMean(d.interarrival);
    for (const cap of topology.steps[c]) {
      const first = candidateStart[cap];
      const end = candidateStart[cap + 1];
      if (scenario.routing === 'fixed' || end - first === 1) {
        const n = candidates[first];
        load[n] += (rate * mean(n, cap)) / capacity[n];
        continue;
      }
      const even = scenario.routing === 'random' || scenario.routing === 'round-robin';
      let totalServiceRate = 0;
      for (let i = first; i < end; i++)
        totalServiceRate += capacity[candidates[i]] / mean(candidates[i], cap);
      for (let i = first; i < end; i++) {
        const n = candidates[i];
        const share = even ? 1 / (end - first) : capacity[n] / mean(n, cap) / totalServiceRate;
        load[n] += (rate * share * mean(n, cap)) / capacity[n];
      }
    }
  });
  // A node that is down now and then has only its available share of the time to do it in.
  scenario.nodes.forEach((node, n) => {
    if (!node.outages) return;
    const up = distributionMean(node.outages.mtbf);
    const down = distributionMean(node.outages.mttr);
    load[n] /= up / (up + down);
  });
  return load;
}

/** One node's offered load, by id, as the CLI's table and the sandbox's form show it. */
export interface NodeLoad {
  id: string;
  capacity: number;
  /** Offered load: >= 1 means the queue grows without bound. */
  load: number;
  /**
   * False where adaptive routing shares one of the node's steps with other nodes: the load is
   * then the estimate above (work split by service rate), and measured utilisation can differ.
   */
  exact: boolean;
}

const EXACT_SPLIT = new Set(['fixed', 'random', 'round-robin']);

/** Offered load per node, straight from a scenario, before anything is simulated. */
export function nodeLoads(scenario: Scenario): NodeLoad[] {
  const topology = compileTopology(scenario);
  const load = offeredLoad(scenario, topology);
  const used = new Set(scenario.demand.flatMap((d) => d.steps));
  const shared = (step: string) => scenario.nodes.filter((n) => step in n.serves).length > 1;
  return scenario.nodes.map((n, i) => ({
    id: n.id,
    capacity: n.capacity,
    load: load[i], // the topology numbers nodes in file order
    exact:
      EXACT_SPLIT.has(scenario.routing) ||
      !Object.keys(n.serves).some((step) => used.has(step) && shared(step)),
  }));
}
