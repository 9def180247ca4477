import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { throughputData, throughputSeries } from '../../web/viewmodel/chart-data/throughput-data.ts';
import { quickResult } from './results-fixture.ts';

/** A result with only what a throughput series reads: its window and its cumulative items done. */
function run(t: number[], done: number[], warmup: number, duration: number): SimulationResult {
  return {
    window: { warmup, duration, warmupChosenBy: 'scenario' },
    series: { t, cumulative: { done } },
  } as unknown as SimulationResult;
}

describe('throughput chart data', () => {
  it('a run chart per series with its median, and a histogram of the counts on shared bins', () => {
    const data = throughputData([
      { name: 'history', start: 0, period: 7, counts: [3, 5, 4, 0] },
      { name: 'model', start: 0, period: 7, counts: [4, 4, 6] },
    ]);
    expect(data.runs.map((r) => [r.name, r.median, r.mean])).toEqual([
      ['history', 3.5, 3],
      ['model', 4, 14 / 3],
    ]);
    expect(data.runs[0].points[1]).toEqual({ t: 10.5, from: 7, to: 14, count: 5 });
    // One bar per whole count from 0 to the largest, periods counted per series.
    expect(data.bins.map((b) => [b.from, b.periods])).toEqual([
      [0, [1, 0]],
      [1, [0, 0]],
      [2, [0, 0]],
      [3, [1, 0]],
      [4, [1, 2]],
      [5, [1, 0]],
      [6, [0, 1]],
    ]);
    expect(data.countMax).toBe(6);
    expect(data.periodsMax).toBe(2);
    expect(data.xDomain).toEqual([0, 28]);
  });

  it('large counts share bars, at most 24 of them, and every period is in one', () => {
    const counts = Array.from({ length: 100 }, (_, i) => i * 3);
    const data = throughputData([{ name: 'model', start: 0, period: 1, counts }]);
    expect(data.bins.length).toBeLessThanOrEqual(24);
    expect(data.bins.reduce((n, b) => n + b.periods[0], 0)).toBe(100);
    for (const b of data.bins) expect(b.to - b.from).toBe(data.bins[0].to - data.bins[0].from);
  });

  it("a run's periods are whole numbers of its samples over warm-up to duration, each count a difference of two", () => {
    // Samples every 2 time units from 0 to 20, one item done per time unit from time 0.
    const t = Array.from({ length: 11 }, (_, i) => 2 * i);
    const done = t.map((x) => x);
    const s = throughputSeries(run(t, done, 4, 20));
    // 8 intervals between the samples at 4 and 20: one sample each is already few enough periods,
    // and 2 time units is a round length.
    expect(s).toEqual({ name: 'model', start: 4, period: 2, counts: [2, 2, 2, 2, 2, 2, 2, 2] });
  });

  it('a long run gets at most 52 periods, lengthened to a round length when one is in reach', () => {
    const t = Array.from({ length: 1001 }, (_, i) => 2 * i);
    const done = t.map((x) => Math.floor(x / 3));
    const s = throughputSeries(run(t, done, 200, 2000));
    // 900 intervals: at least 18 samples (36 time units) a period; 25 samples make 50.
    expect(s.period).toBe(50);
    expect(s.start).toBe(200);
    expect(s.counts).toHaveLength(36);
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(done[200 / 2 + 36 * 25] - done[100]);
  });

  it('a preset run: the periods add up to the items done between their ends', () => {
    const r = quickResult('token-ring');
    const s = throughputSeries(r);
    expect(s.counts.length).toBeGreaterThan(5);
    expect(s.counts.length).toBeLessThanOrEqual(52);
    const at = (time: number) => r.series.cumulative.done[r.series.t.indexOf(time)];
    const end = s.start + s.counts.length * s.period;
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(at(end) - at(s.start));
  });
});
