import { describe, expect, it } from 'vitest';
import { mser5 } from '../../src/experiment/warmup.ts';
import { parseScenario, simulate } from '../../src/index.ts';
import { mmc } from '../../src/metrics/theory.ts';

/** A deterministic wobble, so the tests need no random numbers of their own. */
const noise = (i: number) => Math.sin(i * 12.9898) * 0.5;

describe('MSER-5', () => {
  it('drops an obvious initial transient, and not much more', () => {
    // 100 points climbing from 0 to a level of 10, then 900 points around it.
    const series = Array.from({ length: 1000 }, (_, i) => (i < 100 ? i / 10 : 10) + noise(i));
    const drop = mser5(series);
    expect(drop % 5).toBe(0);
    expect(drop).toBeGreaterThanOrEqual(80);
    expect(drop).toBeLessThanOrEqual(150);
  });

  it('keeps nearly all of a series that starts in steady state', () => {
    const series = Array.from({ length: 1000 }, (_, i) => 10 + noise(i));
    expect(mser5(series)).toBeLessThanOrEqual(50);
  });

  it('never drops more than half', () => {
    const rising = Array.from({ length: 400 }, (_, i) => i);
    expect(mser5(rising)).toBeLessThanOrEqual(200);
    expect(mser5([1, 2, 3])).toBe(0);
  });
});

describe('warmup: "auto"', () => {
  // 55 people, 50 days a piece, one item a day: the system starts empty and takes a few
  // service times to fill to its steady WIP of about 54, a transient MSER-5 should drop.
  const filling = {
    name: 'a big team filling up',
    run: { duration: 2000, warmup: 'auto', seed: 1, replications: 10 },
    demand: [{ id: 'job', interarrival: { dist: 'exponential', mean: 1 }, steps: ['work'] }],
    nodes: [{ id: 'team', capacity: 55, serves: { work: { dist: 'exponential', mean: 50 } } }],
  };

  it('is accepted by the schema, and a misspelling is not', () => {
    expect(parseScenario(filling).ok).toBe(true);
    const wrong = parseScenario({ ...filling, run: { ...filling.run, warmup: 'automatic' } });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.problems[0].message).toMatch(/warmup must be a number of at least 0, or "auto"/);
  });

  it('drops the filling-up, reports it, and the mean time in system matches Erlang C', () => {
    const r = simulate(filling);
    expect(r.window.warmupChosenBy).toBe('MSER-5');
    expect(r.window.warmup).toBeGreaterThanOrEqual(50);
    expect(r.window.warmup).toBeLessThanOrEqual(filling.run.duration / 2);
    // The 95% t-interval over 10 replications, widened to 99.9% by the ratio of the t
    // quantiles (4.781 / 2.262), holds W from Erlang C.
    const [lo, hi] = r.leadTime.ci95!;
    const half = ((hi - lo) / 2) * (4.781 / 2.262);
    expect(Math.abs(r.leadTime.mean - mmc(1, 1 / 50, 55).W)).toBeLessThan(half);
  });

  it('chooses the same truncation every time for the same seed, and a fixed warm-up says so', () => {
    expect(simulate(filling).window.warmup).toBe(simulate(filling).window.warmup);
    const fixed = simulate({ ...filling, run: { ...filling.run, warmup: 100 } });
    expect(fixed.window).toEqual({ warmup: 100, duration: 2000, warmupChosenBy: 'scenario' });
  });
});
