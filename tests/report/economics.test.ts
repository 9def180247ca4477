/**
 * What a result says about money, line by line: each node's share of the cost of capacity sits
 * under the cost of capacity, as each class's share of the cost of delay sits under that.
 */
import { describe, expect, it } from 'vitest';
import { type SimulationResult, simulate } from '../../src/index.ts';
import { economicsLines } from '../../src/report/index.ts';
import { quickResult } from '../web/results-fixture.ts';

/** The WSJF preset's result with the cost of capacity of two nodes, made by hand. */
function withCapacity(nodes: Record<string, number>): SimulationResult {
  const r = quickResult('wsjf-cost-of-delay');
  if (!r.economics) throw new Error('the WSJF preset has economics');
  const total = Object.values(nodes).reduce((s, x) => s + x, 0);
  return {
    ...r,
    economics: {
      ...r.economics,
      capacityCost: { total, ci95: [total - 10, total + 10], perTimeUnit: total / 270, nodes },
    },
  };
}

describe('the economics lines', () => {
  it('say each node’s cost of capacity and its share, under the cost of capacity', () => {
    const lines = economicsLines(withCapacity({ 'review-team': 3000, agent: 1000 }));
    const at = lines.findIndex((l) => l.key === 'capacity');
    expect(lines[at]).toEqual({
      key: 'capacity',
      label: 'cost of capacity',
      part: false,
      text: '4,000 ± 10 per replication (14.8 per day)',
    });
    expect(lines.slice(at + 1, at + 3)).toEqual([
      { key: 'node', label: 'review-team', part: true, text: '3,000 (75% of it)' },
      { key: 'node', label: 'agent', part: true, text: '1,000 (25% of it)' },
    ]);
    expect(lines[at + 3].key).toBe('total');
  });

  it('name a node that costs nothing yet no share of nothing', () => {
    const lines = economicsLines(withCapacity({ 'review-team': 0 }));
    expect(lines.find((l) => l.key === 'node')).toEqual({
      key: 'node',
      label: 'review-team',
      part: true,
      text: '0',
    });
  });

  it('say no node where no node has a cost of capacity', () => {
    expect(economicsLines(withCapacity({})).some((l) => l.key === 'node')).toBe(false);
  });

  it('mark only the shares of a line as parts of it', () => {
    const lines = economicsLines(quickResult('wsjf-cost-of-delay'));
    expect(lines.filter((l) => l.part).map((l) => l.key)).toEqual(['class', 'class', 'class', 'node']);
  });
});

/** A result with nothing but its time unit and economics, made by hand so every number is known. */
function handMade(economics: SimulationResult['economics']): SimulationResult {
  return { timeUnit: 'day', economics } as SimulationResult;
}

const twoClasses: NonNullable<SimulationResult['economics']> = {
  costOfDelay: {
    total: 12_300,
    ci95: [11_890, 12_710],
    perTimeUnit: 6.83,
    perItem: 4.1,
    classes: {
      launch: { total: 10_000, perItem: 50, value: 80_000 },
      upkeep: { total: 2_300, perItem: 0.8, value: 0 },
    },
  },
  capacityCost: { total: 1_800, ci95: [1_800, 1_800], perTimeUnit: 1, nodes: {} },
  totalCost: { total: 14_100, ci95: [13_690, 14_510], perTimeUnit: 7.83 },
  value: { delivered: 80_000, ci95: [76_000, 84_000], late: 20_000 },
  dueDates: { items: 200, shareLate: 0.25, meanLateness: 1.5 },
  runs: { costOfDelay: [], capacityCost: [], totalCost: [], value: [] },
};

describe('the economics lines of a small result made by hand', () => {
  it('say the cost of delay per replication, per time unit and per item, then each class with the value it delivered', () => {
    const lines = economicsLines(handMade(twoClasses));
    expect(lines.map((l) => [l.key, l.label, l.part, l.text])).toEqual([
      ['cost-of-delay', 'cost of delay', false, '12,300 ± 410 per replication (6.83 per day, 4.1 per item)'],
      ['class', 'launch', true, 'cost of delay 10,000 (50 per item), value 80,000'],
      ['class', 'upkeep', true, 'cost of delay 2,300 (0.8 per item)'],
      ['capacity', 'cost of capacity', false, '1,800 ± 0 per replication (1 per day)'],
      ['total', 'total cost', false, '14,100 ± 410 per replication (7.83 per day)'],
      ['value', 'value delivered', false, '80,000 ± 4,000 per replication, 20,000 of it late'],
      ['due-dates', 'due dates', false, '25% of 200 items with a due date were late, by 1.5 days on average'],
    ]);
  });

  it('leave out what did not happen: one class, no late value, no item late, no due dates', () => {
    const oneClass = {
      ...twoClasses,
      costOfDelay: { ...twoClasses.costOfDelay, classes: { launch: twoClasses.costOfDelay.classes.launch } },
      value: { ...twoClasses.value, late: 0 },
      dueDates: { items: 200, shareLate: 0, meanLateness: 0 },
    };
    const lines = economicsLines(handMade(oneClass));
    expect(lines.some((l) => l.key === 'class')).toBe(false);
    expect(lines.find((l) => l.key === 'value')?.text).toBe('80,000 ± 4,000 per replication');
    expect(lines.find((l) => l.key === 'due-dates')?.text).toBe('0% of 200 items with a due date were late');
    const undated = economicsLines(handMade({ ...oneClass, dueDates: undefined }));
    expect(undated.some((l) => l.key === 'due-dates')).toBe(false);
  });

  it('say nothing about money where the scenario has none', () => {
    expect(economicsLines(handMade(undefined))).toEqual([]);
  });
});

describe('the economics lines of a result that turned work away', () => {
  /** The hand-made result above, with 120 items per replication turned away (12% of arrivals). */
  const turned = (turnedAway: NonNullable<SimulationResult['economics']>['turnedAway']) =>
    handMade({ ...twoClasses, turnedAway });

  it('say first how many items and what share, what they were worth on average, and that the money counts only work done', () => {
    const lines = economicsLines(
      turned({
        items: 120,
        share: 0.12,
        value: 96_000,
        classes: { launch: { items: 80, value: 96_000 }, upkeep: { items: 40 } },
      }),
    );
    expect(lines.slice(0, 4).map((l) => [l.key, l.label, l.part, l.text])).toEqual([
      [
        'turned-away',
        'turned away',
        false,
        '120 items per replication (12% of arrivals), worth about 96,000 (an estimate from the mean value per item); the cost of delay and value below count only the work done',
      ],
      ['turned-away-class', 'launch', true, '80 items, worth about 96,000'],
      ['turned-away-class', 'upkeep', true, '40 items'],
      ['cost-of-delay', 'cost of delay', false, '12,300 ± 410 per replication (6.83 per day, 4.1 per item)'],
    ]);
  });

  it('say no worth where no class turned away has a value, and no class where there is one class', () => {
    const oneClass = {
      ...twoClasses,
      costOfDelay: { ...twoClasses.costOfDelay, classes: { upkeep: twoClasses.costOfDelay.classes.upkeep } },
      turnedAway: { items: 40, share: 0.05, classes: { upkeep: { items: 40 } } },
    };
    const lines = economicsLines(handMade(oneClass));
    expect(lines.filter((l) => l.key.startsWith('turned-away')).map((l) => l.text)).toEqual([
      '40 items per replication (5% of arrivals); the cost of delay and value below count only the work done',
    ]);
  });

  it('say that only the money the scenario has counts only the work done, and nothing of a cost of capacity alone', () => {
    const exponential = (mean: number) => ({ dist: 'exponential', mean });
    /** A team that turns features away at its WIP limit, with the money given. */
    const team = (money: { demand?: object; node?: object }) => ({
      name: 'turns work away',
      timeUnit: 'day',
      run: { duration: 200, warmup: 20, seed: 7, replications: 2 },
      demand: [
        {
          id: 'feature',
          interarrival: exponential(1),
          steps: ['build'],
          whenFull: 'reject',
          ...money.demand,
        },
      ],
      nodes: [{ id: 'team', capacity: 1, wipLimit: 2, serves: { build: exponential(0.9) }, ...money.node }],
    });
    const said = (money: { demand?: object; node?: object }) =>
      economicsLines(simulate(team(money)))
        .find((l) => l.key === 'turned-away')
        ?.text.split('; ')[1];
    const delay = { costOfDelay: { profile: 'standard', rate: 100 } };
    const value = { value: { dist: 'constant', value: 1_000 } };
    const capacity = { capacityCost: { perServer: 800 } };
    expect(said({ demand: { ...delay, ...value } })).toBe(
      'the cost of delay and value below count only the work done',
    );
    expect(said({ demand: delay, node: capacity })).toBe('the cost of delay below counts only the work done');
    expect(said({ demand: value })).toBe('the value below counts only the work done');
    const capacityOnly = economicsLines(simulate(team({ node: capacity }))).find(
      (l) => l.key === 'turned-away',
    );
    expect(capacityOnly?.text).toMatch(/^[\d.]+ items per replication \(\d+% of arrivals\)$/);
  });

  it('say nothing of it when nothing was turned away, and "none" beside a variant that turned work away', () => {
    expect(economicsLines(handMade(twoClasses)).some((l) => l.key.startsWith('turned-away'))).toBe(false);
    expect(economicsLines(handMade(twoClasses), true)[0]).toEqual({
      key: 'turned-away',
      label: 'turned away',
      part: false,
      text: 'none',
    });
    expect(economicsLines(handMade(undefined), true)).toEqual([]);
  });
});
