import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dayOf } from '../../src/history/dates.ts';
import { fitHistory } from '../../src/history/fit.ts';
import {
  agingWip,
  cumulativeFlow,
  cycleTimeScatter,
  leadTimeHistogram,
  timeInStages,
  weeklyThroughput,
} from '../../src/history/flow-charts.ts';
import type { History } from '../../src/history/history.ts';
import { readHistory } from '../../src/history/read.ts';
import { simulatedHistory } from '../../src/history/simulated.ts';

const read = (text: string): History => {
  const outcome = readHistory(text);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems));
  return outcome.history;
};

// Three items through Ready -> Doing -> Done; C is still in Doing at the end (the 11th).
const small = read(
  [
    'ID,Type,Ready,Doing,Done',
    'A,bug,2025-01-01,2025-01-02,2025-01-04',
    'B,story,2025-01-01,2025-01-05,2025-01-09',
    'C,story,2025-01-03,2025-01-08,',
    'D,story,2025-01-10,,2025-01-11',
  ].join('\n'),
);
const day = (d: number) => dayOf(2025, 1, d);

describe('the flow charts of a history', () => {
  it('cycle-time scatter: each done item at its done date, with the percentile lines', () => {
    const { points, percentiles } = cycleTimeScatter(small);
    expect(points).toEqual([
      { done: day(4), leadTime: 3, type: 'bug' },
      { done: day(9), leadTime: 8, type: 'story' },
      { done: day(11), leadTime: 1, type: 'story' },
    ]);
    expect(percentiles).toEqual({ p50: 3, p85: 8, p95: 8 });
    expect(leadTimeHistogram(small, 2, 3)).toEqual([1, 1, 1]);
  });

  it('CFD: items that reached each stage or a later one by each day, so bands never cross', () => {
    const cfd = cumulativeFlow(small);
    expect(cfd.stages).toEqual(['Ready', 'Doing', 'Done']);
    const on = (d: number) => cfd.counts.map((c) => c[d - 1]);
    expect(on(1)).toEqual([2, 0, 0]);
    expect(on(4)).toEqual([3, 1, 1]); // B enters Doing on the 5th
    expect(on(10)).toEqual([4, 3, 2]); // D skipped Doing: it counts there once it is done
    expect(on(11)).toEqual([4, 4, 3]);
  });

  it('aging WIP: what is in progress at the end, by stage and age', () => {
    expect(agingWip(small).items).toEqual([{ id: 'C', stage: 'Doing', age: 8 }]);
  });

  it('throughput by week, and where the time goes', () => {
    expect(weeklyThroughput(small)).toEqual([1, 2]);
    const t = timeInStages(small);
    // Done items A, B, D: Ready 1 + 4 + 1 days, Doing 2 + 4 + 0, over 3 items.
    expect(t.stages).toEqual([
      { stage: 'Ready', role: 'waiting', days: 2 },
      { stage: 'Doing', role: 'work', days: 2 },
    ]);
    expect(t.flowEfficiency).toBeCloseTo(6 / 12, 12);
  });
});

describe('a period of the model, as the history it would leave', () => {
  const history = read(readFileSync('examples/team-events.csv', 'utf8'));
  const fitted = fitHistory(history);
  if (!fitted.ok) throw new Error(fitted.reason);
  const model = simulatedHistory(fitted.fit);

  it('has the history’s stages and period, each class’s items, and work in progress at its end', () => {
    expect(model.stages).toEqual(history.stages);
    expect(model.start).toBe(history.start);
    const stages = new Set(model.items.flatMap((i) => i.visits.map((v) => v.stage)));
    expect([...stages].every((s) => history.stages.includes(s))).toBe(true);
    expect(new Set(model.items.map((i) => i.type))).toEqual(new Set(['feature', 'bug']));
    expect(model.items.some((i) => i.doneAt === null)).toBe(true);
    for (const item of model.items)
      for (const v of item.visits) expect(v.exitedAt === null || v.exitedAt >= v.enteredAt).toBe(true);
  });

  it('its time at work in each step is the fitted service time, within 3.29 standard errors', () => {
    for (const step of fitted.fit.report.steps) {
      const times = model.items.flatMap((i) =>
        i.visits
          .filter((v) => v.stage === step.stage && v.exitedAt !== null)
          .map((v) => (v.exitedAt as number) - v.enteredAt),
      );
      const mean = times.reduce((s, x) => s + x, 0) / times.length;
      const se = (step.service.mean * step.service.cv) / Math.sqrt(times.length);
      expect(Math.abs(mean - step.service.mean)).toBeLessThan(3.29 * se);
    }
  });

  it('rework shows as backward moves, as in the history', () => {
    const back = model.items.filter((i) => i.visits.filter((v) => v.stage === 'Dev').length > 1);
    expect(back.length).toBeGreaterThan(10);
  });
});
