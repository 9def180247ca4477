import { describe, expect, it } from 'vitest';
import { parseScenario, ROUTING_STRATEGIES, simulate } from '../../src/index.ts';
import { loadVerdict, offeredLoads } from '../../web/viewmodel/offered-load.ts';
import { PRESETS, presetDocument } from './presets-fixture.ts';

describe('live utilisation in the form', () => {
  it('is rate × mean service time / capacity for a single node', () => {
    const parsed = parseScenario({
      name: 'one',
      run: { duration: 10 },
      demand: [{ id: 'd', interarrival: { dist: 'exponential', mean: 2 }, steps: ['s'] }],
      nodes: [{ id: 'n', capacity: 2, serves: { s: 3 } }],
    });
    if (!parsed.ok) throw new Error('invalid');
    expect(offeredLoads(parsed.scenario)).toEqual([{ id: 'n', capacity: 2, load: 0.75, exact: true }]);
  });

  // The form promises the same number the results will show, for every preset and strategy.
  it.each(PRESETS.flatMap((p) => ROUTING_STRATEGIES.map((routing) => [p.id, routing])))(
    'matches the engine’s offered load for %s under %s routing',
    (id, routing) => {
      const doc = { ...presetDocument(id), routing, run: { duration: 20, replications: 1 } };
      const parsed = parseScenario(doc);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const result = simulate(doc);
      for (const n of offeredLoads(parsed.scenario))
        expect(n.load).toBeCloseTo(result.nodes[n.id].offeredLoad, 12);
    },
  );

  it('says when a load is only an estimate: adaptive routing over shared steps', () => {
    const parsed = parseScenario(presetDocument('dynamic-network'));
    if (!parsed.ok) throw new Error('invalid');
    const exact = Object.fromEntries(offeredLoads(parsed.scenario).map((n) => [n.id, n.exact]));
    expect(exact).toEqual({ 'stream-a': false, 'stream-b': false, platform: false, 'ai-agents': true });
    const fixed = parseScenario({ ...presetDocument('dynamic-network'), routing: 'round-robin' });
    if (!fixed.ok) throw new Error('invalid');
    expect(offeredLoads(fixed.scenario).every((n) => n.exact)).toBe(true);
  });

  it('reads out a load in words', () => {
    expect(loadVerdict(1.2)).toBe('overloaded');
    expect(loadVerdict(0.9)).toBe('busy');
    expect(loadVerdict(0.5)).toBe('comfortable');
    expect(loadVerdict(0.1)).toBe('idle');
  });
});
