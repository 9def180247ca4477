import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/experiment/axes.ts';
import { runnableScenario } from '../../src/experiment/replications.ts';
import { MergeError, mergePartials, type PartialResult } from '../../src/experiment/shard.ts';
import { sweep } from '../../src/experiment/sweep.ts';
import { compare, simulate } from '../../src/index.ts';
import {
  compareParallel,
  runShard,
  simulateParallel,
  sweepParallel,
  workerThreads,
} from '../../src/node/index.ts';

const tokenRing = JSON.parse(readFileSync('scenarios/token-ring.json', 'utf8'));
const small = { ...tokenRing, run: { ...tokenRing.run, duration: 300, warmup: 30, replications: 6 } };
const axis = (text: string) => {
  const a = parseAxis(text);
  if (typeof a === 'string') throw new Error(a);
  return a;
};
const axes = [axis('routing=fixed,shortest-queue'), axis('nodes.developers.capacity=3,4')];
/** Through a file and back, as shards travel. */
const travel = (p: PartialResult): PartialResult => JSON.parse(JSON.stringify(p));

describe('replications on worker threads', () => {
  it('give the same bytes on 1 worker and on 4, and the same as simulate()', async () => {
    const one = await simulateParallel(small, { workers: 1 });
    const four = await simulateParallel(small, { workers: 4 });
    expect(JSON.stringify(four)).toBe(JSON.stringify(one));
    expect(JSON.stringify(one)).toBe(JSON.stringify(simulate(small)));
  });

  it('a sweep gives the same bytes on 1 worker and on 4, and in this thread', async () => {
    const one = await sweepParallel(small, axes, { workers: 1, replications: 3 });
    const four = await sweepParallel(small, axes, { workers: 4, replications: 3 });
    expect(JSON.stringify(four)).toBe(JSON.stringify(one));
    expect(JSON.stringify(sweep(small, axes, { replications: 3 }))).toBe(JSON.stringify(one));
    expect(one.points.map((p) => p.values)).toEqual([
      { routing: 'fixed', 'nodes.developers.capacity': 3 },
      { routing: 'fixed', 'nodes.developers.capacity': 4 },
      { routing: 'shortest-queue', 'nodes.developers.capacity': 3 },
      { routing: 'shortest-queue', 'nodes.developers.capacity': 4 },
    ]);
  });
});

describe('every preset on worker threads', () => {
  // Each preset exercises other mechanisms (batches, gates, outages, classes, schedules):
  // all of their state must cross the thread boundary exactly.
  const presets = readdirSync('scenarios').filter((f) => f.endsWith('.json'));
  it.each(presets)('%s: the same bytes on 2 threads as simulate()', async (file) => {
    const doc = JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
    const short = { ...doc, run: { ...doc.run, duration: 300, warmup: 30, replications: 4 } };
    const threaded = await simulateParallel(short, { workers: 2 });
    expect(JSON.stringify(threaded)).toBe(JSON.stringify(simulate(short)));
  });
});

describe('a comparison on worker threads', () => {
  const network = JSON.parse(readFileSync('scenarios/dynamic-network.json', 'utf8'));
  const variants = [
    { name: 'token ring', scenario: small },
    { name: 'network', scenario: { ...network, run: { ...network.run, duration: 300, warmup: 30 } } },
    {
      name: 'network, fixed',
      scenario: { ...network, routing: 'fixed', run: { duration: 300, warmup: 30 } },
    },
  ];

  it('gives the same bytes on 1 worker and on 3, and the same as compare()', async () => {
    const options = { seed: 4, replications: 5 };
    const one = await compareParallel(variants, { ...options, workers: 1 });
    const three = await compareParallel(variants, { ...options, workers: 3 });
    expect(JSON.stringify(three)).toBe(JSON.stringify(one));
    expect(JSON.stringify(one)).toBe(JSON.stringify(compare(variants, options)));
  });
});

describe('the pool', () => {
  const scenario = runnableScenario(small);
  // A scenario that got past validation but breaks the simulation: what a bug looks like.
  const broken = { ...scenario, nodes: null } as never;
  const jobs = [
    { scenario, replication: 0 },
    { scenario: broken, replication: 1 },
    { scenario, replication: 2 },
  ];

  it.each([1, 2])(
    'on %i worker(s), a job that throws gives its error in its place and the others finish',
    async (workers) => {
      const outcomes = await workerThreads({ workers }).run(jobs);
      expect(outcomes[1]).toEqual({ error: expect.any(String) });
      for (const i of [0, 2]) expect(outcomes[i]).toHaveProperty('completed', expect.any(Number));
    },
  );

  it('stops when its signal is aborted, rejecting with the reason', async () => {
    const many = Array.from({ length: 40 }, (_, replication) => ({ scenario, replication }));
    const controller = new AbortController();
    let finished = 0;
    const run = workerThreads({ workers: 2 }).run(many, {
      signal: controller.signal,
      onOutcome: () => {
        finished++;
        if (finished === 3) controller.abort(new Error('enough'));
      },
    });
    await expect(run).rejects.toThrow('enough');
    expect(finished).toBeLessThan(many.length);
  });
});

describe('shards', () => {
  it('three shards of a run, merged, are exactly the single run', async () => {
    const shards = await Promise.all(
      [1, 2, 3].map((k) => runShard(small, [], { index: k, count: 3 }, { workers: 1 })),
    );
    const merged = mergePartials(shards.map(travel).reverse());
    expect(merged.kind).toBe('run');
    expect(JSON.stringify(merged.sweep.points[0].result)).toBe(JSON.stringify(simulate(small)));
  });

  it('five shards of a sweep, merged, are exactly the single sweep', async () => {
    const whole = sweep(small, axes, { replications: 3 });
    const shards = await Promise.all(
      [1, 2, 3, 4, 5].map((k) =>
        runShard(small, axes, { index: k, count: 5 }, { workers: 1, replications: 3 }),
      ),
    );
    expect(JSON.stringify(mergePartials(shards.map(travel)).sweep)).toBe(JSON.stringify(whole));
  });

  it('refuse to merge a missing, repeated or foreign shard', async () => {
    const [a, b] = await Promise.all(
      [1, 2].map((k) => runShard(small, [], { index: k, count: 2 }, { workers: 1 })),
    );
    expect(() => mergePartials([a])).toThrow(new MergeError('missing shard 2/2'));
    expect(() => mergePartials([a, a, b])).toThrow(/shard 1\/2 is given twice/);
    const other = await runShard(
      { ...small, run: { ...small.run, seed: 9 } },
      [],
      { index: 2, count: 2 },
      { workers: 1 },
    );
    expect(() => mergePartials([a, other])).toThrow(/from a different run/);
    expect(() => mergePartials([{ format: 'something' } as never])).toThrow(/not a partial result/);
  });
});

describe('a sweep', () => {
  it('never loses the other points to one that cannot run', () => {
    const result = sweep(small, [axis('nodes.developers.capacity=0,3')], { replications: 2 });
    expect(result.points[0].error).toMatch(/capacity must be a whole number of at least 1/);
    expect(result.points[0].result).toBeUndefined();
    expect(result.points[1].result?.completed).toBeGreaterThan(0);
  });

  it('keeps the other points when one deadlocks, and says which replications stopped early', () => {
    const exponential = (mean: number) => ({ dist: 'exponential', mean });
    // Two teams each waiting for the other: with a WIP limit of 1 they lock up; with 50 they do not.
    const crossing = {
      name: 'two teams each waiting for the other',
      run: { duration: 200, seed: 1, replications: 2 },
      demand: [
        { id: 'ab', interarrival: exponential(1), steps: ['a', 'b'] },
        { id: 'ba', interarrival: exponential(1), steps: ['b', 'a'] },
      ],
      nodes: [
        { id: 'team-a', capacity: 1, wipLimit: 1, serves: { a: exponential(0.3) } },
        { id: 'team-b', capacity: 1, wipLimit: 1, serves: { b: exponential(0.3) } },
      ],
    };
    const result = sweep(crossing, [axis('nodes.team-a.wipLimit=1,50'), axis('nodes.team-b.wipLimit=1,50')]);
    const [locked, , , free] = result.points.map((p) => p.result!);
    expect(locked.stoppedBy).toBe('deadlock');
    expect(locked.runs.map((r) => r.stoppedBy)).toContain('deadlock');
    expect(free.stoppedBy).toBe('drained');
    expect(free.runs.map((r) => r.stoppedBy)).toEqual(['drained', 'drained']);
    expect(free.completed).toBeGreaterThan(locked.completed);
  });

  it('sets the arrival rate that gives a node the asked-for offered load', () => {
    const result = sweep(small, [axis('utilization.developers=0.5,0.8')], { replications: 2 });
    expect(result.points.map((p) => p.result?.nodes.developers.offeredLoad)).toEqual([
      expect.closeTo(0.5, 12),
      expect.closeTo(0.8, 12),
    ]);
    // Lead time rises with the load: the Kingman curve.
    expect(result.points[1].result!.leadTime.mean).toBeGreaterThan(result.points[0].result!.leadTime.mean);
  });

  it('at a given load, every routing strategy on the axis sees the same arrival rate', () => {
    const network = JSON.parse(readFileSync('scenarios/outages-routing.json', 'utf8'));
    const short = { ...network, run: { ...network.run, duration: 300, warmup: 30 } };
    const result = sweep(short, [axis('routing=fixed,shortest-queue'), axis('utilization.builders=0.6')], {
      replications: 2,
    });
    const [fixed, shortest] = result.points.map((p) => p.result!);
    expect(shortest.nodes.builders.offeredLoad).toBeCloseTo(0.6, 12);
    const arrivals = (r: typeof fixed) => r.runs.map((x) => x.arrived);
    expect(arrivals(fixed)).toEqual(arrivals(shortest));
  });

  it('chooses each point’s warm-up by MSER-5 when the scenario asks for "auto"', () => {
    const auto = { ...small, run: { ...small.run, warmup: 'auto' } };
    const result = sweep(auto, [axis('nodes.reviewers.capacity=1,2')], { replications: 2 });
    for (const p of result.points) expect(p.result?.window.warmupChosenBy).toBe('MSER-5');
  });
});
