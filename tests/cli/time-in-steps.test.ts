import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { simulate } from '../../src/index.ts';

const constant = (value: number) => ({ dist: 'constant', value });

describe("run's table of where the time goes", () => {
  it('gives each step its wait, work and flow efficiency, the backlog first and the lead time last', () => {
    // CONWIP of 1, arrivals at 1, 2 and 3: they wait 0, 1 and 2 to be committed, then 2 at work.
    const r = simulate({
      name: 'by hand',
      timeUnit: 'hour',
      run: { duration: 3.5, warmup: 0 },
      wipLimit: 1,
      demand: [{ id: 'job', interarrival: constant(1), steps: ['work'] }],
      nodes: [{ id: 'team', capacity: 1, serves: { work: constant(2) } }],
    });
    const lines = describeResult(r).split('\n');
    const at = lines.findIndex((l) => l.startsWith('time per item (hours)'));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 5).map((l) => l.split(/\s{2,}/))).toEqual([
      ['time per item (hours)', 'wait', 'work', 'flow efficiency'],
      [
        expect.stringMatching(/^─+$/),
        expect.stringMatching(/^─+$/),
        expect.stringMatching(/^─+$/),
        expect.stringMatching(/^─+$/),
      ],
      ['backlog (before commitment)', '1', '0', '0%'],
      ['work', '0', '2', '100%'],
      ['lead time', '1', '2', '67%'],
    ]);
  });
});
