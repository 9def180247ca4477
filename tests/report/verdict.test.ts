/**
 * What a result says before its numbers: a run that stopped early or cannot keep up is said
 * to be so, its means are marked as over the survivors, and it is never ranked.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate } from '../../src/index.ts';
import { stability, unstableNodes } from '../../src/network/stability.ts';
import { survivorNote, unranked, verdictOf } from '../../src/report/verdict.ts';

const scenario = (overrides: { serviceB?: number; maxTime?: number; duration?: number } = {}) => ({
  name: 'two stages',
  run: {
    duration: overrides.duration ?? 300,
    seed: 3,
    replications: 2,
    ...(overrides.maxTime ? { maxTime: overrides.maxTime } : {}),
  },
  demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['a', 'b'] }],
  nodes: [
    { id: 'first', capacity: 1, serves: { a: { dist: 'exponential', mean: 0.5 } } },
    { id: 'second', capacity: 1, serves: { b: { dist: 'exponential', mean: overrides.serviceB ?? 0.7 } } },
  ],
});

/** Two nodes that send work to each other, each holding one item: full, they wait on each other. */
const pingPong = {
  name: 'ping-pong',
  run: { duration: 200, seed: 1 },
  demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['a', 'b', 'c'] }],
  nodes: [
    { id: 'left', capacity: 1, wipLimit: 1, serves: { a: 0.3, c: 0.3 } },
    { id: 'right', capacity: 1, wipLimit: 1, serves: { b: 0.3 } },
  ],
};

function parsed(document: unknown) {
  const p = parseScenario(document);
  if (!p.ok) throw new Error('invalid scenario');
  return p.scenario;
}

const judge = (document: unknown) => verdictOf(simulate(document), stability(parsed(document)));

describe('stability of a scenario', () => {
  it('names the nodes offered a load of 1 or more, most loaded first, and the most loaded node', () => {
    expect(unstableNodes(parsed(scenario()))).toEqual([]);
    const s = stability(parsed(scenario({ serviceB: 1.2 })));
    expect(s.stable).toBe(false);
    expect(s.unstable.map((n) => n.id)).toEqual(['second']);
    expect(s.peak.id).toBe('second');
    expect(s.peak.load).toBeCloseTo(1.2, 12);
  });

  it('a node at exactly 1 cannot keep up either', () => {
    expect(unstableNodes(parsed(scenario({ serviceB: 1 }))).map((n) => n.id)).toEqual(['second']);
  });
});

describe('the verdict on a result', () => {
  it('a stable run that drained is sound, with nothing to say first', () => {
    const v = judge(scenario());
    expect(v).toMatchObject({ sound: true, alerts: [], status: 'ok' });
    expect(v.survivors).toBeUndefined();
    expect(survivorNote(v)).toBeUndefined();
  });

  it('an overloaded node is said plainly, with its load, even though the run drained', () => {
    const v = judge(scenario({ serviceB: 1.2 }));
    expect(v.sound).toBe(false);
    expect(v.alerts).toHaveLength(1);
    expect(v.alerts[0]).toMatchObject({ kind: 'overloaded', title: 'Overloaded' });
    expect(v.alerts[0].text).toMatch(/second is offered 120% of its capacity/);
    expect(v.status).toBe('unstable: second 120%');
  });

  it('a run stopped at the time cap says so first, and its means are over the items that finished', () => {
    const document = scenario({ serviceB: 1.5, maxTime: 300 });
    const r = simulate(document);
    expect(r.stoppedBy).toBe('time-cap');
    const v = verdictOf(r, stability(parsed(document)));
    expect(v.alerts.map((a) => a.kind)).toEqual(['stopped', 'overloaded']);
    expect(v.alerts[0].text).toMatch(/run\.maxTime/);
    const unfinished = r.runs.reduce((s, x) => s + x.inProgressAtEnd, 0);
    expect(unfinished).toBeGreaterThan(0);
    expect(v.survivors).toEqual({ finished: r.completed, unfinished });
    expect(survivorNote(v)).toBe(`mean over the ${r.completed.toLocaleString('en')} items that finished`);
    expect(v.status).toBe('stopped: time-cap, unstable: second 150%');
  });

  it('a deadlock is a stop too, though no node is overloaded', () => {
    const r = simulate(pingPong);
    expect(r.stoppedBy).toBe('deadlock');
    const v = verdictOf(r, stability(parsed(pingPong)));
    expect(v.sound).toBe(false);
    expect(v.alerts.map((a) => a.kind)).toEqual(['stopped']);
    expect(v.alerts[0].text).toMatch(/deadlock stopped the run at time .*left, right/);
    expect(v.alerts[0].text).toMatch(/only the \d+ items? that finished; \d+ never did/);
  });

  it('any reason to stop other than draining counts, including reasons the engine may add later', () => {
    const r = { ...simulate(scenario()), stoppedBy: 'stalled' } as unknown as ReturnType<typeof simulate>;
    const v = verdictOf(r, stability(parsed(scenario())));
    expect(v.sound).toBe(false);
    expect(v.alerts[0].text).toMatch(/stopped before its work was done \(stalled\)/);
    expect(v.status).toBe('stopped: stalled');
  });

  it('two results are ranked only when both are sound', () => {
    const good = { name: 'good', verdict: judge(scenario()) };
    const also = { name: 'also good', verdict: judge(scenario({ serviceB: 0.6 })) };
    const overloaded = { name: 'overloaded', verdict: judge(scenario({ serviceB: 1.2 })) };
    const stopped = { name: 'stopped', verdict: judge(pingPong) };
    expect(unranked(good, also)).toBeUndefined();
    expect(unranked(good, overloaded)).toMatch(/not ranked against good: overloaded is overloaded/);
    expect(unranked(stopped, good)).toMatch(/stopped stopped early/);
  });
});

describe('the constraint', () => {
  // A weekly board: open one day in seven, takes little time when open. Nearly idle, yet
  // items wait days for it, much longer than at the busy build team.
  const gated = {
    name: 'weekly board',
    run: { duration: 700, warmup: 70, seed: 5, replications: 2 },
    demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1 }, steps: ['build', 'approve'] }],
    nodes: [
      { id: 'builders', capacity: 1, serves: { build: { dist: 'exponential', mean: 0.6 } } },
      {
        id: 'board',
        kind: 'gate',
        capacity: 10,
        schedule: { every: 7, open: 1 },
        serves: { approve: 0.05 },
      },
    ],
  };

  it('is the node where items wait longest, named when it is not the busiest', () => {
    const r = simulate(gated);
    expect(r.bottleneck).toBe('builders');
    const c = verdictOf(r, stability(parsed(gated))).constraint;
    expect(c).toMatchObject({ node: 'board', busiest: 'builders' });
    expect(c?.waitShare).toBe(r.nodes.board.waitShareOfLeadTime);
    expect(r.nodes.board.waitShareOfLeadTime).toBeGreaterThan(r.nodes.builders.waitShareOfLeadTime);
    expect(r.nodes.board.utilization).toBeLessThan(r.nodes.builders.utilization);
  });

  it('is not named when the busiest node is also where items wait longest', () => {
    expect(judge(scenario()).constraint).toBeUndefined();
  });

  it('is not named when items wait little anywhere (under 5% of lead time at every node)', () => {
    const r = simulate(gated);
    const quiet = {
      ...r,
      nodes: {
        builders: { ...r.nodes.builders, waitShareOfLeadTime: 0.02 },
        board: { ...r.nodes.board, waitShareOfLeadTime: 0.04 },
      },
    };
    expect(verdictOf(quiet, stability(parsed(gated))).constraint).toBeUndefined();
    const loud = {
      ...quiet,
      nodes: { ...quiet.nodes, board: { ...r.nodes.board, waitShareOfLeadTime: 0.05 } },
    };
    expect(verdictOf(loud, stability(parsed(gated))).constraint?.node).toBe('board');
  });
});
