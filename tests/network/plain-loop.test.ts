/**
 * The plain loop (plain-loop.ts) is a faster way to the general loop's results, never
 * another model: over generated plain networks, the presets and the bench's systems, a
 * replication run by it gives the same bytes as one run by the general loop, and wherever
 * it is chosen over generated networks with every mechanism, it still does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leanScenario, mm1Scenario, tandemScenario } from '../../bench/systems.ts';
import { replicationSeed } from '../../src/engine/random.ts';
import { parseScenario } from '../../src/model/parse.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';
import { arbitraryDistribution, arbitraryScenario } from './arbitrary-scenario.ts';

function validated(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** Every number the replication measured, as text: typed arrays as lists, summaries by their fields. */
function bytes(r: Replication): string {
  return JSON.stringify(r.outcome(), (_key, value) =>
    ArrayBuffer.isView(value)
      ? Array.from(value as Float64Array)
      : typeof value === 'number'
        ? String(value)
        : value,
  );
}

/** One replication through each loop: whether the plain loop took it, and both results. */
function bothLoops(scenario: Scenario, replication = 0) {
  const topology = compileTopology(scenario);
  const seed = replicationSeed(scenario.run.seed, replication);
  const fast = new Replication(scenario, topology, seed);
  const general = new Replication(scenario, topology, seed, { generalLoop: true });
  fast.advance();
  general.advance();
  return {
    plain: fast.plainLoop,
    generalPlain: general.plainLoop,
    fast: bytes(fast),
    general: bytes(general),
  };
}

/** Plain networks with what a plain network may have: several classes, priorities, affinity, a change of demand. */
function arbitraryPlainNetwork() {
  return arbitraryScenario().chain((s) =>
    fc
      .record({
        affinity: fc.boolean(),
        priorities: fc.array(fc.integer({ min: 0, max: 2 }), {
          minLength: s.demand.length,
          maxLength: s.demand.length,
        }),
        surge: fc.option(arbitraryDistribution(fc.double({ min: 0.3, max: 3, noNaN: true }))),
      })
      .map(({ affinity, priorities, surge }) => ({
        ...s,
        affinity,
        demand: s.demand.map((d, i) => ({
          ...d,
          priority: priorities[i],
          ...(surge !== null && i === 0
            ? { schedule: [{ from: s.run.duration / 2, interarrival: surge }] }
            : {}),
        })),
      })),
  );
}

describe('the plain loop gives the general loop’s results, byte for byte', () => {
  it('over generated plain networks (every routing strategy, distribution, priority and affinity)', () => {
    fc.assert(
      fc.property(arbitraryPlainNetwork(), fc.integer({ min: 0, max: 2 }), (input, replication) => {
        const run = bothLoops(validated(input), replication);
        expect(run.plain).toBe(true);
        expect(run.generalPlain).toBe(false);
        expect(run.fast).toBe(run.general);
      }),
      { numRuns: 150 },
    );
  });

  it('is chosen just for networks without mechanisms, among generated networks with and without', () => {
    let chosen = 0;
    fc.assert(
      fc.property(fc.oneof(arbitraryLeanScenario(), arbitraryPlainNetwork()), (input) => {
        const scenario = validated(input);
        const run = bothLoops(scenario);
        const mechanisms = scenario.nodes.some(
          (n) =>
            n.wipLimit !== undefined ||
            (n.batch?.size ?? 1) > 1 ||
            n.schedule ||
            n.multitasking ||
            n.outages ||
            n.capacitySchedule ||
            (n.failure?.probability ?? 0) > 0,
        );
        const heldBetweenNodes = scenario.wipLimit !== undefined || scenario.handoff !== undefined;
        expect(run.plain).toBe(!mechanisms && !heldBetweenNodes && !scenario.preemption);
        if (run.plain) chosen++;
        expect(run.fast).toBe(run.general);
      }),
      { numRuns: 200 },
    );
    // Both kinds were tried: a property never tried proves nothing.
    expect(chosen).toBeGreaterThan(0);
    expect(chosen).toBeLessThan(200);
  });

  it('keeps each node’s count of the items at it as the general loop does, slice by slice', () => {
    fc.assert(
      fc.property(arbitraryPlainNetwork(), fc.integer({ min: 1, max: 3000 }), (input, slice) => {
        const scenario = validated(input);
        const topology = compileTopology(scenario);
        const seed = replicationSeed(scenario.run.seed, 0);
        const fast = new Replication(scenario, topology, seed);
        const general = new Replication(scenario, topology, seed, { generalLoop: true });
        for (let done = false; !done; ) {
          done = fast.advance(slice);
          expect(general.advance(slice)).toBe(done);
          expect(Array.from(fast.nodeWip)).toEqual(Array.from(general.nodeWip));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('names the fullest nodes as the general loop does when the run holds too many items', () => {
    // Arrivals at 2.5 a day into stations that finish 2 a day: the work piles up at the first.
    const scenario = validated({
      ...tandemScenario(20_000),
      demand: [{ ...tandemScenario(0).demand[0], interarrival: { dist: 'exponential', mean: 0.4 } }],
    });
    const topology = compileTopology(scenario);
    const seed = replicationSeed(scenario.run.seed, 0);
    const fast = new Replication(scenario, topology, seed, { maxWip: 300 });
    const general = new Replication(scenario, topology, seed, { maxWip: 300, generalLoop: true });
    fast.advance();
    general.advance();
    expect(fast.plainLoop).toBe(true);
    expect(fast.outcome().overflow?.detail).toMatch(/^300 items in the system at once/);
    expect(bytes(fast)).toBe(bytes(general));
  });

  const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
  it.each(presets)('for the preset %s', (file) => {
    const scenario = validated(JSON.parse(readFileSync(`scenarios/${file}`, 'utf8')));
    for (const replication of [0, 1]) {
      const run = bothLoops(scenario, replication);
      expect(run.fast).toBe(run.general);
    }
  });

  it('the token ring, the dynamic network, expedite-priority, demand-surge, stream-aligned-teams and wsjf-cost-of-delay take the plain loop', () => {
    const plain = presets.filter(
      (f) => bothLoops(validated(JSON.parse(readFileSync(`scenarios/${f}`, 'utf8')))).plain,
    );
    expect(plain).toEqual([
      'demand-surge.json',
      'dynamic-network.json',
      'expedite-priority.json',
      // Affinity only chooses among the capable nodes, as routing does.
      'stream-aligned-teams.json',
      'token-ring.json',
      // A queue discipline and economics hold no work: the fused loop keeps them.
      'wsjf-cost-of-delay.json',
    ]);
  });

  it.each([
    ['the M/M/1 queue', mm1Scenario, true],
    ['the 7 x M/M/2 tandem', tandemScenario, true],
    ['the tandem with lean mechanisms', leanScenario, false],
  ] as const)('for the bench system %s', (_name, make, plain) => {
    const run = bothLoops(validated(make(20_000)));
    expect(run.plain).toBe(plain);
    expect(run.fast).toBe(run.general);
  });
});
