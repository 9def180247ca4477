/**
 * The join of a parallel step against theory. Tolerances are 99.9% t-intervals over
 * replications with fixed seeds (helpers.ts), and each check requires its interval to be
 * narrow enough to tell.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/index.ts';
import { forkJoinTwoMm1, meanMaxOfExponentials } from '../../src/metrics/theory.ts';
import { studentTQuantile } from '../metrics/student-t.ts';
import { expectAgreement, leadTimes } from './helpers.ts';

const exponential = (mean: number) => ({ dist: 'exponential', mean });

/**
 * A result's mean with its 95% interval over `replications`, widened to 99.9% by the ratio of
 * the t quantiles, against theory; and narrow enough (relative half-width) to tell.
 */
function expectWithin(
  m: { mean: number; ci95: readonly [number, number] | null },
  theory: number,
  replications: number,
  maxRelativeHalfWidth: number,
) {
  expect(m.ci95).not.toBeNull();
  const [lo, hi] = m.ci95!;
  const half =
    ((hi - lo) / 2) *
    (studentTQuantile(0.9995, replications - 1) / studentTQuantile(0.975, replications - 1));
  const detail = `simulated ${m.mean.toFixed(4)} ± ${half.toFixed(4)} (99.9%), theory ${theory.toFixed(4)}`;
  expect(Math.abs(m.mean - theory), detail).toBeLessThanOrEqual(half);
  expect(half / theory, `interval too wide to be a test: ${detail}`).toBeLessThanOrEqual(
    maxRelativeHalfWidth,
  );
}

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
    const join = result.joins![0];
    expectAgreement(
      result.runs.map((r) => r.leadTimeMean),
      join.span.mean,
      0.02,
    );
    // The wait at the join runs from the first part done to the last: max - min of the
    // branches' times, E[max] - 1 / (sum of the rates), since the first of independent
    // exponentials to end does so at the sum of their rates.
    const rates = means.map((m) => 1 / m);
    const wait = theory - 1 / rates.reduce((s, x) => s + x, 0);
    expectWithin(join.wait, wait, 20, 0.02);
    // Branch i is the last for the share P(X_i is the largest) = sum over the sets S of the
    // other branches of (-1)^|S| rate_i / (rate_i + rate_S): the integral of rate_i e^(-rate_i x)
    // prod_j (1 - e^(-rate_j x)), expanded. Items never queue, so each is an independent draw:
    // the pooled share over n items has a 99.9% interval of p +- 3.29 sqrt(p (1 - p) / n).
    const n = join.joined * result.replications;
    rates.forEach((rate, i) => {
      const others = rates.filter((_, j) => j !== i);
      let p = 0;
      for (let set = 0; set < 1 << others.length; set++) {
        const chosen = others.filter((_, j) => set & (1 << j));
        p += (chosen.length % 2 ? -1 : 1) * (rate / (rate + chosen.reduce((s, x) => s + x, 0)));
      }
      expect(Math.abs(join.lastShare[`part-${i}`] - p)).toBeLessThan(3.29 * Math.sqrt((p * (1 - p)) / n));
    });
    // For rates 2, 1 and 1/2: 11/105, 2/7 and 64/105 (the slowest last most often).
    expect(join.lastShare['part-0']).toBeCloseTo(11 / 105, 2);
    expect(join.lastShare['part-2']).toBeCloseTo(64 / 105, 2);
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
