/**
 * In a comparison, money counts only work done: of two variants, the one that turns more work
 * away pays no delay for it. The report says which turned more away, and what that does to its
 * money, in words the terminal and the page share.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { turnedAwayComparison } from '../../src/report/turned-away.ts';

type Economics = NonNullable<SimulationResult['economics']>;

/** A result made by hand: 10 replications, its items turned away in all, and its money. */
function made(
  rejected: number,
  rejectionRate: number,
  costOfDelay: number,
  turnedAway?: Economics['turnedAway'],
): SimulationResult {
  return {
    replications: 10,
    rejected,
    rejectionRate,
    economics: { costOfDelay: { total: costOfDelay }, ...(turnedAway ? { turnedAway } : {}) } as Economics,
  } as SimulationResult;
}

const waits = { name: 'wait', result: made(0, 0, 370_000) };
const rejects = {
  name: 'reject',
  result: made(1_070, 0.23, 64_000, {
    items: 107,
    share: 0.23,
    value: 107_400,
    classes: { feature: { items: 107, value: 107_400 } },
  }),
};

describe('work turned away in a comparison', () => {
  it('says the variant that turned more away, how much against how much, that its lower cost of delay is partly work not done, and what the work was worth', () => {
    expect(turnedAwayComparison(waits, rejects)).toBe(
      'reject turned away more work than wait: 107 items per replication (23% of arrivals) against none; ' +
        'its lower cost of delay is partly work not done, and the work it turned away was worth about 107,400 per replication (an estimate)',
    );
  });

  it('names the baseline when it is the one that turned more away', () => {
    expect(turnedAwayComparison(rejects, waits)).toMatch(/^reject turned away more work than wait: /);
  });

  it('counts the other’s too, and its worth, when both turned some away', () => {
    const fewer = {
      name: 'fewer',
      result: made(300, 0.07, 90_000, {
        items: 30,
        share: 0.07,
        value: 30_000,
        classes: { feature: { items: 30, value: 30_000 } },
      }),
    };
    expect(turnedAwayComparison(fewer, rejects)).toBe(
      'reject turned away more work than fewer: 107 items per replication (23% of arrivals) against 30 (7%); ' +
        'its lower cost of delay is partly work not done, and the work it turned away was worth about 107,400 per replication against 30,000 (an estimate)',
    );
  });

  it('does not call a higher cost of delay lower: it says the money counts only the work done', () => {
    const dearer = {
      name: 'reject',
      result: made(1_070, 0.23, 500_000, rejects.result.economics?.turnedAway),
    };
    expect(turnedAwayComparison(waits, dearer)).toBe(
      'reject turned away more work than wait: 107 items per replication (23% of arrivals) against none; ' +
        'its cost of delay and value count only the work it did, and the work it turned away was worth about 107,400 per replication (an estimate)',
    );
  });

  it('says no worth where the work turned away has no value', () => {
    const worthless = {
      name: 'reject',
      result: made(1_070, 0.23, 64_000, { items: 107, share: 0.23, classes: { feature: { items: 107 } } }),
    };
    expect(turnedAwayComparison(waits, worthless)).toBe(
      'reject turned away more work than wait: 107 items per replication (23% of arrivals) against none; its lower cost of delay is partly work not done',
    );
  });

  it('says which turned away the more valuable work when both turned as many items away', () => {
    const cheap = {
      name: 'bugs first',
      result: made(1_070, 0.23, 128_000, {
        items: 107,
        share: 0.23,
        value: 168_800,
        classes: { feature: { items: 40, value: 140_000 }, bug: { items: 67, value: 28_800 } },
      }),
    };
    const dear = {
      name: 'features first',
      result: made(1_070, 0.23, 64_000, {
        items: 107,
        share: 0.23,
        value: 411_800,
        classes: { feature: { items: 107, value: 411_800 } },
      }),
    };
    expect(turnedAwayComparison(cheap, dear)).toBe(
      'features first turned away more valuable work than bugs first: the same 107 items per replication (23% of arrivals), ' +
        'worth about 411,800 against 168,800 (an estimate); its lower cost of delay is partly that',
    );
    // The baseline may be the one, and its cost of delay need not be lower.
    const dearer = { ...dear, result: made(1_070, 0.25, 500_000, dear.result.economics?.turnedAway) };
    expect(turnedAwayComparison(dearer, cheap)).toBe(
      'features first turned away more valuable work than bugs first: the same 107 items per replication (25% of arrivals against 23%), ' +
        'worth about 411,800 against 168,800 (an estimate); its cost of delay and value count only the work it did',
    );
  });

  it('says nothing when both turned the same away, or when one has no money to qualify', () => {
    expect(turnedAwayComparison(waits, { name: 'also waits', result: made(0, 0, 300_000) })).toBeUndefined();
    expect(turnedAwayComparison(rejects, { ...rejects, name: 'same' })).toBeUndefined();
    const noMoney = { name: 'no money', result: { ...rejects.result, economics: undefined } };
    expect(turnedAwayComparison(waits, noMoney)).toBeUndefined();
    expect(turnedAwayComparison(noMoney, waits)).toBeUndefined();
  });
});
