/**
 * Live utilisation for the form: the load each node would carry in the long run,
 * rho = sum over the steps routed to it of (arrival rate x mean service time) / capacity,
 * shown while the coach types, before anything is simulated.
 *
 * The split of a step between the nodes that serve it follows the engine's rule
 * (src/network/load.ts): fixed routing sends it all to the first node in the file; random
 * and round-robin split it evenly; the adaptive strategies split it in proportion to each
 * node's service rate. A test pins this to the engine's own `offeredLoad` in results.
 */
import { distributionMean, type Scenario } from '../../src/index.ts';

export interface NodeLoad {
  id: string;
  capacity: number;
  /** Offered load: >= 1 means the queue grows without bound. */
  load: number;
  /**
   * False when adaptive routing shares one of its steps with other nodes: then the load is the
   * engine's estimate (work split by service rate), and the measured utilisation can differ.
   */
  exact: boolean;
}

export function offeredLoads(scenario: Scenario): NodeLoad[] {
  const load = new Map(scenario.nodes.map((n) => [n.id, 0]));
  const even = scenario.routing === 'random' || scenario.routing === 'round-robin';
  for (const demand of scenario.demand) {
    const rate = 1 / distributionMean(demand.interarrival);
    for (const step of demand.steps) {
      const servers = scenario.nodes.filter((n) => step in n.serves);
      if (servers.length === 0) continue;
      const mean = (n: (typeof servers)[number]) => distributionMean(n.serves[step]);
      if (scenario.routing === 'fixed' || servers.length === 1) {
        const n = servers[0];
        load.set(n.id, (load.get(n.id) ?? 0) + (rate * mean(n)) / n.capacity);
        continue;
      }
      const totalServiceRate = servers.reduce((sum, n) => sum + n.capacity / mean(n), 0);
      for (const n of servers) {
        const share = even ? 1 / servers.length : n.capacity / mean(n) / totalServiceRate;
        load.set(n.id, (load.get(n.id) ?? 0) + (rate * share * mean(n)) / n.capacity);
      }
    }
  }
  const adaptive = scenario.routing !== 'fixed' && !even;
  const shared = (step: string) => scenario.nodes.filter((n) => step in n.serves).length > 1;
  const used = new Set(scenario.demand.flatMap((d) => d.steps));
  return scenario.nodes.map((n) => ({
    id: n.id,
    capacity: n.capacity,
    load: load.get(n.id) ?? 0,
    exact: !adaptive || !Object.keys(n.serves).some((step) => used.has(step) && shared(step)),
  }));
}

/** How a load reads to a coach. */
export function loadVerdict(load: number): 'idle' | 'comfortable' | 'busy' | 'overloaded' {
  if (load >= 1) return 'overloaded';
  if (load >= 0.85) return 'busy';
  if (load >= 0.3) return 'comfortable';
  return 'idle';
}
