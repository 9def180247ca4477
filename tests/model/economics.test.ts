/**
 * The economics fields as a coach writes them: each cost-of-delay profile, a value, a cost of
 * capacity and a queue discipline; and what is refused, with the path and the rule broken.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../src/model/parse.ts';

type Doc = {
  name: string;
  run: Record<string, unknown>;
  demand: Record<string, unknown>[];
  nodes: Record<string, unknown>[];
  [field: string]: unknown;
};
const valid = (): Doc => ({
  name: 'economics',
  run: { duration: 100 },
  demand: [{ id: 'feature', interarrival: { dist: 'exponential', mean: 2 }, steps: ['build'] }],
  nodes: [{ id: 'devs', capacity: 2, serves: { build: { dist: 'exponential', mean: 1 } } }],
});

function problemsOf(doc: Doc) {
  const outcome = parseScenario(doc);
  if (outcome.ok) throw new Error('expected the scenario to be rejected');
  return outcome.problems.map((p) => `${p.path}: ${p.message}`);
}

describe('economics in a scenario', () => {
  it('takes every cost-of-delay profile, a value as an amount or a distribution, and a cost of capacity', () => {
    const profiles = [
      { profile: 'standard', rate: 100 },
      { profile: 'expedite', rate: 2000 },
      { profile: 'fixed-date', deadline: 30, penalty: 5000 },
      { profile: 'fixed-date', deadline: 30, rate: 200 },
      { profile: 'intangible', rate: 5, after: 60, laterRate: 80 },
    ];
    for (const costOfDelay of profiles) {
      const doc = valid();
      doc.demand[0].costOfDelay = costOfDelay;
      doc.demand[0].value = { dist: 'uniform', min: 1000, max: 3000 };
      doc.nodes[0].capacityCost = { perServer: 800, perItem: 2 };
      doc.nodes[0].discipline = 'wsjf';
      const parsed = parseScenario(doc);
      expect(parsed.ok, JSON.stringify(costOfDelay)).toBe(true);
    }
  });

  it('an unknown profile names the profiles there are', () => {
    const doc = valid();
    doc.demand[0].costOfDelay = { profile: 'urgent', rate: 3 };
    expect(problemsOf(doc)).toContain(
      'demand[0] (feature).costOfDelay.profile: profile must be one of standard, fixed-date, expedite, intangible',
    );
  });

  it('a key that belongs to another profile is named, not ignored', () => {
    const doc = valid();
    doc.demand[0].costOfDelay = { profile: 'standard', rate: 3, deadline: 4 };
    expect(problemsOf(doc)).toContain(
      'demand[0] (feature).costOfDelay: unknown key "deadline" (check the spelling; unknown keys are not ignored)',
    );
  });

  it('a fixed date needs a penalty or a rate; an intangible cost rises; amounts are not negative', () => {
    const doc = valid();
    doc.demand[0].costOfDelay = { profile: 'fixed-date', deadline: 10 };
    expect(problemsOf(doc)).toContain(
      'demand[0] (feature).costOfDelay.penalty: a fixed-date cost of delay needs a penalty, a rate after the deadline, or both',
    );
    doc.demand[0].costOfDelay = { profile: 'intangible', rate: 10, after: 5, laterRate: 2 };
    expect(problemsOf(doc)).toContain(
      'demand[0] (feature).costOfDelay.laterRate: an intangible cost of delay rises later: laterRate must be at least rate (for a flat one use standard)',
    );
    doc.demand[0].costOfDelay = { profile: 'standard', rate: -1 };
    expect(problemsOf(doc)).toContain('demand[0] (feature).costOfDelay.rate: rate must not be negative');
  });

  it('a cost of delay given as a bare number names the profiles and shows one', () => {
    const doc = valid();
    doc.demand[0].costOfDelay = 5;
    expect(problemsOf(doc)).toEqual([
      'demand[0] (feature).costOfDelay: costOfDelay must be an object with a profile (standard, fixed-date, expedite, intangible) and its amounts, such as { "profile": "standard", "rate": 100 }',
    ]);
  });

  it('a value is money: its messages speak of amounts, never of time', () => {
    const doc = valid();
    const valueProblems = (value: unknown) => {
      doc.demand[0].value = value;
      const problems = problemsOf(doc);
      for (const p of problems) expect(p).not.toMatch(/time/);
      return problems;
    };
    expect(valueProblems(-5)).toEqual([
      'demand[0] (feature).value: an amount must not be negative (a bare number means the same amount for every item)',
    ]);
    expect(valueProblems(1e13)).toEqual([
      'demand[0] (feature).value: an amount must be at most 1,000,000,000,000',
    ]);
    expect(valueProblems('a lot')).toEqual([
      'demand[0] (feature).value: must be a number (the same amount for every item) or a distribution such as { "dist": "normal", "mean": 1000, "sd": 200 }',
    ]);
    expect(valueProblems({ dist: 'exponential', mean: 1e13 })).toEqual([
      'demand[0] (feature).value.mean: mean must be at most 1,000,000,000,000',
    ]);
    expect(valueProblems({ dist: 'empirical', values: [] })).toEqual([
      'demand[0] (feature).value.values: values must list at least one measured amount',
    ]);
  });

  it('a time keeps its own words under the same rules', () => {
    const doc = valid();
    doc.demand[0].interarrival = -5;
    expect(problemsOf(doc)).toContain(
      'demand[0] (feature).interarrival: a time must not be negative (a bare number means a constant time)',
    );
  });

  it('a cost of capacity says what it costs', () => {
    const doc = valid();
    doc.nodes[0].capacityCost = {};
    expect(problemsOf(doc)).toContain(
      'nodes[0] (devs).capacityCost: capacityCost needs perServer, perTime or perItem',
    );
  });
});

describe('a queue discipline', () => {
  it('is one of the five, by name', () => {
    const doc = valid();
    doc.nodes[0].discipline = 'lifo';
    expect(problemsOf(doc)).toContain(
      'nodes[0] (devs).discipline: discipline must be one of fifo, priority, wsjf, edd, sjf',
    );
  });

  it('wsjf needs a cost of delay, and edd a due date, to order by', () => {
    const doc = valid();
    doc.nodes[0].discipline = 'wsjf';
    expect(problemsOf(doc)[0]).toMatch(/^nodes\[0\] \(devs\)\.discipline: wsjf orders work by cost of delay/);
    doc.nodes[0].discipline = 'edd';
    doc.demand[0].costOfDelay = { profile: 'standard', rate: 1 };
    expect(problemsOf(doc)[0]).toMatch(/^nodes\[0\] \(devs\)\.discipline: edd orders work by due date/);
  });

  it('other than priority, cannot be combined with preemption, which interrupts by class priority', () => {
    const doc = valid();
    doc.preemption = true;
    doc.nodes[0].discipline = 'fifo';
    expect(problemsOf(doc)[0]).toMatch(
      /^nodes\[0\] \(devs\)\.discipline: preemption interrupts work by class priority/,
    );
    doc.nodes[0].discipline = 'priority';
    expect(parseScenario(doc).ok).toBe(true);
  });
});
