/**
 * A comparison's paired differences in DORA's measures and in blocked time: over the
 * replications in which both variants saw the measure (a replication with no change
 * released has no lead time for changes), and only where both variants have it.
 */
import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../src/index.ts';
import { ratioCi95 } from '../../src/metrics/confidence.ts';
import { comparisonOf } from '../../src/runner.ts';

const result = (more: Partial<SimulationResult>) =>
  ({
    seed: 1,
    replications: 4,
    runs: [1, 2, 3, 4].map((x) => ({ leadTimeMean: x, throughput: x })),
    ...more,
  }) as unknown as SimulationResult;

const delivery = (runs: Record<string, (number | null)[]>) =>
  ({ runs }) as unknown as SimulationResult['delivery'];

describe('paired differences in delivery and blocked time', () => {
  it("pairs DORA's measures over the replications both saw, and leaves out one no pair saw", () => {
    const base = result({
      delivery: delivery({
        deploymentFrequency: [1, 1, 1, 1],
        leadTimeForChanges: [10, null, 12, 14],
        changeFailureRate: [0.1, 0.2, null, 0.1],
        timeToRestore: [null, null, 3, null],
      }),
    });
    const other = result({
      delivery: delivery({
        deploymentFrequency: [2, 2, 2, 2],
        leadTimeForChanges: [8, 9, null, 10],
        changeFailureRate: [0.1, 0.1, 0.3, 0.2],
        timeToRestore: [2, 4, null, 5],
      }),
    });
    const vs = comparisonOf(
      [
        { name: 'a', scenario: {} },
        { name: 'b', scenario: {} },
      ],
      [base, other],
    ).variants[1].vsBaseline!;
    expect(vs.deploymentFrequency).toEqual(ratioCi95([1, 1, 1, 1], [2, 2, 2, 2]));
    expect(vs.deploymentFrequency?.relative).toBe(1);
    // Replications 0 and 3: (10, 8) and (14, 10), a mean difference of -3.
    expect(vs.leadTimeForChanges).toEqual(ratioCi95([10, 14], [8, 10]));
    expect(vs.leadTimeForChanges?.diff).toBe(-3);
    expect(vs.changeFailureRate).toEqual(ratioCi95([0.1, 0.2, 0.1], [0.1, 0.1, 0.2]));
    // No replication restored in both.
    expect('timeToRestore' in vs).toBe(false);
    expect('blockedShare' in vs).toBe(false);
  });

  it('pairs the share of lead time blocked where both have blockers, and says nothing where one has none', () => {
    const blockers = (share: number[]) =>
      ({ runs: { perItem: share, share } }) as unknown as SimulationResult['blockers'];
    const names = [
      { name: 'a', scenario: {} },
      { name: 'b', scenario: {} },
    ];
    const both = comparisonOf(names, [
      result({ blockers: blockers([0.2, 0.3, 0.2, 0.3]) }),
      result({ blockers: blockers([0.1, 0.1, 0.1, 0.1]) }),
    ]).variants[1].vsBaseline!;
    expect(both.blockedShare).toEqual(ratioCi95([0.2, 0.3, 0.2, 0.3], [0.1, 0.1, 0.1, 0.1]));
    expect(both.blockedShare?.relative).toBeCloseTo(-0.6, 12);
    const one = comparisonOf(names, [result({ blockers: blockers([0.2, 0.3, 0.2, 0.3]) }), result({})])
      .variants[1].vsBaseline!;
    expect('blockedShare' in one).toBe(false);
    expect('leadTimeForChanges' in one).toBe(false);
  });
});
