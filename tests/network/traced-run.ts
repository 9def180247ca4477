/**
 * A scenario run once with its trace kept, and the conservation of items read from that
 * trace: the property tests over generated scenarios (the lean mechanisms, blockers) share
 * them so that each checks the same invariant in the same words.
 */
import { expect } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';
import type { Scenario } from '../../src/model/scenario.ts';
import type { TraceEvent } from '../../src/network/events.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

export function validated(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems, null, 1));
  return parsed.scenario;
}

export interface Step {
  event: TraceEvent;
  time: number;
  item: number;
  node: number;
}

export function traced(scenario: Scenario) {
  const log: Step[] = [];
  const replication = new Replication(scenario, compileTopology(scenario), 1, {
    trace: (event, time, item, node) => log.push({ event, time, item, node }),
  });
  replication.advance();
  return { log, outcome: replication.outcome() };
}

/**
 * Every item is done, turned away or still in progress, and nothing is lost between steps:
 * every admission to a node is matched by leaving it (an item is admitted to its next node
 * just before it leaves the last one, so it is at two at most).
 */
export function expectConserved({ log, outcome }: ReturnType<typeof traced>): void {
  const count = (e: TraceEvent) => log.filter((s) => s.event === e).length;
  expect(count('arrive')).toBe(count('complete') + count('reject') + outcome.inProgressAtEnd);
  if (outcome.stoppedBy === 'drained') expect(outcome.inProgressAtEnd).toBe(0);
  const at = new Map<number, number>();
  for (const s of log) {
    if (s.event === 'admit') at.set(s.item, (at.get(s.item) ?? 0) + 1);
    if (s.event === 'leave') at.set(s.item, (at.get(s.item) ?? 0) - 1);
    expect(at.get(s.item) ?? 0).toBeGreaterThanOrEqual(0);
    expect(at.get(s.item) ?? 0).toBeLessThanOrEqual(2);
    if (at.get(s.item) === 0) at.delete(s.item);
  }
  if (outcome.stoppedBy === 'drained') expect(at.size).toBe(0);
}
