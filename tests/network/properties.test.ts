/**
 * Invariants of the simulation over generated valid scenarios (fast-check): nothing is
 * lost or duplicated, the clock never goes back, servers never exceed capacity, routing
 * only ever sends a step to a node that serves it, the same seed gives the same result.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { arbitraryScenario } from './arbitrary-scenario.ts';
import { expectFiniteNumbers } from './finite.ts';

function validated(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

/** Runs one replication, recording every step of every item. */
function traced(scenario: Scenario, seed = 1) {
  const topology = compileTopology(scenario);
  const log: { event: string; time: number; item: number; node: number; cap: number }[] = [];
  const replication = new Replication(scenario, topology, seed, {
    trace: (event, time, item, node, cap) => log.push({ event, time, item, node, cap }),
  });
  replication.advance();
  return { topology, log, outcome: replication.outcome() };
}

const runs = { numRuns: 60 };

describe('simulation invariants over generated scenarios', () => {
  it('every arrived item is done or still in progress: none lost, none duplicated', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (input) => {
        const scenario = validated(input);
        const { log, outcome, topology } = traced(scenario);
        const alive = new Map<number, number>();
        let arrived = 0;
        let completed = 0;
        for (const e of log) {
          if (e.event === 'arrive') {
            expect(alive.has(e.item)).toBe(false);
            alive.set(e.item, 0);
            arrived++;
          } else if (e.event === 'finish') {
            expect(alive.has(e.item)).toBe(true);
            alive.set(e.item, alive.get(e.item)! + 1);
          } else if (e.event === 'complete') {
            expect(alive.has(e.item)).toBe(true);
            alive.delete(e.item);
            completed++;
          }
        }
        expect(arrived).toBe(completed + outcome.inProgressAtEnd);
        expect(alive.size).toBe(outcome.inProgressAtEnd);
        if (outcome.stoppedBy === 'drained') expect(alive.size).toBe(0);
        // Every service that starts, finishes (no outages or preemption here).
        const starts = log.filter((e) => e.event === 'start').length;
        const finishes = log.filter((e) => e.event === 'finish').length;
        if (outcome.stoppedBy === 'drained') expect(finishes).toBe(starts);
        expect(topology.nodeIds.length).toBeGreaterThan(0);
      }),
      runs,
    );
  });

  it('the clock never goes back and no time is negative or NaN', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (input) => {
        const { log } = traced(validated(input));
        let last = 0;
        for (const e of log) {
          expect(Number.isFinite(e.time)).toBe(true);
          expect(e.time).toBeGreaterThanOrEqual(last);
          last = e.time;
        }
      }),
      runs,
    );
  });

  it('routing only sends a step to a node that serves it, and no node serves beyond its capacity', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (input) => {
        const scenario = validated(input);
        const { log, topology } = traced(scenario);
        const busy = new Int32Array(topology.nodeIds.length);
        for (const e of log) {
          if (e.event === 'start') {
            const capability = topology.capabilities[e.cap];
            expect(Object.keys(scenario.nodes[e.node].serves)).toContain(capability);
            busy[e.node]++;
            expect(busy[e.node]).toBeLessThanOrEqual(topology.capacity[e.node]);
          } else if (e.event === 'finish') busy[e.node]--;
        }
      }),
      runs,
    );
  });

  it('the same scenario and seed give byte-identical results; another seed gives another result', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (input) => {
        const once = JSON.stringify(simulate(input));
        const again = JSON.stringify(simulate(structuredClone(input)));
        expect(again).toBe(once);
        const other = JSON.stringify(simulate({ ...input, run: { ...input.run, seed: input.run.seed + 1 } }));
        expect(other).not.toBe(once);
      }),
      { numRuns: 25 },
    );
  });

  it('results hold no NaN, infinity or negative times', () => {
    fc.assert(
      fc.property(arbitraryScenario(), (input) => {
        expectFiniteNumbers(simulate(input));
      }),
      { numRuns: 40 },
    );
  });
});
