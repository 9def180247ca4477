/**
 * Partial result files are untrusted input: merge folds only files that are exactly what a
 * shard wrote, and says which file and which field is wrong otherwise.
 */
import { describe, expect, it } from 'vitest';
import { executeHere } from '../../src/experiment/pipeline.ts';
import { MergeError, mergePartials, planShard } from '../../src/experiment/shard.ts';
import { digestOf, PARTIAL_VERSION, type PartialResult } from '../../src/experiment/shard-file.ts';
import { sweep } from '../../src/experiment/sweep.ts';

const scenario = {
  name: 'two stations',
  run: { duration: 200, warmup: 20, seed: 3, replications: 4 },
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build', 'review'] }],
  nodes: [
    { id: 'devs', capacity: 2, serves: { build: { dist: 'exponential', mean: 2 } } },
    { id: 'reviewers', capacity: 1, serves: { review: { dist: 'exponential', mean: 1 } } },
  ],
};

/** The two shards of the scenario's run, as parsed from their files. */
function shardFiles(document: unknown = scenario): PartialResult[] {
  return [1, 2].map((index) => {
    const partial = executeHere(planShard(document, [], { index, count: 2 }));
    return JSON.parse(JSON.stringify(partial)) as PartialResult;
  });
}

/** A file edited by someone who also recomputed its digest. */
function resigned(p: PartialResult): PartialResult {
  return { ...p, digest: digestOf(p) };
}

type Encoded = { value: Record<string, Record<string, Record<string, unknown>>> };
const value = (p: PartialResult, k: number) => (p.outcomes[k].outcome as unknown as Encoded).value;

function refusal(files: unknown[]): string {
  try {
    mergePartials(files, ['a.json', 'b.json', 'c.json']);
  } catch (error) {
    if (error instanceof MergeError) return error.message;
    throw error;
  }
  throw new Error('the files were merged');
}

describe('merge folds sound shard files', () => {
  it('into exactly the whole run, shards in any order', () => {
    const [a, b] = shardFiles();
    const whole = sweep(scenario, []);
    expect(JSON.stringify(mergePartials([b, a]).sweep)).toBe(JSON.stringify(whole));
  });

  it('whatever order the keys of the file are in (the digest is over sorted keys)', () => {
    const [a, b] = shardFiles();
    const reversed = Object.fromEntries(Object.entries(a).reverse());
    expect(() => mergePartials([reversed, b])).not.toThrow();
  });
});

describe('merge refuses tampered or malformed shard files, naming the file and the field', () => {
  it('an edited count or a scaled lead time breaks the digest', () => {
    const [a, b] = shardFiles();
    const edited = structuredClone(a);
    (value(edited, 0) as unknown as { completed: number }).completed += 1;
    expect(refusal([edited, b])).toBe(
      'a.json: digest: the content does not match its digest: the file was changed after flowlab wrote it, or is damaged',
    );
    const scaled = structuredClone(b);
    const f = value(scaled, 1).leadTime.f as { mu: number };
    f.mu *= 2;
    expect(refusal([a, scaled])).toMatch(/^b\.json: digest: the content does not match/);
  });

  it('"NaN" for a number breaks the digest, and with the digest recomputed, the shape', () => {
    const [a, b] = shardFiles();
    const nan = structuredClone(a);
    (value(nan, 0) as unknown as { completed: unknown }).completed = 'NaN';
    expect(refusal([nan, b])).toMatch(/^a\.json: digest:/);
    expect(refusal([resigned(nan), b])).toBe('a.json: outcomes[0].outcome.value.completed: must be a number');
  });

  it('swapped or copied outcomes are caught by their seeds even with the digest recomputed', () => {
    const [a, b] = shardFiles();
    const swapped = structuredClone(a);
    [swapped.outcomes[0].outcome, swapped.outcomes[1].outcome] = [
      swapped.outcomes[1].outcome,
      swapped.outcomes[0].outcome,
    ];
    expect(refusal([resigned(swapped), b])).toMatch(
      /^a\.json: outcomes\[0\]\.outcome\.value\.seed: \d+ is not the seed of replication 1 \(\d+\): the outcome was moved, copied or edited$/,
    );
    const copied = structuredClone(b);
    copied.outcomes[1].outcome = structuredClone(a.outcomes[1].outcome);
    expect(refusal([a, resigned(copied)])).toMatch(
      /^b\.json: outcomes\[1\]\.outcome\.value\.seed: .* replication 4 /,
    );
  });

  it('a changed seed, in every file and with digests recomputed, no longer matches the outcomes', () => {
    const [a, b] = shardFiles();
    const reseed = (p: PartialResult) =>
      resigned({ ...p, seed: 4, document: { ...scenario, run: { ...scenario.run, seed: 4 } } });
    expect(refusal([reseed(a), reseed(b)])).toMatch(
      /^a\.json: outcomes\[0\]\.outcome\.value\.seed: .* replication 1 /,
    );
  });

  it('job numbers beyond the total, in another shard, or twice are refused', () => {
    const [a, b] = shardFiles();
    const beyond = structuredClone(a);
    beyond.outcomes[1].job = 40;
    expect(refusal([resigned(beyond), b])).toBe("a.json: outcomes[1].job: job 40 is beyond the run's 4 jobs");
    const foreign = structuredClone(a);
    foreign.outcomes[1].job = 3;
    expect(refusal([resigned(foreign), b])).toBe(
      'a.json: outcomes[1].job: job 3 belongs to shard 2/2, not 1/2',
    );
    const twice = structuredClone(a);
    twice.outcomes[1].job = 0;
    expect(refusal([resigned(twice), b])).toBe(
      'a.json: outcomes[1].job: job 0 is out of order or given twice',
    );
  });

  it('a missing outcome or a missing field is named, never a crash', () => {
    const [a, b] = shardFiles();
    const short = structuredClone(a);
    short.outcomes.pop();
    expect(refusal([resigned(short), b])).toBe(
      "a.json: outcomes: 1 of this shard's 2 replications (the file is incomplete)",
    );
    const fieldless = structuredClone(b);
    delete (value(fieldless, 0) as Record<string, unknown>).leadTime;
    expect(refusal([a, resigned(fieldless)])).toBe('b.json: outcomes[0].outcome.value.leadTime: is required');
    const noOutcome = structuredClone(b) as unknown as { outcomes: Record<string, unknown>[] };
    delete noOutcome.outcomes[0].outcome;
    expect(refusal([a, noOutcome])).toMatch(/^b\.json: outcomes\[0\]\.outcome: /);
  });

  it("outcomes without the money, deployments or blockers of the scenario, or with those it has not, are refused: a sweep's columns are the scenario's", () => {
    const rich = {
      ...scenario,
      release: 'review',
      demand: [{ ...scenario.demand[0], costOfDelay: { profile: 'standard', rate: 10 } }],
      nodes: [
        scenario.nodes[0],
        {
          ...scenario.nodes[1],
          blocker: { probability: 0.2, time: { dist: 'exponential', mean: 1 }, policy: 'hold' },
        },
      ],
    };
    const [richA, richB] = shardFiles(rich);
    for (const part of ['economics', 'releases', 'blockers']) {
      const without = structuredClone(richA);
      delete value(without, 1)[part];
      expect(refusal([resigned(without), richB])).toBe(
        `a.json: outcomes[1].outcome.value.${part}: is required`,
      );
    }
    const [a, b] = shardFiles();
    for (const [part, lacks] of [
      ['economics', 'no cost of delay, value or cost of capacity'],
      ['releases', 'no release step'],
      ['blockers', 'no blocker'],
    ]) {
      const added = structuredClone(b);
      value(added, 0)[part] = structuredClone(value(richB, 0)[part]);
      expect(refusal([a, resigned(added)])).toBe(
        `b.json: outcomes[0].outcome.value.${part}: is not a field of this scenario's outcomes: it has ${lacks}`,
      );
    }
    // Not even as plain numbers, which the fold would read as well as the codec's typed arrays.
    const plain = structuredClone(a);
    value(plain, 0).economics = {
      costOfDelay: [1e9],
      value: [0],
      dated: 0,
      late: 0,
      lateness: 0,
      valueLate: 0,
    } as never;
    expect(refusal([resigned(plain), b])).toMatch(
      /^a\.json: outcomes\[0\]\.outcome\.value\.economics: is not a field/,
    );
    expect(() => mergePartials([richB, richA])).not.toThrow();
  });

  it('a crafted typed-array length is refused before anything is allocated', () => {
    const [a, b] = shardFiles();
    const huge = structuredClone(a);
    const served = (value(huge, 0).nodes as Record<string, Record<string, unknown>>).served;
    served.length = 2 ** 31;
    expect(refusal([resigned(huge), b])).toBe(
      'a.json: outcomes[0].outcome.value.nodes.served: must be an encoded f64 array of 2',
    );
  });

  it('sizes that drive the fold must be those of a replication of the scenario', () => {
    const [a, b] = shardFiles();
    const points = structuredClone(a);
    ((value(points, 0).series as Record<string, unknown>).f as { points: number }).points = 1e9;
    expect(refusal([resigned(points), b])).toBe(
      'a.json: outcomes[0].outcome.value.series.f.points: must be a whole number from 0 to 1000',
    );
    const windows = structuredClone(a);
    (value(windows, 1).windows as Record<string, unknown>).count = 1e9;
    expect(refusal([resigned(windows), b])).toBe(
      'a.json: outcomes[1].outcome.value.windows.count: must be 20, as this scenario gives',
    );
    const channels = structuredClone(b);
    ((value(channels, 0).series as Record<string, unknown>).f as { channels: number }).channels = 1e6;
    expect(refusal([a, resigned(channels)])).toMatch(
      /^b\.json: outcomes\[0\]\.outcome\.value\.series\.f\.channels: must be \d+/,
    );
  });

  it('a minimal header, an old version, a deep file or no object at all', () => {
    const [a, b] = shardFiles();
    expect(refusal([{ format: 'flowlab-partial', version: PARTIAL_VERSION }, b])).toMatch(/^a\.json: kind: /);
    expect(refusal([{ ...a, version: 1 }, b])).toMatch(
      /^a\.json: version: written by another version of flowlab/,
    );
    expect(refusal([{ ...a, axes: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) }, b])).toMatch(
      /^a\.json: nests deeper than 64 levels/,
    );
    for (const junk of [null, [], 'flowlab-partial', 3, { name: 'a scenario' }])
      expect(refusal([junk, b])).toBe(
        'a.json: not a partial result (flowlab run or sweep with --shard writes them)',
      );
    expect(refusal([resigned({ ...a, shard: { index: 3, count: 2 } }), b])).toBe(
      'a.json: shard: the shard number must be at most the number of shards',
    );
  });

  it('a shard from before economics counted the work turned away is told to be run again, not refused for that field', () => {
    const money = {
      ...scenario,
      demand: [{ ...scenario.demand[0], costOfDelay: { profile: 'standard', rate: 10 } }],
    };
    const [a, b] = shardFiles(money);
    const old = structuredClone(a);
    old.version = 2 as typeof PARTIAL_VERSION;
    for (const k of old.outcomes.keys()) delete value(old, k).economics.turnedAway;
    expect(refusal([resigned(old), b])).toBe(
      `a.json: version: written by another version of flowlab (format 2; this one reads ${PARTIAL_VERSION}): run the shards again with this version`,
    );
  });

  it('counts of work turned away that no run could give are refused, even with the digest recomputed', () => {
    const turning = {
      ...scenario,
      demand: [
        { ...scenario.demand[0], whenFull: 'reject', costOfDelay: { profile: 'standard', rate: 10 } },
        { ...scenario.demand[0], id: 'defect', whenFull: 'reject', value: { dist: 'constant', value: 5 } },
      ],
      nodes: [{ ...scenario.nodes[0], wipLimit: 2 }, scenario.nodes[1]],
    };
    const [a, b] = shardFiles(turning);
    type Counts = { rejected: unknown; economics: { turnedAway: { at: number[]; v: unknown[] } } };
    const counts = (p: PartialResult) => value(p, 0) as unknown as Counts;
    expect(counts(a).rejected).toBeGreaterThan(0);
    expect(counts(a).economics.turnedAway.v).toHaveLength(2);
    const crafted = (edit: (c: Counts) => void) => {
      const p = structuredClone(a);
      edit(counts(p));
      return refusal([resigned(p), b]);
    };
    const whole = 'must be a whole number of at least 0';
    for (const bad of [{ $n: 'NaN' }, { $n: 'Infinity' }, -431, 2.5, 1e306])
      expect(
        crafted((c) => {
          c.economics.turnedAway.v[0] = bad;
        }),
      ).toBe(`a.json: outcomes[0].outcome.value.economics.turnedAway.v[0]: ${whole}`);
    expect(
      crafted((c) => {
        c.rejected = { $n: 'NaN' };
      }),
    ).toBe(`a.json: outcomes[0].outcome.value.rejected: ${whole}`);
    const rejected = counts(a).rejected as number;
    expect(
      crafted((c) => {
        (c.economics.turnedAway.v[1] as number) += 1;
      }),
    ).toBe(
      `a.json: outcomes[0].outcome.value.economics.turnedAway: its classes' counts add up to ${rejected + 1}, not the ${rejected} arrivals turned away (rejected): each is counted once, by its class`,
    );
    // Moved between classes, the counts still add up: only the digest guards that.
    const moved = structuredClone(a);
    const v = counts(moved).economics.turnedAway.v as number[];
    v[0] += v[1];
    v[1] = 0;
    expect(() => mergePartials([resigned(moved), b])).not.toThrow();
  });

  it('a grid larger than any sweep may plan is refused before it is planned', () => {
    const [a, b] = shardFiles();
    const values = Array.from({ length: 10_001 }, (_, i) => i);
    expect(refusal([resigned({ ...a, axes: [{ path: 'run.seed', values }] }), b])).toMatch(
      /^a\.json: axes: the grid has 10,001 = 10,001 points, too many for one sweep/,
    );
  });

  it('a document that is not a valid scenario is named as such', () => {
    const [a, b] = shardFiles();
    const broken = { ...scenario, nodes: [] };
    expect(refusal([resigned({ ...a, document: broken }), resigned({ ...b, document: broken })])).toMatch(
      /^a\.json: document: /,
    );
  });
});
