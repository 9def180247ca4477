import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  comparisonJobs,
  foldComparison,
  planComparison,
  replicationsDoneByAll,
} from '../../src/experiment/compare-jobs.ts';
import { runReplication } from '../../src/experiment/replications.ts';
import { compare } from '../../src/index.ts';

const preset = (file: string) => JSON.parse(readFileSync(`scenarios/${file}`, 'utf8'));
const short = (doc: { run: object }) => ({ ...doc, run: { ...doc.run, duration: 300, warmup: 30 } });
const variants = [
  { name: 'token ring', scenario: short(preset('token-ring.json')) },
  { name: 'network', scenario: short(preset('dynamic-network.json')) },
];

describe('a comparison as jobs', () => {
  const scenarios = planComparison(variants, { seed: 3, replications: 4 });
  const jobs = comparisonJobs(scenarios);

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
    expect(JSON.stringify(foldComparison(variants, scenarios, outcomes))).toBe(
      JSON.stringify(compare(variants, { seed: 3, replications: 4 })),
    );
  });

  it('stopped early, pairs the replications every variant finished', () => {
    // Jobs 0 to 4 done: replications 0 and 1 of both variants, and 2 of the first alone.
    const done = (j: number) => j <= 4;
    expect(replicationsDoneByAll(scenarios, done)).toBe(2);
    expect(replicationsDoneByAll(scenarios, () => true)).toBe(4);
    expect(replicationsDoneByAll(scenarios, (j) => j !== 0)).toBe(0);
    const outcomes = jobs.map((job, j) =>
      done(j) ? runReplication(job.scenario, job.replication) : undefined,
    );
    const paired = foldComparison(variants, scenarios, outcomes, 2);
    expect(JSON.stringify(paired)).toBe(JSON.stringify(compare(variants, { seed: 3, replications: 2 })));
  });

  it('treats a job that failed as the bug it is', () => {
    const outcomes = jobs.map((job, j) =>
      j === 3 ? { error: 'boom' } : runReplication(job.scenario, job.replication),
    );
    expect(() => foldComparison(variants, scenarios, outcomes)).toThrow('boom');
  });
});
