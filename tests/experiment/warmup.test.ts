import { describe, expect, it } from 'vitest';
import { describeResult } from '../../src/cli/commands/run.ts';
import { averageWip, mser5 } from '../../src/experiment/warmup.ts';
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

describe('averaging the pilots', () => {
  it('uses the times every pilot holds, when one that drained longer kept every other point', () => {
    // Both on the grid 0, 1, 2, ...; the second halved once more, keeping 0, 2, 4, ...
    const fine = { t: [0, 1, 2, 3, 4, 5], wip: [0, 10, 20, 30, 40, 50] };
    const coarse = { t: [0, 2, 4, 6], wip: [2, 4, 6, 8] };
    expect(averageWip([fine, coarse], 4)).toEqual({ times: [0, 2, 4], wip: [1, 12, 23] });
  });
});

describe('warmup: "auto"', () => {
  // 55 people, 50 days a piece, one item a day (utilisation 0.91): the system starts empty
  // and takes a few service times to fill to its steady WIP of about 54, a transient MSER-5
  // should drop.
  const filling = {
    name: 'a big team filling up',
    run: { duration: 1000, warmup: 'auto', seed: 1, replications: 20 },
    demand: [{ id: 'job', interarrival: { dist: 'exponential', mean: 1 }, steps: ['work'] }],
    nodes: [{ id: 'team', capacity: 55, serves: { work: { dist: 'exponential', mean: 50 } } }],
  };
  const theory = mmc(1, 1 / 50, 55);
  /** The 95% t-interval over 20 replications, widened to 99.9% by the t quantiles (3.883 / 2.093). */
  const tolerance = ([lo, hi]: [number, number]) => ((hi - lo) / 2) * (3.883 / 2.093);

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
    expect(Math.abs(r.leadTime.mean - theory.W)).toBeLessThan(tolerance(r.leadTime.ci95!));
  });

  it('brings the WIP closer to theory than no warm-up does', () => {
    // The transient here is the servers filling: it shows in WIP (Little's law: L = λW = W
    // at one item a day) far more than in lead time, whose shift from the few early items
    // that met no queue is below its noise at this run length. Same seeds, so the two runs
    // differ only in the window.
    const auto = simulate(filling);
    const none = simulate({ ...filling, run: { ...filling.run, warmup: 0 } });
    expect(Math.abs(auto.wip.mean - theory.W)).toBeLessThan(tolerance(auto.wip.ci95!));
    expect(Math.abs(none.wip.mean - theory.W)).toBeGreaterThan(Math.abs(auto.wip.mean - theory.W));
    expect(none.leadTime.mean).toBeLessThan(auto.leadTime.mean);
  });

  it('the readable report says the warm-up was chosen, and how long it is', () => {
    const r = simulate(filling);
    expect(describeResult(r)).toContain(`warm-up ${r.window.warmup} days (chosen by MSER-5)`);
    const fixed = simulate({ ...filling, run: { ...filling.run, warmup: 100, replications: 2 } });
    expect(describeResult(fixed)).not.toMatch(/chosen by/);
  });

  it('chooses the same truncation every time for the same seed, and a fixed warm-up says so', () => {
    expect(simulate(filling).window.warmup).toBe(simulate(filling).window.warmup);
    const fixed = simulate({ ...filling, run: { ...filling.run, warmup: 100 } });
    expect(fixed.window).toEqual({ warmup: 100, duration: 1000, warmupChosenBy: 'scenario' });
  });
});
