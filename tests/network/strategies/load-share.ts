/**
 * How the offered-load estimate shares a step between two nodes, for a strategy: quick
 * (mean 1, fails 20% of its work, which comes back to the step) and slow (mean 2). Whatever
 * the number of passes, the ratio of the work each is sent, load / mean, is the ratio of
 * their shares: quick's share over slow's.
 */
import { parseScenario } from '../../../src/index.ts';
import type { RoutingStrategy } from '../../../src/model/scenario.ts';
import { nodeLoads } from '../../../src/network/load.ts';

export function loadShareRatio(routing: RoutingStrategy): number {
  const parsed = parseScenario({
    name: 'shared build',
    run: { duration: 100 },
    routing,
    demand: [{ id: 'feature', interarrival: 10, steps: ['build'] }],
    nodes: [
      { id: 'quick', capacity: 1, serves: { build: 1 }, failure: { probability: 0.2 } },
      { id: 'slow', capacity: 1, serves: { build: 2 } },
    ],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const [quick, slow] = nodeLoads(parsed.scenario);
  return quick.load / 1 / (slow.load / 2);
}
