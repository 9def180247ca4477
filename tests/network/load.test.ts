import { describe, expect, it } from 'vitest';
import { nodeLoads, parseScenario, simulate } from '../../src/index.ts';

const team = (outages?: object) => ({
  name: 'one team',
  run: { duration: 2000, warmup: 100, seed: 2, replications: 2 },
  demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['work'] }],
  nodes: [
    {
      id: 'team',
      capacity: 1,
      serves: { work: { dist: 'exponential', mean: 0.6 } },
      ...(outages ? { outages } : {}),
    },
  ],
});

describe('offered load', () => {
  it('is arrival rate x mean service time / capacity', () => {
    const parsed = parseScenario(team());
    if (!parsed.ok) throw new Error('invalid');
    expect(nodeLoads(parsed.scenario)[0].load).toBeCloseTo(0.6, 12);
  });

  it('counts only the time a node is up: down a third of the time, 0.6 becomes 0.9', () => {
    const parsed = parseScenario(team({ mtbf: 20, mttr: 10 }));
    if (!parsed.ok) throw new Error('invalid');
    expect(nodeLoads(parsed.scenario)[0].load).toBeCloseTo(0.9, 12);
  });

  it('so outages that leave too little time are reported as unstable', () => {
    const result = simulate(team({ mtbf: 10, mttr: 10 }));
    expect(result.nodes.team.offeredLoad).toBeCloseTo(1.2, 12);
    expect(result.warnings.join(' ')).toMatch(/grows without bound/);
  });
});
