/**
 * The invariants again, over scenarios with the lean mechanisms switched on: items are
 * conserved through rework, escalation, batching, blocking, rejection and outages; no node
 * holds more than its WIP limit or works beyond its capacity; nothing is worked on while a
 * node is down or its gate closed; runs are deterministic; a deadlock is reported, not hidden.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';
import { expectFiniteNumbers } from './finite.ts';
import { expectConserved, traced, validated } from './traced-run.ts';

const runs = { numRuns: 80 };

describe('invariants with the lean mechanisms', () => {
  it('every item is done, turned away or still in progress, through rework, batches, blocking and outages', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        expectConserved(traced(validated(input)));
      }),
      runs,
    );
  });

  it('no node ever holds more than its WIP limit', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const scenario = validated(input);
        const { log } = traced(scenario);
        const wip = new Int32Array(scenario.nodes.length);
        for (const s of log) {
          if (s.event === 'admit') wip[s.node]++;
          if (s.event === 'leave') wip[s.node]--;
          if (s.event === 'admit') {
            const limit = scenario.nodes[s.node].wipLimit ?? Number.POSITIVE_INFINITY;
            // An item moving on to the same node is admitted before it leaves: one over, at most.
            expect(wip[s.node]).toBeLessThanOrEqual(limit + 1);
          }
          if (s.event === 'leave') {
            const limit = scenario.nodes[s.node].wipLimit ?? Number.POSITIVE_INFINITY;
            expect(wip[s.node]).toBeLessThanOrEqual(limit);
          }
        }
      }),
      runs,
    );
  });

  it('no node works on more items at once than its capacity allows (one batch per server)', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const scenario = validated(input);
        const { log } = traced(scenario);
        const inService = new Int32Array(scenario.nodes.length);
        for (const s of log) {
          if (s.event === 'start') inService[s.node]++;
          if (s.event === 'finish' || s.event === 'preempt') inService[s.node]--;
          if (s.event !== 'start') continue;
          const node = scenario.nodes[s.node];
          if (node.multitasking) continue; // people start everything: that is the point
          const servers = Math.max(node.capacity, ...(node.capacitySchedule ?? []).map((c) => c.capacity));
          const perServer = node.batch?.size ?? 1;
          // A gate that takes all waiting work as one batch has no fixed batch size.
          if (!node.schedule?.batch) expect(inService[s.node]).toBeLessThanOrEqual(servers * perServer);
        }
      }),
      runs,
    );
  });

  it('nothing is started or finished at a node while it is down or its gate is closed', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const scenario = validated(input);
        const { log } = traced(scenario);
        const unavailable = new Uint8Array(scenario.nodes.length);
        for (const s of log) {
          if (s.event === 'unavailable') unavailable[s.node] = 1;
          if (s.event === 'available') unavailable[s.node] = 0;
          if (s.event === 'start' || s.event === 'finish')
            expect(unavailable[s.node], `${s.event} at ${s.time}`).toBe(0);
        }
      }),
      runs,
    );
  });

  it('the clock never goes back', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const { log } = traced(validated(input));
        for (let i = 1; i < log.length; i++) expect(log[i].time).toBeGreaterThanOrEqual(log[i - 1].time);
      }),
      runs,
    );
  });

  it('the same scenario and seed give byte-identical results, with no NaN anywhere', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const result = simulate(input);
        expect(JSON.stringify(simulate(structuredClone(input)))).toBe(JSON.stringify(result));
        expectFiniteNumbers(result);
        if (result.stoppedBy === 'deadlock') expect(result.deadlock?.nodes.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
