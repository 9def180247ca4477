/**
 * The joins of parallel steps in words: the same for the terminal and the page.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { joinReports } from '../../src/report/index.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

const scenario = (steps: unknown[]) => ({
  name: 'join words',
  run: { duration: 1500, warmup: 50, seed: 3, replications: 3 },
  demand: [{ id: 'feature', interarrival: exponential(2), steps }],
  nodes: [
    { id: 'product', capacity: 1, serves: { plan: exponential(0.5) } },
    { id: 'web', capacity: 1, serves: { frontend: exponential(0.6) } },
    { id: 'api', capacity: 1, serves: { backend: exponential(1.4) } },
  ],
});

describe('the joins of parallel steps, in words', () => {
  it('names the step, its branches, the wait for the slowest and which branch was last', () => {
    const result = simulate(scenario(['plan', { all: ['frontend', 'backend'] }]));
    const [join] = joinReports(result);
    const j = result.joins![0];
    expect(join).toMatchObject({
      key: 'join-0',
      where: 'feature, step 2',
      branches: 'frontend + backend',
      slowest: 'backend',
      unit: 'days',
    });
    expect(join.wait).toMatch(/^[\d.]+ ± [\d.]+$/);
    expect(join.last).toMatch(/^backend \d+%, frontend [\d.]+%$/);
    expect(j.lastShare.backend).toBeGreaterThan(j.lastShare.frontend);
  });

  it('says nothing where no class has a parallel step', () => {
    expect(joinReports(simulate(scenario(['plan', 'frontend', 'backend'])))).toEqual([]);
  });
});
