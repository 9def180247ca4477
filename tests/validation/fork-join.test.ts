/**
 * The join of a parallel step against theory. Tolerances are 99.9% t-intervals over
 * replications with fixed seeds (helpers.ts), and each check requires its interval to be
 * narrow enough to tell.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { forkJoinTwoMm1, meanMaxOfExponentials } from '../../src/metrics/theory.ts';
import { expectAgreement, leadTimes } from './helpers.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

/** Work that forks at arrival into one part per branch, each served by a node of its own. */
function forkJoin(options: {
  lambda: number;
  means: number[];
  capacity: number;
  duration: number;
  replications: number;
}) {
  const branches = options.means.map((_, i) => `part-${i}`);
  return {
    name: 'fork-join',
    run: { duration: options.duration, warmup: 500, seed: 11, replications: options.replications },
    demand: [{ id: 'job', interarrival: exponential(1 / options.lambda), steps: [{ all: branches }] }],
    nodes: branches.map((b, i) => ({
      id: `node-${i}`,
      capacity: options.capacity,
      serves: { [b]: exponential(options.means[i]) },
    })),
  };
}

describe('a join of parallel branches that never queue', () => {
  // With more servers than items ever in progress, each part is served at once: the item's
  // lead time is the largest of its branches' service times.
  it.each([[[1, 1, 1]], [[1, 1, 1, 1, 1]]])(
    'for equal rates the mean lead time is sum_{k=1..n} 1/(k mu) (means %j)',
    (means) => {
      const result = simulate(
        forkJoin({ lambda: 0.5, means, capacity: 200, duration: 40_000, replications: 20 }),
      );
      const harmonic = means.reduce((s, _, k) => s + 1 / (k + 1), 0);
      expect(meanMaxOfExponentials(means.map((m) => 1 / m))).toBeCloseTo(harmonic, 12);
      expectAgreement(leadTimes(result), harmonic, 0.02);
      for (const id of Object.keys(result.nodes)) expect(result.nodes[id].wait.mean).toBe(0);
    },
  );

  it('for unequal rates the mean is the inclusion-exclusion sum over the branches', () => {
    const means = [0.5, 1, 2];
    const result = simulate(
      forkJoin({ lambda: 0.5, means, capacity: 200, duration: 40_000, replications: 20 }),
    );
    const theory = meanMaxOfExponentials(means.map((m) => 1 / m));
    // 1/2 + 1 + 2 - 1/3 - 2/5 - 2/3 + 2/7 for rates 2, 1 and 1/2.
    expect(theory).toBeCloseTo(2 + 1 + 0.5 - 1 / 3 - 2 / 5 - 2 / 3 + 2 / 7, 12);
    expectAgreement(leadTimes(result), theory, 0.02);
    // The slowest branch is last for the share of items P(X_i is the largest), by the same sum.
    const join = result.joins![0];
    expectAgreement(
      result.runs.map((r) => r.leadTimeMean),
      join.span.mean,
      0.02,
    );
    expect(join.lastShare['part-2']).toBeGreaterThan(join.lastShare['part-1']);
    expect(join.lastShare['part-1']).toBeGreaterThan(join.lastShare['part-0']);
  });
});

describe('a fork-join of two M/M/1 queues', () => {
  // Warm-up covers several relaxation times of each queue, as for M/M/1 (queueing-theory.test.ts).
  it.each([
    [0.5, 0.02],
    [0.8, 0.04],
  ])(
    'at rho %s the mean response time is (12 - rho)/8 x 1/(mu - lambda) (Nelson and Tantawi)',
    (rho, width) => {
      const result = simulate(
        forkJoin({
          lambda: rho,
          means: [1, 1],
          capacity: 1,
          duration: rho < 0.7 ? 60_000 : 150_000,
          replications: 20,
        }),
      );
      expectAgreement(leadTimes(result), forkJoinTwoMm1(rho, 1), width);
      // Each queue alone is an M/M/1: the join adds the wait for the slower of the two.
      expect(result.joins![0].span.mean).toBeGreaterThan(1 / (1 - rho));
    },
  );
});
