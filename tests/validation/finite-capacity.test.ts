/**
 * WIP limits against theory: a node that turns arrivals away when full is a loss system,
 * whose blocking probability is known in closed form.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { erlangB, mm1k } from '../../src/metrics/theory.ts';
import { expectAgreement } from './helpers.ts';

function lossStation(lambda: number, service: unknown, capacity: number, wipLimit: number) {
  return {
    name: 'loss station',
    run: { duration: 40_000, warmup: 500, seed: 5, replications: 20 },
    demand: [
      {
        id: 'job',
        interarrival: { dist: 'exponential', mean: 1 / lambda },
        steps: ['work'],
        whenFull: 'reject',
      },
    ],
    nodes: [{ id: 'server', capacity, wipLimit, serves: { work: service } }],
  };
}

describe('finite WIP limits as loss systems', () => {
  it.each([
    [0.8, 3],
    [1.2, 5],
  ])('M/M/1/K at lambda %s, K = %s turns away the share of arrivals the formula predicts', (lambda, K) => {
    const result = simulate(lossStation(lambda, { dist: 'exponential', mean: 1 }, 1, K));
    const theory = mm1k(lambda, 1, K).pBlock;
    expect(result.warnings.filter((w) => w.includes('grows without bound'))).toEqual([]);
    expectAgreement(rejectionShares(result), theory, 0.05);
  });

  it('M/G/c/c (Erlang B): 5 servers, no queue, blocking depends only on the mean service time', () => {
    // Erlang's loss formula is insensitive to the service distribution: try a lognormal.
    const result = simulate(lossStation(3, { dist: 'lognormal', mean: 1, cv: 1.5 }, 5, 5));
    expectAgreement(rejectionShares(result), erlangB(5, 3), 0.05);
  });
});

/** The share of arrivals turned away, per replication. */
function rejectionShares(result: ReturnType<typeof simulate>): number[] {
  return result.runs.map((r) => r.rejected / r.arrived);
}
