/**
 * The invariants with blockers beside every other lean mechanism, their blocked work counted
 * against the node's WIP limit or not: items are conserved; a node lets work in only while
 * the work that counts there is under its limit; an item put aside holds no server; every
 * blocked item clears once; runs are deterministic.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';
import { arbitraryDistribution } from './arbitrary-scenario.ts';
import { expectFiniteNumbers } from './finite.ts';
import { expectConserved, traced, validated } from './traced-run.ts';

type Doc = { nodes: Record<string, unknown>[]; [field: string]: unknown };

/** The lean scenarios with a blocker on some nodes: held or put aside, counted or not where it can be. */
function arbitraryBlockedScenario() {
  return (arbitraryLeanScenario() as fc.Arbitrary<Doc>).chain((doc) =>
    fc
      .tuple(
        ...doc.nodes.map(() =>
          fc.option(
            fc.record({
              probability: fc.double({ min: 0, max: 1, noNaN: true }),
              time: arbitraryDistribution(fc.double({ min: 0.05, max: 5, noNaN: true })),
              // Weighted towards work put aside and not counted, the case with most to check.
              aside: fc.constantFrom(true, true, true, false),
              counts: fc.constantFrom(false, false, false, true),
            }),
          ),
        ),
      )
      .map((blockers) => ({
        ...doc,
        nodes: doc.nodes.map((node, n) => {
          const b = blockers[n];
          // Multitasking people have no one item to find blocked; a batch cannot put one aside.
          if (b === null || node.multitasking) return node;
          const batched = ((node.batch as { size: number } | undefined)?.size ?? 1) > 1;
          const aside = b.aside && !batched && !(node.schedule as { batch?: boolean } | undefined)?.batch;
          const free = aside && !b.counts;
          // Not counting blocked work needs a limit to count against: the least the schema allows.
          const servers = [
            node.capacity,
            ...((node.capacitySchedule as { capacity: number }[]) ?? []).map((c) => c.capacity),
          ];
          return {
            ...node,
            ...(free && node.wipLimit === undefined && { wipLimit: Math.max(...(servers as number[])) }),
            blocker: {
              probability: b.probability,
              time: b.time,
              policy: aside ? 'aside' : 'hold',
              ...(free && { countsAgainstWip: false }),
            },
          };
        }),
      })),
  );
}

/** Where blocked work, put aside, leaves its place under the WIP limit. */
const freesWip = (scenario: Scenario) =>
  scenario.nodes.map((n) => n.blocker?.policy === 'aside' && n.blocker.countsAgainstWip === false);

const runs = { numRuns: 80 };

describe('invariants with blockers, counted against WIP limits or not', () => {
  it('every item is done, turned away or still in progress, and every admission is matched by leaving', () => {
    fc.assert(
      fc.property(arbitraryBlockedScenario(), (input) => {
        expectConserved(traced(validated(input)));
      }),
      runs,
    );
  });

  it('a node lets work in from elsewhere only while the work that counts against its limit is under it', () => {
    fc.assert(
      fc.property(arbitraryBlockedScenario(), (input) => {
        const scenario = validated(input);
        const frees = freesWip(scenario);
        const { log } = traced(scenario);
        const wip = new Int32Array(scenario.nodes.length);
        const aside = new Int32Array(scenario.nodes.length);
        // The nodes each item is at: two, from its admission to the next until it leaves the last.
        const where = new Map<number, number[]>();
        for (const s of log) {
          const limit = scenario.nodes[s.node]?.wipLimit ?? Number.POSITIVE_INFINITY;
          if (s.event === 'admit') {
            const at = where.get(s.item) ?? [];
            // Work moving on to the node it is at keeps its own place there, full or not.
            if (!at.includes(s.node))
              expect(wip[s.node] - aside[s.node], `admit at ${s.time}`).toBeLessThan(limit);
            where.set(s.item, [...at, s.node]);
            wip[s.node]++;
          }
          if (s.event === 'leave') {
            wip[s.node]--;
            const at = where.get(s.item) ?? [];
            at.splice(at.indexOf(s.node), 1);
            if (at.length === 0) where.delete(s.item);
          }
          if (s.event === 'blocked' && frees[s.node]) aside[s.node]++;
          if (s.event === 'unblocked' && frees[s.node]) aside[s.node]--;
          // Counted, blocked work holds its place: the node never holds more than its limit
          // (one over for an item admitted to its own node before it leaves it).
          if (!frees[s.node] && s.node >= 0) expect(wip[s.node]).toBeLessThanOrEqual(limit + 1);
        }
      }),
      runs,
    );
  });

  it('an item put aside holds no server, one held does, and no node works beyond its capacity', () => {
    fc.assert(
      fc.property(arbitraryBlockedScenario(), (input) => {
        const scenario = validated(input);
        const { log } = traced(scenario);
        const inService = new Int32Array(scenario.nodes.length);
        for (const s of log) {
          const node = scenario.nodes[s.node];
          if (s.event === 'start') inService[s.node]++;
          if (s.event === 'finish' || s.event === 'preempt') inService[s.node]--;
          if (s.event === 'blocked' && node.blocker?.policy === 'aside') inService[s.node]--;
          if (s.event !== 'start' || node.multitasking || node.schedule?.batch) continue;
          const servers = Math.max(node.capacity, ...(node.capacitySchedule ?? []).map((c) => c.capacity));
          expect(inService[s.node], `start at ${s.time}`).toBeLessThanOrEqual(
            servers * (node.batch?.size ?? 1),
          );
        }
      }),
      runs,
    );
  });

  it('every blocked item clears once, before it finishes its step', () => {
    fc.assert(
      fc.property(arbitraryBlockedScenario(), (input) => {
        const { log, outcome } = traced(validated(input));
        const blockedAt = new Map<number, number>();
        for (const s of log) {
          if (s.event === 'blocked') {
            expect(blockedAt.has(s.item)).toBe(false);
            blockedAt.set(s.item, s.time);
          }
          if (s.event === 'unblocked') {
            expect(blockedAt.get(s.item)).toBeLessThanOrEqual(s.time);
            blockedAt.delete(s.item);
          }
          if (s.event === 'finish') expect(blockedAt.has(s.item)).toBe(false);
        }
        if (outcome.stoppedBy === 'drained') expect(blockedAt.size).toBe(0);
      }),
      runs,
    );
  });

  it('the same scenario and seed give byte-identical results, with no NaN anywhere', () => {
    fc.assert(
      fc.property(arbitraryBlockedScenario(), (input) => {
        const result = simulate(input);
        expect(JSON.stringify(simulate(structuredClone(input)))).toBe(JSON.stringify(result));
        expectFiniteNumbers(result);
        if (result.stoppedBy === 'deadlock') expect(result.deadlock?.nodes.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
