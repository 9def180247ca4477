import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import {
  stagesFromRoles,
  timeInStagesData,
  timeInStepsSeries,
} from '../../web/viewmodel/chart-data/time-in-stages-data.ts';
import { quickResult } from './results-fixture.ts';

describe('time-in-stage chart data', () => {
  it('lays the stages end to end, each with its flow efficiency, and totals the lead time', () => {
    const data = timeInStagesData([
      {
        name: 'model',
        stages: [
          { stage: 'build', wait: 1, work: 3 },
          { stage: 'review', wait: 6, work: 2 },
        ],
      },
    ]);
    expect(data.rows).toEqual([
      { stage: 'build', bars: [{ stage: 'build', wait: 1, work: 3, from: 0, flowEfficiency: 0.75 }] },
      { stage: 'review', bars: [{ stage: 'review', wait: 6, work: 2, from: 4, flowEfficiency: 0.25 }] },
    ]);
    expect(data.totals).toEqual([{ name: 'model', wait: 7, work: 5, total: 12, flowEfficiency: 5 / 12 }]);
    expect(data.xMax).toBe(12);
  });

  it('two series share the rows; a stage only one has leaves the other a gap, not a shift', () => {
    const data = timeInStagesData([
      {
        name: 'history',
        stages: [
          { stage: 'Ready', wait: 2, work: 0 },
          { stage: 'Dev', wait: 0, work: 5 },
        ],
      },
      { name: 'model', stages: [{ stage: 'Dev', wait: 1, work: 4 }] },
    ]);
    expect(data.rows.map((r) => r.stage)).toEqual(['Ready', 'Dev']);
    expect(data.rows[0].bars[1]).toBeNull();
    expect(data.rows[1].bars.map((b) => b?.from)).toEqual([2, 0]);
    expect(data.totals.map((t) => t.total)).toEqual([7, 5]);
    expect(data.xMax).toBe(7);
  });

  it("a history's stages: a waiting stage's days are wait, a working stage's work", () => {
    expect(
      stagesFromRoles([
        { stage: 'Ready for review', role: 'waiting', days: 2 },
        { stage: 'Review', role: 'work', days: 0.8 },
      ]),
    ).toEqual([
      { stage: 'Ready for review', wait: 2, work: 0 },
      { stage: 'Review', wait: 0, work: 0.8 },
    ]);
  });

  it("a run's steps, after its backlog when it has one", () => {
    const r = {
      timeInSteps: {
        backlog: 5,
        steps: [{ step: 'build', wait: 1, work: 2, flowEfficiency: 2 / 3 }],
      },
    } as unknown as SimulationResult;
    expect(timeInStepsSeries(r)).toEqual({
      name: 'model',
      stages: [
        { stage: 'backlog', wait: 5, work: 0 },
        { stage: 'build', wait: 1, work: 2 },
      ],
    });
  });

  it('a preset run: its timeline is as long as its lead time per item, at its flow efficiency', () => {
    const r = quickResult('token-ring');
    const data = timeInStagesData([timeInStepsSeries(r)]);
    expect(data.rows.map((row) => row.stage)).toEqual(Object.keys(r.series.cumulative.steps));
    expect(data.totals[0].flowEfficiency).toBeCloseTo(r.flowEfficiency, 9);
    const last = data.rows.at(-1)?.bars[0];
    expect((last?.from ?? 0) + (last?.wait ?? 0) + (last?.work ?? 0)).toBeCloseTo(data.totals[0].total, 9);
  });
});
