/**
 * The blockers card's lines: per node with a blocker its policy, the share blocked, for how
 * long and the share of lead time; then the total; and in a comparison each variant's with
 * its paired difference in the share of lead time blocked. The comparison's team is
 * deterministic with room for all (an item a day, work 0.5, every item blocked), so its
 * lead time is the blocked time plus 0.5.
 */
import { describe, expect, it } from 'vitest';
import { compare, type SimulationResult } from '../../src/index.ts';
import { blockerReports } from '../../src/report/index.ts';
import { blockerRows, blockersComparison } from '../../web/viewmodel/blockers-card.ts';

const team = (time: number, policy: string, blocker = true) => ({
  name: 'blocked',
  run: { duration: 100, warmup: 10, replications: 3 },
  demand: [{ id: 'job', interarrival: 1, steps: ['a'] }],
  nodes: [
    {
      id: 'team',
      capacity: 5,
      serves: { a: 0.5 },
      ...(blocker ? { blocker: { probability: 1, time, policy } } : {}),
    },
  ],
});

describe('the blockers card', () => {
  it('shows each node with a blocker, its policy, and the total, with their intervals', () => {
    const r = {
      timeUnit: 'week',
      blockers: {
        perItem: { mean: 1.2, ci95: [1.1, 1.3] },
        share: { mean: 0.2, ci95: [0.18, 0.22] },
        nodes: {
          review: { policy: 'aside', blocked: 0.3, time: 4, share: { mean: 0.15, ci95: [0.14, 0.16] } },
          vendor: { policy: 'hold', blocked: 0.05, time: 2, share: { mean: 0.05, ci95: null } },
        },
        runs: { perItem: [], share: [] },
      },
    } as unknown as SimulationResult;
    expect(blockerRows(blockerReports(r), r.timeUnit)).toEqual([
      {
        key: 'review',
        label: 'review',
        policy: 'put aside',
        text: '30% of items blocked and put aside while blocked, for 4 weeks on average; 15% (14%–16%) of lead time',
      },
      {
        key: 'vendor',
        label: 'vendor',
        policy: 'held',
        text: '5% of items blocked and held while blocked, for 2 weeks on average; 5% of lead time',
      },
      {
        key: 'all',
        label: 'In all',
        text: '1.2 ± 0.1 weeks blocked per item done; 20% (18%–22%) of lead time',
      },
    ]);
  });

  it('shows nothing without a blocker', () => {
    expect(blockerRows(blockerReports({ timeUnit: 'day' } as SimulationResult), 'day')).toEqual([]);
  });

  it("in a comparison, says how a variant's share of lead time blocked differs from the baseline's", () => {
    const c = compare([
      { name: 'Held', scenario: team(2, 'hold') },
      { name: 'Longer, aside', scenario: team(3, 'aside') },
      { name: 'Unblocked', scenario: team(3, 'hold', false) },
    ]);
    const variants = blockersComparison(c);
    expect(variants.map((v) => [v.variant, v.baseline, v.rows.map((r) => r.policy ?? r.key)])).toEqual([
      ['Held', true, ['held', 'all']],
      ['Longer, aside', false, ['put aside', 'all']],
    ]);
    expect(variants[0].difference).toBeUndefined();
    // Blocked 2 of a lead time of 2.5 against 3 of 3.5: 80% against 85.7%, 7.1% higher.
    expect(variants[0].rows[1].text).toBe('2 ± 0 days blocked per item done; 80% (80%–80%) of lead time');
    expect(variants[1].rows[1].text).toBe('3 ± 0 days blocked per item done; 86% (86%–86%) of lead time');
    expect(variants[1].difference).toBe(
      'Longer, aside’s share of lead time blocked is 7.1% higher than Held’s, 95% interval 7.1% to 7.1%.',
    );
  });
});
