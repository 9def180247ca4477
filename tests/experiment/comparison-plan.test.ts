import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/experiment/replications.ts';
import { compare, planComparison } from '../../src/index.ts';

const preset = (file: string) => JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
const short = (doc: { run: object }) => ({ ...doc, run: { ...doc.run, duration: 300, warmup: 30 } });
const variants = [
  { name: 'token ring', scenario: short(preset('token-ring.json')) },
  { name: 'network', scenario: short(preset('dynamic-network.json')) },
];

describe('a comparison as jobs', () => {
  const plan = planComparison(variants, { seed: 3, replications: 4 });
  const { jobs } = plan;

  it('takes replication 0 of every variant, then replication 1, and so on', () => {
    expect(jobs.map((j) => [j.replication, j.variant])).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [2, 0],
      [2, 1],
      [3, 0],
      [3, 1],
    ]);
  });

  it('folds, whatever order the jobs ran in, to the same bytes as compare()', () => {
    const outcomes = jobs
      .map((job, j) => [j, job] as const)
      .reverse()
      .map(([j, job]) => [j, runReplication(job.scenario, job.replication)] as const)
      .sort(([a], [b]) => a - b)
      .map(([, o]) => o);
    expect(JSON.stringify(plan.fold(outcomes))).toBe(
      JSON.stringify(compare(variants, { seed: 3, replications: 4 })),
    );
  });

  it('stopped early, pairs the replications every variant finished', () => {
    const outcomes = (done: (j: number) => boolean) =>
      jobs.map((job, j) => (done(j) ? runReplication(job.scenario, job.replication) : undefined));
    // Jobs 0 to 4 done: replications 0 and 1 of both variants, and 2 of the first alone.
    const paired = plan.foldFinished(
      outcomes((j) => j <= 4),
      'stopped by Ctrl-C',
    );
    expect(JSON.stringify(paired)).toBe(JSON.stringify(compare(variants, { seed: 3, replications: 2 })));
    // Every job but the first: no replication that every variant finished, so nothing to compare.
    expect(
      plan.foldFinished(
        outcomes((j) => j !== 0),
        'stopped by Ctrl-C',
      ),
    ).toBeUndefined();
    // A stop as the last job finished: the whole comparison.
    expect(
      JSON.stringify(
        plan.foldFinished(
          outcomes(() => true),
          'stopped by Ctrl-C',
        ),
      ),
    ).toBe(JSON.stringify(compare(variants, { seed: 3, replications: 4 })));
  });

  it('treats a job that failed as the bug it is', () => {
    const outcomes = jobs.map((job, j) =>
      j === 3 ? { error: 'boom' } : runReplication(job.scenario, job.replication),
    );
    expect(() => plan.fold(outcomes)).toThrow('boom');
  });
});
