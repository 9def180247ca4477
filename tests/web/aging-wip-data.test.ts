import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import {
  type AgingWipSeries,
  agingWipData,
  agingWipSeries,
  runStages,
} from '../../web/viewmodel/chart-data/aging-wip-data.ts';
import { quickResult } from './results-fixture.ts';

const percentiles = { p50: 4, p85: 9, p95: 12 };

describe('aging WIP chart data', () => {
  it('one column per stage holding work, in value-stream order, the oldest first in each', () => {
    const series: AgingWipSeries = {
      name: 'model',
      items: [
        { stage: 'test', age: 3 },
        { stage: 'build', age: 10 },
        { stage: 'build', age: 13 },
        { stage: 'build', age: 5 },
      ],
      percentiles,
    };
    const data = agingWipData([series], ['analyse', 'build', 'test', 'release']);
    // analyse and release hold nothing: no empty columns.
    expect(data.stages).toEqual(['build', 'test']);
    expect(data.dots.map((d) => [d.column, d.age, d.past])).toEqual([
      [0, 13, 'p95'],
      [0, 10, 'p85'],
      [0, 5, 'p50'],
      [1, 3, null],
    ]);
    expect(data.series).toEqual([{ name: 'model', percentiles, shown: 4, count: 4 }]);
    expect(data.yMax).toBe(13);
    // Dots of a column are spread across it, no two in the same place.
    const offsets = data.dots.filter((d) => d.column === 0).map((d) => d.offset);
    expect(new Set(offsets).size).toBe(3);
    for (const o of offsets) expect(o).toBeGreaterThanOrEqual(0);
    for (const o of offsets) expect(o).toBeLessThan(1);
  });

  it('two series share the columns: history and model side by side, each against its own lines', () => {
    const history: AgingWipSeries = {
      name: 'history',
      items: [
        { stage: 'Review', age: 20 },
        { stage: 'Ready for review', age: 2 },
      ],
      percentiles: { p50: 5, p85: 15, p95: 30 },
    };
    const model: AgingWipSeries = { name: 'model', items: [{ stage: 'Review', age: 6 }], percentiles };
    const data = agingWipData([history, model], ['Ready for review', 'Review']);
    expect(data.stages).toEqual(['Ready for review', 'Review']);
    expect(data.dots.map((d) => [d.column, d.series, d.age, d.past])).toEqual([
      [0, 0, 2, null],
      [1, 0, 20, 'p85'],
      [1, 1, 6, 'p50'],
    ]);
    // The percentile lines are part of what the y axis must show.
    expect(data.yMax).toBe(30);
  });

  it('stages the order does not name come after it, as the series first name them', () => {
    const s: AgingWipSeries = {
      name: 'history',
      items: [
        { stage: 'Blocked', age: 1 },
        { stage: 'Dev', age: 1 },
      ],
      percentiles,
    };
    expect(agingWipData([s], ['Dev']).stages).toEqual(['Dev', 'Blocked']);
  });

  it("a run's series: its snapshot's steps, the backlog as its own column, the run's lead-time lines", () => {
    const r = {
      agingWip: { at: 100, count: 5000, step: [null, 'review', 'build'], age: [1, 2, 3] },
      leadTime: { p50: 1, p85: 2, p95: 3 },
      series: { cumulative: { steps: { build: [], review: [] } } },
    } as unknown as SimulationResult;
    const s = agingWipSeries(r);
    expect(s).toEqual({
      name: 'model',
      items: [
        { stage: 'backlog', age: 1 },
        { stage: 'review', age: 2 },
        { stage: 'build', age: 3 },
      ],
      percentiles: { p50: 1, p85: 2, p95: 3 },
      count: 5000,
    });
    expect(agingWipData([s], runStages(r)).stages).toEqual(['backlog', 'build', 'review']);
    expect(agingWipData([s]).series[0]).toMatchObject({ shown: 3, count: 5000 });
  });

  it('an item blocked at the snapshot keeps how long it has been blocked so far, and the blocked are counted', () => {
    const series: AgingWipSeries = {
      name: 'model',
      items: [
        { stage: 'build', age: 3, blocked: 1.5 },
        { stage: 'build', age: 10 },
        { stage: 'test', age: 13, blocked: 13 },
      ],
      percentiles,
    };
    const data = agingWipData([series], ['build', 'test']);
    expect(data.dots.map((d) => [d.column, d.age, d.blocked])).toEqual([
      [0, 10, undefined],
      [0, 3, 1.5],
      [1, 13, 13],
    ]);
    expect(data.blocked).toBe(2);
    expect(agingWipData([{ ...series, items: [{ stage: 'build', age: 3 }] }]).blocked).toBe(0);
  });

  it("a run's series carries each blocked item's time so far, and nothing for one not blocked", () => {
    const r = {
      agingWip: {
        at: 100,
        count: 3,
        step: ['review', 'review', 'build'],
        age: [1, 2, 3],
        blocked: [null, 0.5, 3],
      },
      leadTime: { p50: 1, p85: 2, p95: 3 },
      series: { cumulative: { steps: { build: [], review: [] } } },
    } as unknown as SimulationResult;
    expect(agingWipSeries(r).items).toEqual([
      { stage: 'review', age: 1 },
      { stage: 'review', age: 2, blocked: 0.5 },
      { stage: 'build', age: 3, blocked: 3 },
    ]);
    expect(agingWipData([agingWipSeries(r)], runStages(r)).blocked).toBe(2);
  });

  it('a preset run: as many dots as items in its snapshot', () => {
    const r = quickResult('token-ring');
    const data = agingWipData([agingWipSeries(r)], runStages(r));
    expect(data.dots).toHaveLength(r.agingWip.step.length);
    expect(r.agingWip.count).toBeGreaterThan(0);
  });
});
