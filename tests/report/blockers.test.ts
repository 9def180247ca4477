/**
 * Blocked time in a result, its report and the command line's table. With ample servers no
 * item queues, so an item's lead time is its work plus its blocked time: with work of mean
 * 2 + 3 and a blocker at the second node with p = 0.3 and a mean of 4, blocked time is
 * p E[B] = 1.2 of a lead time of 6.2 per item. The tolerance is the 95% interval over the
 * run's 20 replications (fixed seed), doubled so that the check states a 99.99% band.
 */
import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { simulate } from '../../src/index.ts';
import { blockerReports } from '../../src/report/index.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

const ample = {
  name: 'ample',
  timeUnit: 'day',
  run: { duration: 2000, warmup: 100, seed: 5, replications: 20 },
  demand: [{ id: 'job', interarrival: exponential(1), steps: ['a', 'b'] }],
  nodes: [
    { id: 'first', capacity: 50, serves: { a: exponential(2) } },
    {
      id: 'second',
      capacity: 50,
      serves: { b: exponential(3) },
      blocker: { probability: 0.3, time: exponential(4), policy: 'hold' },
    },
  ],
};

const within = (s: { mean: number; ci95: [number, number] | null }, theory: number) => {
  const half = (s.ci95![1] - s.ci95![0]) / 2;
  expect(Math.abs(s.mean - theory), `${s.mean} ± ${half}, theory ${theory}`).toBeLessThanOrEqual(2 * half);
};

describe('blocked time in the results', () => {
  it('gives blocked time per item and its share of lead time, in total and at the node', () => {
    const r = simulate(ample);
    const b = r.blockers!;
    within(b.perItem, 1.2);
    within(b.share, 1.2 / 6.2);
    within(b.nodes.second.share, 1.2 / 6.2);
    expect(Object.keys(b.nodes)).toEqual(['second']);
    // About 38,000 items start there: the share blocked has a binomial sd of 0.0024, the mean
    // blocked time of some 11,000 blocked items an sd of 0.04; both bounds are 5 sd or more.
    expect(Math.abs(b.nodes.second.blocked - 0.3)).toBeLessThan(0.02);
    expect(Math.abs(b.nodes.second.time - 4)).toBeLessThan(0.2);
    const rows = blockerReports(r);
    expect(rows.map((row) => row.where)).toEqual(['second', 'all']);
    // Its person holds a blocked item; put aside under the other policy.
    expect(b.nodes.second.policy).toBe('hold');
    expect(rows.map((row) => row.policy)).toEqual(['held', '']);
    const aside = { ...ample.nodes[1], blocker: { ...ample.nodes[1].blocker, policy: 'aside' } };
    const other = simulate({
      ...ample,
      run: { ...ample.run, replications: 2 },
      nodes: [ample.nodes[0], aside],
    });
    expect(blockerReports(other).map((row) => row.policy)).toEqual(['put aside', '']);
    expect(other.blockers?.nodes.second.countsAgainstWip).toBeUndefined();
    // Put aside off the node's WIP limit, the result and the report say that too.
    const free = { ...aside, wipLimit: 60, blocker: { ...aside.blocker, countsAgainstWip: false } };
    const freed = simulate({
      ...ample,
      run: { ...ample.run, replications: 2 },
      nodes: [ample.nodes[0], free],
    });
    expect(freed.blockers?.nodes.second.countsAgainstWip).toBe(false);
    expect(blockerReports(freed).map((row) => row.policy)).toEqual(['put aside, off the WIP limit', '']);
    // The command line's table says so in its own column.
    const table = describeResult(other).split('\n');
    const header = table.findIndex((l) => l.startsWith('blocked at'));
    expect(table[header]).toMatch(
      /^blocked at +while blocked +items blocked +blocked for \(days\) +share of lead time$/,
    );
    expect(table.slice(header).find((l) => l.startsWith('second'))).toMatch(/^second +put aside +\d/);
  });

  it('is absent from a result where no node has a blocker', () => {
    const { blocker: _, ...plain } = ample.nodes[1];
    const r = simulate({ ...ample, run: { ...ample.run, replications: 2 }, nodes: [ample.nodes[0], plain] });
    expect(r.blockers).toBeUndefined();
    expect(blockerReports(r)).toEqual([]);
  });
});
