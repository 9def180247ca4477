import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAxis } from '../../src/experiment/axes.ts';
import { MergeError, mergePartials, type PartialResult } from '../../src/experiment/shard.ts';
import { sweep } from '../../src/experiment/sweep.ts';
import { simulate } from '../../src/index.ts';
import { runShard, simulateParallel, sweepParallel } from '../../src/node/parallel.ts';

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
