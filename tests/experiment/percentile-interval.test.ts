import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';

// M/M/1 at rho 0.8: time in system is exponential with rate mu - lambda = 0.2, so its
// 85th percentile is -ln(0.15) / 0.2 = 9.49.
const mm1 = (replications: number) => ({
  name: 'M/M/1 rho 0.8',
  run: { duration: 20_000, warmup: 1_000, seed: 7, replications },
  demand: [{ id: 'job', interarrival: { dist: 'exponential', mean: 1.25 }, steps: ['work'] }],
  nodes: [{ id: 'server', capacity: 1, serves: { work: { dist: 'exponential', mean: 1 } } }],
});
const theoryP85 = -Math.log(0.15) / 0.2;

describe('the 85th percentile lead time has its own 95% interval', () => {
  it('over replications, covering the theoretical p85 of an M/M/1', () => {
    const r = simulate(mm1(12));
    const [lo, hi] = r.leadTime.p85ci95 ?? [Number.NaN, Number.NaN];
    expect(lo).toBeLessThan(theoryP85);
    expect(hi).toBeGreaterThan(theoryP85);
    // The pooled p85 is what the table shows: it sits inside its own interval.
    expect(r.leadTime.p85).toBeGreaterThan(lo);
    expect(r.leadTime.p85).toBeLessThan(hi);
  });

  it('is absent with one replication, as the mean’s is', () => {
    const r = simulate(mm1(1));
    expect(r.leadTime.p85ci95).toBeNull();
    expect(r.leadTime.ci95).toBeNull();
  });
});
