/**
 * Where the lead time goes, step by step: each completed item's time from arrival to done is
 * split, without gaps or overlaps, into the backlog before commitment and, per step, its wait
 * and its work. So the parts add up to the lead times, and the work to the touch time, under
 * every mechanism, to rounding.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../../src/engine/random.ts';
import { runnableScenario } from '../../src/experiment/replications.ts';
import { simulate } from '../../src/index.ts';
import type { ReplicationOutcome } from '../../src/network/outcome.ts';
import { Replication } from '../../src/network/simulation.ts';
import { compileTopology } from '../../src/network/topology.ts';
import { arbitraryLeanScenario } from './arbitrary-mechanisms.ts';

// biome-ignore lint/suspicious/noExplicitAny: scenarios are built and edited as plain JSON here.
type Doc = Record<string, any>;

const constant = (value: number) => ({ dist: 'constant', value });

function outcomeOf(doc: unknown, options: { generalLoop?: boolean } = {}): ReplicationOutcome {
  const scenario = runnableScenario(doc);
  const run = new Replication(
    scenario,
    compileTopology(scenario),
    replicationSeed(scenario.run.seed, 0),
    options,
  );
  run.advance();
  return run.outcome();
}

/** The parts against the whole: every step's time and the backlog against the lead times, the work against the touch time. */
function expectConserved(o: ReplicationOutcome) {
  const parts = o.stepWait.reduce((s, t) => s + t, 0) + o.stepWork.reduce((s, t) => s + t, 0) + o.backlogTime;
  const work = o.stepWork.reduce((s, t) => s + t, 0);
  // Sums of the same times, added in another order and as differences: equal to rounding.
  expect(Math.abs(parts - o.leadTimeTotal)).toBeLessThanOrEqual(1e-9 * Math.max(1, o.leadTimeTotal));
  expect(Math.abs(work - o.touchTime)).toBeLessThanOrEqual(1e-9 * Math.max(1, o.touchTime));
}

const root = join(import.meta.dirname, '../..');
const presets = readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.json'));

describe('the time in each step', () => {
  it.each(presets)('adds up to the lead times and the touch time in %s', (file) => {
    const doc = JSON.parse(readFileSync(join(root, 'scenarios', file), 'utf8'));
    const o = outcomeOf({ ...doc, run: { ...doc.run, duration: 400, warmup: 40, replications: 1 } });
    expect(o.stoppedBy).toBe('drained');
    expect(o.completed).toBeGreaterThan(50);
    expectConserved(o);
  });

  it('adds up under every mechanism, in generated scenarios that drain', () => {
    fc.assert(
      fc.property(arbitraryLeanScenario(), (input) => {
        const o = outcomeOf(input);
        fc.pre(o.stoppedBy === 'drained');
        expectConserved(o);
      }),
      { numRuns: 60 },
    );
  });

  it.each(['hold', 'aside'] as const)(
    'adds up when blockers %s items, their blocked time waiting',
    (policy) => {
      const o = outcomeOf({
        name: 'blocked',
        run: { duration: 500, warmup: 50, seed: 4 },
        demand: [{ id: 'job', interarrival: { dist: 'exponential', mean: 1 }, steps: ['a', 'b'] }],
        nodes: [
          { id: 'first', capacity: 2, serves: { a: { dist: 'exponential', mean: 1.2 } } },
          {
            id: 'second',
            capacity: 3,
            serves: { b: { dist: 'exponential', mean: 1.5 } },
            blocker: { probability: 0.3, time: { dist: 'exponential', mean: 4 }, policy },
          },
        ],
      });
      expect(o.stoppedBy).toBe('drained');
      expectConserved(o);
      // Every blocked time of a completed item is wait at the step it was blocked in, or more.
      expect(o.stepWait[1]).toBeGreaterThanOrEqual((o.blockers?.completed ?? 0) * (1 - 1e-9));
    },
  );

  it('is the same in the plain loop as in the general one', () => {
    const doc = JSON.parse(readFileSync(join(root, 'scenarios', 'token-ring.json'), 'utf8'));
    const short = { ...doc, run: { ...doc.run, duration: 300, warmup: 30 } };
    const plain = outcomeOf(short);
    const general = outcomeOf(short, { generalLoop: true });
    expect(Array.from(plain.stepWait)).toEqual(Array.from(general.stepWait));
    expect(Array.from(plain.stepWork)).toEqual(Array.from(general.stepWork));
  });

  it('counts a queue as the wait of the step it is for, by hand', () => {
    // Arrivals at 2, 4, 6 and 8; "draft" takes 3 on one server, so the k-th waits k - 1; "check" takes 1 and never waits.
    const r = simulate({
      name: 'by hand',
      run: { duration: 9, warmup: 0 },
      demand: [{ id: 'doc', interarrival: constant(2), steps: ['draft', 'check'] }],
      nodes: [
        { id: 'writer', capacity: 1, serves: { draft: constant(3) } },
        { id: 'checker', capacity: 1, serves: { check: constant(1) } },
      ],
    });
    expect(r.completed).toBe(4);
    expect(r.timeInSteps.backlog).toBe(0);
    expect(r.timeInSteps.steps).toEqual([
      { step: 'draft', wait: 1.5, work: 3, flowEfficiency: 3 / 4.5 },
      { step: 'check', wait: 0, work: 1, flowEfficiency: 1 },
    ]);
  });

  it('counts blocking after a step as the wait of the next, whose room the item waits for', () => {
    // Arrivals at 1, 2 and 3; "a" takes 1, "b" takes 3 and holds one item at most. The second
    // item finishes "a" at 3 and is blocked there until "b" is free at 5; the third waits for
    // "a"'s server, which the blocked item holds, from 3 to 5, then is blocked from 6 to 8.
    const r = simulate({
      name: 'blocked',
      run: { duration: 3.5, warmup: 0 },
      demand: [{ id: 'job', interarrival: constant(1), steps: ['a', 'b'] }],
      nodes: [
        { id: 'first', capacity: 1, serves: { a: constant(1) } },
        { id: 'second', capacity: 1, wipLimit: 1, serves: { b: constant(3) } },
      ],
    });
    expect(r.completed).toBe(3);
    // Lead times 4, 6 and 8: a mean of 6 = 2/3 + 1 + 4/3 + 3.
    const [a, b] = r.timeInSteps.steps;
    expect(a.step).toBe('a');
    expect(a.wait).toBeCloseTo(2 / 3, 12);
    expect(a.work).toBe(1);
    expect(b.step).toBe('b');
    expect(b.wait).toBeCloseTo(4 / 3, 12);
    expect(b.work).toBe(3);
  });

  it('puts the wait before commitment in the backlog, not in the first step', () => {
    // CONWIP of 1: arrivals at 1, 2 and 3, one step of 2. Commitments at 1, 3 and 5.
    const r = simulate({
      name: 'backlog',
      run: { duration: 3.5, warmup: 0 },
      wipLimit: 1,
      demand: [{ id: 'job', interarrival: constant(1), steps: ['work'] }],
      nodes: [{ id: 'team', capacity: 1, serves: { work: constant(2) } }],
    });
    expect(r.completed).toBe(3);
    expect(r.timeInSteps.backlog).toBe(1);
    expect(r.timeInSteps.steps).toEqual([{ step: 'work', wait: 0, work: 2, flowEfficiency: 1 }]);
  });

  it('counts a parallel step once, from its fork to its join, its work the longest branch', () => {
    // One item at 10: plan 10 to 12; front 12 to 15 and back 12 to 17 at once; release 17 to 18.
    const r = simulate({
      name: 'fork',
      run: { duration: 15, warmup: 0 },
      demand: [
        { id: 'feature', interarrival: constant(10), steps: ['plan', { all: ['front', 'back'] }, 'release'] },
      ],
      nodes: [
        { id: 'planner', capacity: 1, serves: { plan: constant(2) } },
        { id: 'web', capacity: 1, serves: { front: constant(3) } },
        { id: 'api', capacity: 1, serves: { back: constant(5) } },
        { id: 'ops', capacity: 1, serves: { release: constant(1) } },
      ],
    });
    expect(r.completed).toBe(1);
    expect(r.timeInSteps.steps).toEqual([
      { step: 'plan', wait: 0, work: 2, flowEfficiency: 1 },
      { step: 'front + back', wait: 0, work: 5, flowEfficiency: 1 },
      { step: 'release', wait: 0, work: 1, flowEfficiency: 1 },
    ]);
    expect(r.flowEfficiency).toBe(1);
  });

  it('counts only the items that arrived after warm-up, as the lead times do', () => {
    const doc: Doc = {
      name: 'warm',
      run: { duration: 9, warmup: 5 },
      demand: [{ id: 'doc', interarrival: constant(2), steps: ['draft'] }],
      nodes: [{ id: 'writer', capacity: 1, serves: { draft: constant(3) } }],
    };
    // Arrivals at 6 and 8 count: they start at 8 and 11 (after those at 2 and 4), waiting 2 and 3.
    const r = simulate(doc);
    expect(r.completed).toBe(2);
    expect(r.timeInSteps.steps).toEqual([{ step: 'draft', wait: 2.5, work: 3, flowEfficiency: 3 / 5.5 }]);
  });
});
