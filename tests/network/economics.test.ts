/**
 * The cost of delay in closed form, per profile, and what a run adds up: each item's cost
 * at its lead time, its value, and whether it was late, over the items the statistics count.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { parseScenario } from '../../src/model/parse.ts';
import { compileEconomics, delayCost, delayRate } from '../../src/network/economics.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

function economicsOf(costOfDelay: unknown) {
  const parsed = parseScenario({
    name: 'cost',
    run: { duration: 10 },
    demand: [{ id: 'w', interarrival: 1, steps: ['s'], costOfDelay }],
    nodes: [{ id: 'n', capacity: 1, serves: { s: 0.5 } }],
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return compileEconomics(parsed.scenario);
}

describe('the cost of delay of an item done at a given age', () => {
  it('standard and expedite: the rate times the lead time', () => {
    const e = economicsOf({ profile: 'expedite', rate: 40 });
    expect(delayCost(e, 0, 2.5)).toBe(100);
    expect(delayRate(e, 0, 1e6)).toBe(40);
  });

  it('fixed date: nothing by the deadline; after it the penalty and the rate for the time past it', () => {
    const e = economicsOf({ profile: 'fixed-date', deadline: 10, penalty: 500, rate: 20 });
    expect(delayCost(e, 0, 10)).toBe(0);
    expect(delayCost(e, 0, 13)).toBe(500 + 3 * 20);
    expect([delayRate(e, 0, 9), delayRate(e, 0, 11)]).toEqual([0, 20]);
  });

  it('intangible: a low rate until `after`, then the later rate', () => {
    const e = economicsOf({ profile: 'intangible', rate: 1, after: 30, laterRate: 10 });
    expect(delayCost(e, 0, 20)).toBe(20);
    expect(delayCost(e, 0, 40)).toBe(30 + 10 * 10);
  });
});

describe('economics over a run', () => {
  const run = (demand: Record<string, unknown>, node: Record<string, unknown> = {}) =>
    simulate({
      name: 'money',
      run: { duration: 2_000, warmup: 100, seed: 3, replications: 3 },
      demand: [{ id: 'w', interarrival: exponential(1.25), steps: ['s'], ...demand }],
      nodes: [{ id: 'n', capacity: 1, serves: { s: exponential(1) }, ...node }],
    });

  it('a standard cost of 1 per time unit makes the cost of delay per item the mean lead time', () => {
    const r = run({ costOfDelay: { profile: 'standard', rate: 1 } });
    const e = r.economics!;
    const totalLead = r.runs.reduce((s, x) => s + x.leadTimeMean * x.completed, 0);
    expect(e.costOfDelay.perItem).toBeCloseTo(totalLead / r.completed, 9);
    expect(e.costOfDelay.total * r.replications).toBeCloseTo(totalLead, 6);
    expect(e.costOfDelay.perTimeUnit).toBeCloseTo(e.costOfDelay.total / 1_900, 12);
  });

  it('a penalty of 1 per late item counts the late items, and the due dates say the same share', () => {
    const r = run({ costOfDelay: { profile: 'fixed-date', deadline: 6, penalty: 1 } });
    const e = r.economics!;
    expect(e.dueDates!.items * r.replications).toBe(r.completed);
    expect(e.costOfDelay.total / e.dueDates!.items).toBeCloseTo(e.dueDates!.shareLate, 12);
    expect(e.dueDates!.shareLate).toBeGreaterThan(0);
    expect(e.dueDates!.meanLateness).toBeGreaterThan(0);
  });

  it('value delivered is the items’ values; capacity costs its servers, its time and its items', () => {
    const r = run({ value: 10 }, { capacity: 2, capacityCost: { perServer: 3, perTime: 5, perItem: 0.5 } });
    const e = r.economics!;
    expect(e.value.delivered * r.replications).toBeCloseTo(10 * r.completed, 9);
    const served = r.nodes.n.served;
    expect(e.capacityCost.total).toBeCloseTo(3 * 2 * 1_900 + 5 * 1_900 + 0.5 * served, 6);
    expect(e.capacityCost.nodes.n).toBeCloseTo(e.capacityCost.total, 9);
    expect(e.totalCost.total).toBeCloseTo(e.capacityCost.total, 9);
  });

  it('a value drawn from a distribution delivers its mean per item, each replication within its sampling error', () => {
    // Uniform 1,000 to 3,000: mean 2,000, variance 2,000^2 / 12. Each replication's value per
    // item done, m_i over n_i items, is the mean of n_i independent draws, so
    // sum n_i (m_i - 2,000)^2 / variance is chi-square with 10 degrees of freedom: between
    // its 0.05% and 99.95% points, 1.48 and 29.59 (a 99.9% interval). A value that were the
    // mean every time (no draw) would give 0; a wrong mean or spread, far more than 29.59.
    const r = simulate({
      name: 'drawn value',
      run: { duration: 2_000, warmup: 100, seed: 5, replications: 10 },
      demand: [
        {
          id: 'w',
          interarrival: exponential(1.25),
          steps: ['s'],
          value: { dist: 'uniform', min: 1_000, max: 3_000 },
        },
      ],
      nodes: [{ id: 'n', capacity: 1, serves: { s: exponential(1) } }],
    });
    const values = r.economics!.runs.value;
    const variance = 2_000 ** 2 / 12;
    const chiSquare = r.runs.reduce((s, run, i) => {
      const m = values[i] / run.completed;
      return s + (run.completed * (m - 2_000) ** 2) / variance;
    }, 0);
    expect(chiSquare).toBeGreaterThan(1.48);
    expect(chiSquare).toBeLessThan(29.59);
    // And over all replications, the mean value per item within 3.29 standard errors of 2,000.
    const perItem = (r.economics!.value.delivered * r.replications) / r.completed;
    expect(Math.abs(perItem - 2_000)).toBeLessThan(3.29 * Math.sqrt(variance / r.completed));
  });

  it('a scenario without economics has no economics in its result', () => {
    expect(run({}).economics).toBeUndefined();
  });
});
