import { describe, expect, it } from 'vitest';
import { chanceDoneBy, forecast } from '../../src/index.ts';

// One team, items arriving at 0.8 a day, served at 1 a day: throughput 0.8 a day.
const team = {
  name: 'one team',
  run: { duration: 500, warmup: 100, seed: 5, replications: 10 },
  demand: [{ id: 'item', interarrival: { dist: 'exponential', mean: 1.25 }, steps: ['work'] }],
  nodes: [{ id: 'team', capacity: 1, serves: { work: { dist: 'exponential', mean: 1 } } }],
};

const sd = (xs: number[]) => {
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1));
};
/** 99.9% normal bound on a mean of n samples: 3.29 standard errors. */
const bound = (xs: number[]) => (3.29 * sd(xs)) / Math.sqrt(xs.length);

describe('forecasting by Monte Carlo', () => {
  it('items done within T average throughput x T', () => {
    const f = forecast(team, { until: 100 }, { replications: 300 });
    expect(f.samples).toHaveLength(300);
    expect(Math.abs(f.mean - 0.8 * 100)).toBeLessThan(bound(f.samples));
    expect(f.p15).toBeLessThanOrEqual(f.p50);
    expect(f.p50).toBeLessThanOrEqual(f.p85);
  });

  it('the time for N more items averages N / throughput', () => {
    const f = forecast(team, { items: 40 }, { replications: 300 });
    expect(f.notReached).toBe(0);
    expect(Math.abs(f.mean - 40 / 0.8)).toBeLessThan(bound(f.samples));
    expect(f.p50).toBeLessThan(f.p85);
    expect(f.p85).toBeLessThan(f.p95);
    expect(f.histogram.reduce((s, b) => s + b.count, 0)).toBe(300);
  });

  it('half the time, N more items are done within about N / throughput', () => {
    // Past the warm-up the team's departures are close to a Poisson stream (Burke), so the
    // time for 40 is nearly Erlang(40, 0.8): median about (40 - 1/3) / 0.8 = 49.6, within the
    // tolerance of 50. Tolerance: 3.29 standard errors of a sample median, 1.2533 sd / sqrt(n).
    const f = forecast(team, { items: 40 }, { replications: 300 });
    expect(Math.abs(f.p50 - 40 / 0.8)).toBeLessThan(1.2533 * bound(f.samples));
  });

  it('gives the chance of being done by a date, and the histogram reads the same', () => {
    const f = forecast(team, { items: 40 }, { replications: 200 });
    expect(chanceDoneBy(f, 0)).toBe(0);
    expect(chanceDoneBy(f, f.p50)).toBeGreaterThanOrEqual(0.5);
    expect(chanceDoneBy(f, f.p85)).toBeGreaterThanOrEqual(0.85);
    expect(chanceDoneBy(f, f.p85 * 0.999)).toBeLessThan(0.85);
    for (const bin of f.histogram.slice(0, -1))
      expect(bin.likelihood).toBe(chanceDoneBy(f, bin.to - 1e-9 * bin.to));
    expect(f.histogram.at(-1)?.likelihood).toBe(1);
    const count = forecast(team, { until: 50 }, { replications: 50 });
    expect(() => chanceDoneBy(count, 10)).toThrow(RangeError);
    // For items by a date, a bin reads "at least its first count": the first bin is certain.
    expect(count.histogram[0].likelihood).toBe(1);
    for (const bin of count.histogram)
      expect(bin.likelihood).toBe(count.samples.filter((x) => x >= bin.from).length / 50);
  });

  it('more items take longer, at every percentile', () => {
    const few = forecast(team, { items: 20 }, { replications: 100 });
    const many = forecast(team, { items: 60 }, { replications: 100 });
    for (const p of ['p50', 'p85', 'p95'] as const) expect(many[p]).toBeGreaterThan(few[p]);
  });

  it('gives the same forecast for the same seed', () => {
    expect(forecast(team, { items: 10 }, { replications: 20 })).toEqual(
      forecast(team, { items: 10 }, { replications: 20 }),
    );
  });

  it('refuses a question it cannot answer', () => {
    expect(() => forecast(team, { items: 0 })).toThrow(RangeError);
    expect(() => forecast(team, { until: -1 })).toThrow(RangeError);
  });

  it('refuses a question that would run longer than any run may, before it runs', () => {
    // Each would have lengthened the run to reach its answer, past the scenario's own bounds.
    expect(() => forecast(team, { items: 1e9 })).toThrow(
      /would simulate about .* more than the limit of 50,000,000/,
    );
    expect(() => forecast(team, { until: 1e300 })).toThrow(/past the limit of 1,000,000,000,000 time units/);
  });
});
