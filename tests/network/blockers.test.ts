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

type Doc = {
  run: Record<string, unknown>;
  demand: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  [field: string]: unknown;
};

/**
 * One person with a WIP limit of 1; each item is blocked for 2 as its work starts, put aside,
 * then takes 2 of work. Three classes arrive once each, at 2.7, 4 and 5.2, so the story reads
 * item by item; `upstream` puts a step of 0.25 at another team before it.
 */
function limited(countsAgainstWip: boolean, more: { upstream?: boolean; whenFull?: 'reject' } = {}): Doc {
  const steps = more.upstream ? ['prepare', 'work'] : ['work'];
  const once = (id: string, at: number) => ({
    id,
    interarrival: at,
    steps,
    whenFull: more.whenFull ?? 'wait',
  });
  return {
    name: 'blocked work and the WIP limit',
    run: { duration: 5.3, seed: 1 },
    demand: [once('first', 2.7), once('second', 4), once('late', 5.2)],
    nodes: [
      ...(more.upstream ? [{ id: 'upstream', capacity: 1, serves: { prepare: 0.25 } }] : []),
      {
        id: 'person',
        capacity: 1,
        wipLimit: 1,
        serves: { work: 2 },
        blocker: { probability: 1, time: 2, policy: 'aside', countsAgainstWip },
      },
    ],
  };
}

describe('blocked work and the WIP limit', () => {
  it('counted (the default): an item put aside keeps its place, so the next waits outside until it is done', () => {
    const [first, second, late] = timeline(limited(true));
    expect(first).toMatchObject({ arrive: 2.7, admit: 2.7, blocked: 2.7, unblocked: 4.7, complete: 6.7 });
    // Waits at the door while the first is blocked and worked on; its own blocker follows.
    expect(second).toMatchObject({ arrive: 4, admit: 6.7, blocked: 6.7, unblocked: 8.7, complete: 10.7 });
    expect(late).toMatchObject({ arrive: 5.2, admit: 10.7, complete: 14.7 });
  });

  it('not counted: the person pulls new work while an item is put aside, and a resumed item is never refused', () => {
    const [first, second, late] = timeline(limited(false));
    expect(first).toMatchObject({ arrive: 2.7, admit: 2.7, blocked: 2.7, unblocked: 4.7, complete: 6.7 });
    // Comes in at once: the first, put aside, leaves its place free; it is blocked in its turn.
    expect(second).toMatchObject({ arrive: 4, admit: 4, blocked: 4, unblocked: 6, complete: 8.7 });
    // At 5.2 the first is back at work and counts again: the node is full, so the late one
    // waits. At 6 the second clears and resumes anyway, two items against a limit of one;
    // when the first leaves at 6.7 one still counts, so the late one comes in only at 8.7.
    expect(late).toMatchObject({ arrive: 5.2, admit: 8.7, complete: 12.7 });
  });

  it('the default is counted, and the file says so in the parsed scenario', () => {
    const doc = limited(true);
    const { countsAgainstWip: _, ...blocker } = doc.nodes[0].blocker as Record<string, unknown>;
    const parsed = parseScenario({ ...doc, nodes: [{ ...doc.nodes[0], blocker }] });
    expect(parsed.ok && parsed.scenario.nodes[0].blocker?.countsAgainstWip).toBe(true);
    expect(timeline({ ...doc, nodes: [{ ...doc.nodes[0], blocker }] })).toEqual(timeline(doc));
  });

  it('not counted: work finished upstream and waiting for room is let in as the item is put aside', () => {
    const trace = (counts: boolean) => timeline(limited(counts, { upstream: true }));
    const [, counted] = trace(true);
    const [, freed] = trace(false);
    // The second finishes its first step at 4.25 and finds the person full while the first
    // is blocked: it waits upstream, holding that team's person, until the first is done.
    expect(counted).toMatchObject({ arrive: 4, block: 4.25, blocked: 6.95, complete: 10.95 });
    // With blocked work not counted the first's place is free: straight in and started,
    // then it waits for the person the first has taken back at 4.95.
    expect(freed).toMatchObject({ arrive: 4, blocked: 4.25, unblocked: 6.25, complete: 8.95 });
    expect(freed.block).toBeUndefined();
  });

  it('not counted: work waiting for room comes in the moment an item is put aside, though nothing has left', () => {
    // Nobody works until 3: the first waits inside, the second at the door. At 3 the person
    // starts the first, which is blocked and put aside; its place is free at once.
    const doc = limited(false);
    doc.nodes[0] = {
      ...doc.nodes[0],
      capacitySchedule: [
        { from: 0, capacity: 0 },
        { from: 3, capacity: 1 },
      ],
    };
    doc.demand = [doc.demand[0], doc.demand[1]].map((d, i) => ({ ...d, interarrival: 1.5 + i / 2 }));
    doc.run.duration = 2.5;
    const [first, second] = timeline(doc);
    expect(first).toMatchObject({ arrive: 1.5, admit: 1.5, blocked: 3, unblocked: 5, complete: 7 });
    expect(second).toMatchObject({ arrive: 2, block: 2, admit: 3, blocked: 3, unblocked: 5, complete: 9 });
  });

  it('not counted: an arrival that would be turned away at a full node finds room beside blocked work', () => {
    const rejected = (counts: boolean) =>
      replication(limited(counts, { whenFull: 'reject' })).outcome().rejected;
    // Counted, the second and the late one find the person full; not counted, only the late one does.
    expect(rejected(true)).toBe(2);
    expect(rejected(false)).toBe(1);
  });
  it('the system WIP limit (CONWIP) counts blocked work either way: the next comes in only as one is done', () => {
    const backlog = (counts: boolean) => timeline({ ...limited(counts), wipLimit: 1 });
    for (const counts of [true, false]) {
      const [first, second] = backlog(counts);
      expect(first).toMatchObject({ blocked: 2.7, complete: 6.7 });
      expect(second).toMatchObject({ arrive: 4, admit: 6.7 });
    }
  });

  it('refuses not counting blocked work a person holds, or at a node without a WIP limit, naming the field', () => {
    const problems = (blocker: object, wipLimit?: number) => {
      const doc = limited(false);
      const { wipLimit: _, ...node } = doc.nodes[0];
      const parsed = parseScenario({
        ...doc,
        nodes: [
          { ...node, ...(wipLimit && { wipLimit }), blocker: { ...(node.blocker as object), ...blocker } },
        ],
      });
      return parsed.ok ? [] : parsed.problems.map((p) => `${p.path}: ${p.message}`);
    };
    expect(problems({ policy: 'hold' }, 1)).toEqual([
      'nodes[0] (person).blocker.countsAgainstWip: an item whose person holds it while blocked keeps its place under the WIP limit: countsAgainstWip false needs policy "aside"',
    ]);
    expect(problems({})).toEqual([
      "nodes[0] (person).blocker.countsAgainstWip: countsAgainstWip false frees a blocked item's place under the node's wipLimit, and this node has none: give it a wipLimit, or leave countsAgainstWip out (the scenario's wipLimit counts every item committed, blocked or not)",
    ]);
    expect(problems({ countsAgainstWip: 'no' }, 1)).toEqual([
      'nodes[0] (person).blocker.countsAgainstWip: countsAgainstWip must be true or false',
    ]);
    expect(problems({}, 1)).toEqual([]);
  });
});
