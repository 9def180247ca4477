/**
 * Blockers: an item found blocked as its work starts waits on something outside the stream.
 * Under `hold` its server waits with it; under `aside` its server takes other work and the
 * item resumes on the next free server. Exact small cases read the trace; the identities
 * below hold item by item, so they are checked to rounding, not to an interval.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function replication(doc: unknown, trace?: ConstructorParameters<typeof Replication>[3]) {
  const parsed = parseScenario(doc);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const r = new Replication(parsed.scenario, compileTopology(parsed.scenario), 1, trace);
  while (!r.advance(1_000_000));
  return r;
}

/** Two items half a time unit apart at one person; each is blocked for 2 as work starts, then takes 1. */
function twoItems(policy: 'hold' | 'aside') {
  return {
    name: 'two blocked items',
    run: { duration: 1.2, seed: 1 },
    demand: [{ id: 'job', interarrival: 0.5, steps: ['work'] }],
    nodes: [
      {
        id: 'person',
        capacity: 1,
        serves: { work: 1 },
        blocker: { probability: 1, time: 2, policy },
      },
    ],
  };
}

/** Arrive, start, blocked, unblocked and complete times of each item, from the trace. */
function timeline(doc: unknown) {
  const events: Record<number, Record<string, number>> = {};
  replication(doc, {
    trace: (event, time, item) => {
      if (item < 0) return;
      events[item] ??= {};
      events[item][event] ??= time;
    },
  });
  return Object.values(events);
}

describe('blockers', () => {
  it('hold: the person waits with the blocked item, so the next item waits for the blocked time too', () => {
    const [first, second] = timeline(twoItems('hold'));
    // Arrivals at 0.5 and 1; service is 2 blocked + 1 of work, one after the other.
    expect(first).toMatchObject({ arrive: 0.5, start: 0.5, blocked: 0.5, unblocked: 2.5, complete: 3.5 });
    expect(second).toMatchObject({ arrive: 1, start: 3.5, blocked: 3.5, unblocked: 5.5, complete: 6.5 });
  });

  it('aside: the person takes the next item while the first is blocked, and each resumes when free', () => {
    const [first, second] = timeline(twoItems('aside'));
    expect(first).toMatchObject({ arrive: 0.5, start: 0.5, blocked: 0.5, unblocked: 2.5, complete: 3.5 });
    // Started at once (the person is free), blocked until 3, then waits for the first to finish.
    expect(second).toMatchObject({ arrive: 1, start: 1, blocked: 1, unblocked: 3, complete: 4.5 });
  });

  it.each(['hold', 'aside'] as const)(
    '%s with ample servers: every item takes its work plus its blocked time, and the totals add up',
    (policy) => {
      const r = replication({
        name: 'ample',
        run: { duration: 2000, warmup: 100, seed: 5 },
        demand: [{ id: 'job', interarrival: exponential(1), steps: ['a', 'b'] }],
        nodes: [
          { id: 'first', capacity: 50, serves: { a: exponential(2) } },
          {
            id: 'second',
            capacity: 50,
            serves: { b: exponential(3) },
            blocker: { probability: 0.3, time: exponential(4), policy },
          },
        ],
      });
      const out = r.outcome();
      expect(out.stoppedBy).toBe('drained');
      const blockers = out.blockers!;
      // Lead time is touch time plus blocked time, item by item, when no item ever queues.
      expect(out.leadTimeTotal).toBeCloseTo(out.touchTime + blockers.completed, 6);
      // A drained run completes every item it counts: blocked time by node adds up to theirs.
      expect(blockers.time[0]).toBe(0);
      expect(blockers.time[1]).toBeCloseTo(blockers.completed, 6);
      // About 30% of the items counted are blocked at the second node (binomial, 5 sd).
      const share = blockers.count[1] / out.completed;
      expect(Math.abs(share - 0.3)).toBeLessThan(5 * Math.sqrt((0.3 * 0.7) / out.completed));
    },
  );

  it('a node without a blocker reports none, and a run without any has no blocker outcome', () => {
    const doc = twoItems('hold');
    doc.nodes[0].blocker.probability = 0;
    expect(replication(doc).outcome().blockers?.time[0]).toBe(0);
    const { blocker: _, ...plain } = doc.nodes[0];
    expect(replication({ ...doc, nodes: [plain] }).outcome().blockers).toBeUndefined();
  });

  it('a blocker draws from its own stream: the arrivals and service times are those of the run without it', () => {
    const doc = (blocker?: object) => ({
      name: 'streams',
      run: { duration: 200, seed: 9 },
      demand: [{ id: 'job', interarrival: exponential(1), steps: ['work'] }],
      nodes: [{ id: 'team', capacity: 30, serves: { work: exponential(2) }, ...(blocker && { blocker }) }],
    });
    const starts = (d: unknown) => {
      const seen: number[] = [];
      replication(d, { trace: (event, time) => event === 'arrive' && seen.push(time) });
      return seen;
    };
    const withBlocker = replication(
      doc({ probability: 0.5, time: exponential(3), policy: 'aside' }),
    ).outcome();
    const without = replication(doc()).outcome();
    expect(starts(doc({ probability: 0.5, time: exponential(3) }))).toEqual(starts(doc()));
    // Ample servers: every item's work is the same draw with or without blockers.
    expect(withBlocker.touchTime).toBe(without.touchTime);
  });
});
